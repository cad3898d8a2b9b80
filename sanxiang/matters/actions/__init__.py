"""Every write of the matters app. Each ``check_*`` validates and raises InvalidInput or RuleViolation
writing nothing, then writes its rows and its record-log entry in one transaction. Callers have already
passed a permission check (``selectors.may_edit``)."""

from sanxiang.matters.actions.drafts import check_recite_current_texts, check_remove_entry
from sanxiang.matters.actions.entries import check_add_matter
from sanxiang.matters.actions.imports import check_change_entry, check_import_entries
from sanxiang.matters.actions.library import (
    check_add_article,
    check_amend_article,
    check_create_law,
    check_repeal_article,
)
from sanxiang.matters.actions.lists import (
    check_add_av_entry,
    check_add_benchmark,
    check_add_fee_standard,
    check_add_inspection_item,
    check_add_list_entry,
    check_add_review_rule,
)
from sanxiang.matters.actions.versions import (
    check_approve_version,
    check_confirm_value,
    check_draft_version,
    check_publish_version,
)

__all__ = [
    "check_add_article",
    "check_add_av_entry",
    "check_add_benchmark",
    "check_add_fee_standard",
    "check_add_inspection_item",
    "check_add_list_entry",
    "check_add_matter",
    "check_add_review_rule",
    "check_amend_article",
    "check_approve_version",
    "check_change_entry",
    "check_confirm_value",
    "check_create_law",
    "check_draft_version",
    "check_import_entries",
    "check_publish_version",
    "check_recite_current_texts",
    "check_remove_entry",
    "check_repeal_article",
]
