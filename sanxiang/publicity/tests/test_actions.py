"""The editor's acts and the lifecycle (draft → approved → published → corrected | withdrawn | expired):
保密审查 before approval (政府信息公开条例 第17条; R-PUB-11), the publication time and lateness in the record
log (118号; R-PUB-07), withdrawal within 3 working days with a public reason (行政处罚法 第48条 第2款;
R-PUB-10), expiry after the display window (R-PUB-12), corrections on request, exclusions (行政处罚法 第50条).
A refusal writes nothing, no record either."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from sanxiang.cases.tests.case_factories import Desk
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.publicity import actions, portal
from sanxiang.publicity.enums import ExclusionReason, PublicationStatus, WithdrawalGround
from sanxiang.publicity.models import Publication
from sanxiang.publicity.tests.conftest import Snapshot
from sanxiang.publicity.tests.helpers import decided_penalty, draft_of, published
from sanxiang.records.selectors import timeline
from sanxiang.records.writer import Subject


def _events(publication: Publication) -> list[str]:
    return [item.event_type for item in timeline("publication", publication.pk)]


def _data(publication: Publication, event: str) -> dict[str, object]:
    import json

    from sanxiang.records.models import PendingEntry

    subject = Subject("publication", str(publication.pk))
    bodies = PendingEntry.objects.filter(subject_kind=subject.kind, subject_id=subject.id, event_type=event)
    return dict(json.loads(bytes(bodies.order_by("-pk").first().body))["data"])  # type: ignore[union-attr]


def test_approval_is_refused_until_the_confidentiality_check_passed(
    desk: Desk, snapshot: Callable[[], Snapshot]
) -> None:
    """政府信息公开条例 第17条 / R-PUB-11: 保密审查 before release; the refusal writes nothing."""
    publication = draft_of(decided_penalty(desk))
    before = snapshot()
    with pytest.raises(RuleViolation, match="保密审查"):
        actions.check_approve_publication(publication, actor_user=desk.world.officer_user)
    assert snapshot() == before


def test_masking_more_needs_a_new_confidentiality_check(desk: Desk) -> None:
    user = desk.world.officer_user
    publication = draft_of(decided_penalty(desk, facts="经查，某秘密工程由山西某建设有限公司施工。"))
    publication = actions.check_clear_confidentiality(publication, actor_user=user)
    publication = actions.check_mask_more(publication, actor_user=user, terms=["某秘密工程"])
    assert "某秘密工程" not in publication.document
    assert "某秘密工程" in publication.items["facts"]
    with pytest.raises(RuleViolation):
        actions.check_approve_publication(publication, actor_user=user)
    publication = actions.check_clear_confidentiality(publication, actor_user=user)
    assert (
        actions.check_approve_publication(publication, actor_user=user).status == PublicationStatus.APPROVED
    )


def test_bad_terms_are_refused_and_nothing_is_written(desk: Desk, snapshot: Callable[[], Snapshot]) -> None:
    publication = draft_of(decided_penalty(desk))
    before = snapshot()
    with pytest.raises(InvalidInput):
        actions.check_mask_more(publication, actor_user=desk.world.officer_user, terms=["x", " "])
    assert snapshot() == before


def test_only_the_agencys_publicity_editor_acts(desk: Desk, snapshot: Callable[[], Snapshot]) -> None:
    publication = draft_of(decided_penalty(desk))
    before = snapshot()
    for user in (desk.world.colleague_user, desk.world.outsider_user, desk.world.supervisor_user):
        with pytest.raises(RuleViolation):
            actions.check_clear_confidentiality(publication, actor_user=user)
    assert snapshot() == before


def test_publishing_records_the_time_and_whether_it_was_late(desk: Desk) -> None:
    """118号 / R-PUB-07: the publication time enters the record log; on time the day after the decision."""
    publication = published(desk)
    assert publication.status == PublicationStatus.PUBLISHED
    assert publication.published_at == clock.now()
    assert publication.public_until == dt.date(2029, 8, 20)  # 36 months (default rule), R-PUB-12
    data = _data(publication, "publication.published")
    assert data["published_at"] == clock.now().isoformat()
    assert data["late"] is False
    assert data["document_digest"] == publication.document_digest
    assert _events(publication) == [
        "publication.drafted",
        "publication.confidentiality_cleared",
        "publication.approved",
        "publication.published",
    ]


def test_a_late_publication_is_recorded_as_late(desk: Desk) -> None:
    publication = draft_of(decided_penalty(desk))
    with clock.frozen_now(dt.datetime(2026, 9, 1, 2, tzinfo=dt.UTC)):  # due 2026-08-31
        publication = published(desk, publication.case)
        assert _data(publication, "publication.published")["late"] is True


def test_publishing_twice_is_refused_by_the_transition_table(desk: Desk) -> None:
    publication = published(desk)
    with pytest.raises(RuleViolation):
        actions.check_publish_publication(publication, actor_user=desk.world.officer_user)


def test_withdrawal_needs_its_ground_first_and_is_due_in_3_working_days(
    desk: Desk, snapshot: Callable[[], Snapshot]
) -> None:
    """行政处罚法 第48条 第2款: revoked on Fri 2026-08-21 → withdraw by Wed 2026-08-26."""
    user = desk.world.officer_user
    publication = published(desk)
    before = snapshot()
    with pytest.raises(RuleViolation, match="第48条"):
        actions.check_withdraw_publication(publication, actor_user=user, reason="决定已被撤销")
    assert snapshot() == before
    publication = actions.check_open_withdrawal(
        publication, actor_user=user, ground=WithdrawalGround.REVOKED, ground_on=dt.date(2026, 8, 21)
    )
    assert publication.withdrawal_due == dt.date(2026, 8, 26)
    before = snapshot()
    with pytest.raises(InvalidInput):
        actions.check_withdraw_publication(publication, actor_user=user, reason="  ")
    assert snapshot() == before
    publication = actions.check_withdraw_publication(
        publication, actor_user=user, reason="该处罚决定经行政复议被撤销。"
    )
    assert publication.status == PublicationStatus.WITHDRAWN
    data = _data(publication, "publication.withdrawn")
    assert (data["reason"], data["late"]) == ("该处罚决定经行政复议被撤销。", False)


def test_a_withdrawn_publication_stays_public_with_its_reason(desk: Desk) -> None:
    """Never a silent delete (行政处罚法 第48条 第2款): the public page keeps it with its reason."""
    user = desk.world.officer_user
    publication = published(desk)
    actions.check_open_withdrawal(
        publication, actor_user=user, ground=WithdrawalGround.VOID, ground_on=dt.date(2026, 8, 21)
    )
    actions.check_withdraw_publication(publication, actor_user=user, reason="该决定被确认无效。")
    shown = portal.get_public(publication.pk)
    assert shown is not None
    assert shown.withdrawal_reason == "该决定被确认无效。"


def test_a_ground_dated_in_the_future_is_refused(desk: Desk, snapshot: Callable[[], Snapshot]) -> None:
    publication = published(desk)
    before = snapshot()
    with pytest.raises(InvalidInput):
        actions.check_open_withdrawal(
            publication,
            actor_user=desk.world.officer_user,
            ground=WithdrawalGround.CHANGED,
            ground_on=dt.date(2026, 9, 1),
        )
    assert snapshot() == before


def test_expiry_takes_it_off_the_public_list_and_keeps_it_in_the_archive(desk: Desk) -> None:
    """R-PUB-12: after the display window the publication leaves the public list; the row and its records
    stay."""
    publication = published(desk)
    assert actions.do_expire_publications(today=dt.date(2029, 8, 20)) == 0
    assert actions.do_expire_publications(today=dt.date(2029, 8, 21)) == 1
    publication.refresh_from_db()
    assert publication.status == PublicationStatus.EXPIRED
    assert portal.get_public(publication.pk) is None
    assert _events(publication)[-1] == "publication.expired"


def test_a_correction_on_request_is_recorded_and_masked_again(desk: Desk) -> None:
    publication = published(desk)
    before = publication.document_digest
    publication = actions.check_correct_publication(
        publication,
        actor_user=desk.world.officer_user,
        requested_by="山西某建设有限公司",
        request="违法事实表述有误",
        changes={"facts": "擅自拆除人防工程，联系人电话13912345678。"},
    )
    assert publication.status == PublicationStatus.CORRECTED
    assert "13912345678" not in publication.document
    correction = publication.corrections.get()
    assert (correction.before_digest, correction.after_digest) == (before, publication.document_digest)
    assert _data(publication, "publication.corrected")["before_digest"] == before


def test_exclusion_for_a_state_secret_needs_its_explanation(
    desk: Desk, snapshot: Callable[[], Snapshot]
) -> None:
    """行政处罚法 第50条; 政府信息公开条例 第14条: not published, reason recorded."""
    publication = draft_of(decided_penalty(desk))
    before = snapshot()
    with pytest.raises(InvalidInput):
        actions.check_exclude_publication(
            publication, actor_user=desk.world.officer_user, reason=ExclusionReason.STATE_SECRET, note=""
        )
    assert snapshot() == before
    publication = actions.check_exclude_publication(
        publication, actor_user=desk.world.officer_user, reason=ExclusionReason.STATE_SECRET, note="涉密工程"
    )
    assert publication.status == PublicationStatus.EXCLUDED
    with pytest.raises(RuleViolation):
        actions.check_approve_publication(publication, actor_user=desk.world.officer_user)


def test_overriding_must_publish_needs_a_reason(desk: Desk, snapshot: Callable[[], Snapshot]) -> None:
    """R-PUB-09: any override of the rule is recorded with its reason."""
    publication = draft_of(decided_penalty(desk))
    before = snapshot()
    with pytest.raises(InvalidInput):
        actions.check_set_must_publish(
            publication, actor_user=desk.world.officer_user, must_publish=False, reason=""
        )
    assert snapshot() == before
    publication = actions.check_set_must_publish(
        publication, actor_user=desk.world.officer_user, must_publish=False, reason="仅警告，社会影响小"
    )
    assert (publication.must_publish, publication.must_publish_reason) == (False, "仅警告，社会影响小")
    assert _data(publication, "publication.must_publish_set") == {
        "must_publish": False,
        "reason": "仅警告，社会影响小",
    }
