"""``{% case_documents case %}``: the case page's documents (文书) and service (送达) sections, so that the
case page needs one line. Reads through selectors only; forms are shown to officers who handle the case."""

from __future__ import annotations

from typing import Any

from django import template

from sanxiang.cases import case_selectors
from sanxiang.cases.documents.forms import IssueForm
from sanxiang.cases.models import Case
from sanxiang.cases.service import selectors as service_selectors
from sanxiang.cases.service.forms import ScanForm, ServiceForm
from sanxiang.core import clock
from sanxiang.documents import kinds
from sanxiang.documents.selectors import documents_of

register = template.Library()


@register.inclusion_tag("cases/documents/_section.html", takes_context=True)
def case_documents(context: template.Context, case: Case) -> dict[str, Any]:
    request = context["request"]
    may_handle = case_selectors.may_handle(request.user, case)
    today = clock.today()
    procedure_kinds = kinds.for_procedure(case.procedure_key)
    section: dict[str, Any] = {
        "case": case,
        "may_handle": may_handle,
        "documents": documents_of("case", str(case.pk)).select_related("superseded_by"),
        "services": service_selectors.services_of(case),
        "csrf_token": context.get("csrf_token"),
        "today": today,
    }
    if may_handle:
        section["kinds"] = procedure_kinds
        section["issue_form"] = IssueForm(kinds=procedure_kinds, today=today)
        documents = service_selectors.servable_documents(case)
        section["service_form"] = ServiceForm(documents=documents, today=today) if documents else None
        section["scan_form"] = ScanForm()
    return section
