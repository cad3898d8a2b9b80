"""Demo: the documents of the demo penalty cases, issued and served through the actions on their own days
(clock frozen) as the plans run — the 现场检查笔录 of the investigation, the 行政处罚事先告知书 and the
行政处罚决定书 on the days of the examination and the decision, the 缴款通知书 of a levy and the 催告书 of a
coercion case, and their direct service with its 送达回证. The service performs the notification, the
decision's service (行政处罚法 第44条, 第61条), the payment notice's and the demand's (行政强制法 第35条,
第38条): the engine accepts those acts from no other path. Never called outside the demo loader."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sanxiang.accounts.models import User
from sanxiang.cases.documents.actions import check_issue_case_document
from sanxiang.cases.models import Case
from sanxiang.cases.service.actions import ServiceEntry, check_record_service
from sanxiang.documents.selectors import documents_of
from sanxiang.matters.procedures.served import act_on_service, served_act
from sanxiang.organizations.models import Agency

# Pseudo-acts of the plans: issue a document, serve the latest issued document of a kind.
ISSUE = "issue:"
SERVE = "serve:"
# The pseudo-act of ``demo.levies`` opening a coercion case (行政强制法 第53条), named by its matter.
COERCE = "coerce:"
# The document an act of a penalty case leaves behind, issued the same day.
ISSUED_AFTER = {"investigate": "inspection_record", "decide": "penalty_decision"}

PlannedAct = tuple[int, str, dict[str, Any]]


def expand(procedure: str, acts: list[PlannedAct]) -> list[PlannedAct]:
    """The plan with each act that only a service performs turned into the issue of its document and its
    service; ``{"served_on": offset}`` gives the service day (in the plan's own offsets), else the act's."""
    steps: list[PlannedAct] = []
    for offset, act, data in acts:
        if act.startswith(COERCE):  # the plan goes on with the coercion case it opens
            procedure = "coercion"
        served = served_act(procedure, act)
        if served is None:
            steps.append((offset, act, data))
            continue
        if served.document not in ISSUED_AFTER.values():  # the decision is issued by the "decide" step
            steps.append((offset, ISSUE + served.document, {}))
        steps.append((int(data.get("served_on", offset)), SERVE + served.document, {}))
    return steps


def perform(case: Case, act: str, *, user: User, day: dt.date) -> bool:
    """Do a document pseudo-act of a plan on ``day``; False when ``act`` is not one."""
    if act.startswith(ISSUE):
        check_issue_case_document(case, kind=act.removeprefix(ISSUE), actor_user=user, on=day)
    elif act.startswith(SERVE):
        _serve(case, act.removeprefix(SERVE), user=user, day=day)
    else:
        return False
    return True


def act_served(case: Case, act: str) -> str | None:
    """The engine act a service pseudo-act performs on ``case`` (its AV step is cleared before)."""
    return act_on_service(case.procedure_key, act.removeprefix(SERVE)) if act.startswith(SERVE) else None


def issue_after(case: Case, act: str, *, user: User, day: dt.date) -> None:
    """The document the act of a penalty case leaves behind on its day (the record, the decision)."""
    kind = ISSUED_AFTER.get(act)
    if kind is not None and case.procedure_key == "penalty":
        check_issue_case_document(case, kind=kind, actor_user=user, on=day)


def _serve(case: Case, kind: str, *, user: User, day: dt.date) -> None:
    document = documents_of("case", str(case.pk)).filter(kind=kind).last()
    party = case.parties.order_by("pk").first()
    recipient = (party.representative_name or party.name) if party else "当事人"
    if document is None:
        raise LookupError(f"demo case {case.pk} has no {kind} to serve")
    check_record_service(
        case,
        document=document,
        actor_user=user,
        entry=ServiceEntry(method="direct", served=True, served_on=day, recipient=recipient),
    )


def cases_with_documents(agency: Agency) -> int:
    """How many of ``agency``'s demo cases have documents (the loader's report)."""
    from sanxiang.demo.cases import MARK  # late: demo.cases runs the plans with this module

    cases = Case.objects.filter(agency=agency, facts__startswith=MARK)
    return sum(1 for case in cases if documents_of("case", str(case.pk)).exists())
