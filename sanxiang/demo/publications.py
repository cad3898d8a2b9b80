"""Demo publications of 太原 (事后公开): the penalty decisions of the demo cases approved and published two
days after each decision, one of them withdrawn with its public reason; a licence granted and published;
inspection results, one of which has passed its display window (a 3-month 太原 rule for inspection results)
and expired. Everything runs through the case engine and the publicity actions with the clock on each act's
day. Idempotent: nothing is done when 太原 already has a published demo publication.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sanxiang.accounts.models import User
from sanxiang.cases import engine
from sanxiang.cases.models import Case, Party
from sanxiang.core import clock
from sanxiang.demo.cases import MARK, Desk, acting_user, at, clear_recording, desk
from sanxiang.matters.enums import ListKind
from sanxiang.matters.models import Matter
from sanxiang.matters.selectors import version_in_force
from sanxiang.organizations.models import Agency
from sanxiang.publicity import actions
from sanxiang.publicity.enums import PublicationStatus, WithdrawalGround
from sanxiang.publicity.models import Publication
from sanxiang.publicity.rule_actions import check_set_publication_rule

Step = tuple[dt.date, Callable[[], None]]
WITHDRAWAL_REASON = "该处罚决定经行政复议被撤销（太原市人民政府行政复议决定），依法撤回公示。"


def _matter(agency: Agency, workflow: str) -> Matter | None:
    version = version_in_force(ListKind.CATALOGUE, agency, on=clock.today())
    return Matter.objects.filter(version=version, workflow_key=workflow).order_by("code").first()


def _run_case(  # noqa: PLR0917 - one demo case: its desk, matter, party, acts, day and facts
    found: Desk,
    matter: Matter,
    party: Party,
    acts: list[tuple[dt.date, str, dict[str, object]]],
    opened: dt.date,
    facts: str,
) -> None:
    with at(opened):
        case: Case = engine.check_register_case(
            actor_user=found.user,
            agency=found.agency,
            matter=matter,
            parties=[party],
            officers=list(found.officers),
            violation_on=opened - dt.timedelta(days=3),
            facts=MARK + facts,
            on=opened,
        )
    for index, (day, act, data) in enumerate(acts):
        with at(day, index + 1):
            clear_recording(case, act, day, requester=found.user)
            actor = acting_user(case, act, found.user)
            case = engine.check_perform_act(case, act=act, actor_user=actor, on=day, data=data)


def _publish(publication: Publication, editor: User, day: dt.date) -> Publication:
    with at(day, 30):
        publication = actions.check_clear_confidentiality(publication, actor_user=editor)
        publication = actions.check_approve_publication(publication, actor_user=editor)
        return actions.check_publish_publication(publication, actor_user=editor)


def _other_decisions(found: Desk, today: dt.date) -> None:
    """A licence granted 20 days ago; inspection results 110 and 12 days ago."""
    licence, inspection = _matter(found.agency, "license"), _matter(found.agency, "inspection")
    company, person = found.parties[0], found.parties[-1]
    if licence is not None:
        start = today - dt.timedelta(days=30)
        acts: list[tuple[dt.date, str, dict[str, object]]] = [
            (start + dt.timedelta(days=d), a, {}) for d, a in ((1, "accept"), (5, "examine"), (10, "grant"))
        ]
        _run_case(found, licence, company, acts, start, "申请拆除人民防空工程")
    if inspection is None:
        return
    for age, result in ((118, "检查发现防护密闭门维护不到位，已责令限期整改。"), (15, "未发现问题。")):
        start = today - dt.timedelta(days=age)
        steps: tuple[tuple[int, str, dict[str, object]], ...] = (
            (1, "approve", {}),
            (2, "check", {}),
            (3, "record_result", {"note": result}),
        )
        acts = [(start + dt.timedelta(days=d), a, data) for d, a, data in steps]
        _run_case(
            found, inspection, person if age > 100 else company, acts, start, "人防工程维护管理随机抽查"
        )


def load_publications(agency: Agency, *, editor_username: str, admin_username: str, today: dt.date) -> int:
    """Publish the demo decisions of ``agency``; returns how many publications are public or expired."""
    if Publication.objects.filter(agency=agency, published_at__isnull=False).exists():
        return 0
    found = desk(agency, "officer", "department_head")
    editor = User.objects.filter(username=editor_username).first()
    admin = User.objects.filter(username=admin_username).first()
    if found is None or editor is None or admin is None:
        return 0
    start = today - dt.timedelta(days=119)
    with at(start):
        check_set_publication_rule(
            actor_user=admin,
            agency=agency,
            kind="inspection",
            effective_from=start,
            due_working_days=20,
            display_months=3,
            basis="国发〔2015〕58号；太原市人防办：检查结果公示3个月（演示）",
        )
    _other_decisions(found, today)
    drafts = Publication.objects.filter(agency=agency, status=PublicationStatus.DRAFT).order_by(
        "decided_on", "pk"
    )
    published = [_publish(p, editor, p.decided_on + dt.timedelta(days=1)) for p in drafts]
    penalties = [p for p in published if p.kind == "penalty"]
    if penalties:
        _withdraw(penalties[0], editor, today)
    with at(today, 59):
        actions.do_expire_publications(today=today)
    return len(published)


def _withdraw(publication: Publication, editor: User, today: dt.date) -> None:
    ground_on = today - dt.timedelta(days=3)
    with at(ground_on, 40):
        publication = actions.check_open_withdrawal(
            publication, actor_user=editor, ground=WithdrawalGround.REVOKED, ground_on=ground_on
        )
    with at(today - dt.timedelta(days=2), 41):
        actions.check_withdraw_publication(publication, actor_user=editor, reason=WITHDRAWAL_REASON)
