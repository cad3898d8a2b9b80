"""Demo: the documents of the demo penalty cases that reached a decision — the 现场检查笔录 of the
investigation, the numbered 行政处罚决定书, and, where the case was served, the direct service with its
送达回证 — each issued through the actions on its own day (clock frozen), so the log and the numbers read as
if the office had worked them. Loaded once; never called outside the demo loader."""

from __future__ import annotations

from sanxiang.accounts.models import User
from sanxiang.cases.documents.actions import check_issue_case_document
from sanxiang.cases.models import Case
from sanxiang.cases.service.actions import ServiceEntry, check_record_service
from sanxiang.demo.cases import MARK, at
from sanxiang.documents.selectors import documents_of
from sanxiang.organizations.models import Agency


def load_documents(agency: Agency, *, officer_username: str) -> int:
    """Issue the documents of ``agency``'s decided demo cases once; returns how many cases got them."""
    user = User.objects.filter(username=officer_username).first()
    if user is None:
        return 0
    decided = Case.objects.filter(agency=agency, facts__startswith=MARK, acts__act="decide").distinct()
    done = 0
    for case in decided.order_by("pk"):
        if not documents_of("case", str(case.pk)).exists():
            _issue_for(case, user)
            done += 1
    return done


def _issue_for(case: Case, user: User) -> None:
    decide = case.acts.filter(act="decide").order_by("acted_on").first()
    serve = case.acts.filter(act="serve").order_by("acted_on").first()
    if decide is None:
        return
    investigated = case.acts.filter(act="investigate").order_by("acted_on").first()
    inspected_on = investigated.acted_on if investigated else case.registered_on
    with at(inspected_on, 30):
        check_issue_case_document(case, kind="inspection_record", actor_user=user, on=inspected_on)
    with at(decide.acted_on, 30):
        decision = check_issue_case_document(
            case, kind="penalty_decision", actor_user=user, on=decide.acted_on
        )
    if serve is None:
        return
    party = case.parties.order_by("pk").first()
    recipient = (party.representative_name or party.name) if party else "当事人"
    with at(serve.acted_on, 30):
        check_record_service(
            case,
            document=decision,
            actor_user=user,
            entry=ServiceEntry(
                method="direct", served=True, served_on=serve.acted_on, recipient=recipient, address=""
            ),
        )
