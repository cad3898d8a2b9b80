"""The fixed review checklist (DOMAIN.md R-LR-03, 国办发〔2018〕118号) as data: parse and validate the
reviewer's answers (every item passed or failed, a comment for each failure) and the outcome they allow
(only a review with every item passed can approve). Pure; never touches the database."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from sanxiang.core.errors import InvalidInput
from sanxiang.review.enums import ChecklistItem, Outcome

Answers = dict[str, dict[str, Any]]


def clean_answers(answers: Mapping[str, Mapping[str, Any]]) -> Answers:
    """``{item: {"passed": bool, "comment": str}}`` for every item of the checklist, or InvalidInput."""
    errors: dict[str, list[str]] = {}
    cleaned: Answers = {}
    for item in ChecklistItem:
        answer = answers.get(item.value)
        if answer is None or not isinstance(answer.get("passed"), bool):
            errors[item.value] = [_("Say whether this item passed.")]
            continue
        comment = str(answer.get("comment", "")).strip()
        if not answer["passed"] and not comment:
            errors[item.value] = [_("Explain why this item failed.")]
            continue
        cleaned[item.value] = {"passed": answer["passed"], "comment": comment}
    if errors:
        raise InvalidInput(_("Answer every item of the review checklist."), errors)
    return cleaned


def failed_items(answers: Answers) -> list[str]:
    return [item for item, answer in answers.items() if not answer["passed"]]


def check_outcome(outcome: str, answers: Answers) -> None:
    """Approval needs every item passed; a refusal or return needs at least one failed item to say why."""
    failed = failed_items(answers)
    if outcome == Outcome.APPROVED and failed:
        raise InvalidInput(
            _("A review with failed items cannot approve the decision."), {"outcome": [_("Choose again.")]}
        )
    if outcome != Outcome.APPROVED and not failed:
        raise InvalidInput(
            _("Mark the items that fail to say why the decision is not approved."),
            {"outcome": [_("Choose again.")]},
        )
