"""Reads of service for the case page: the documents that can be served and the service records of a case.
Never writes; the caller has checked access to the case."""

from __future__ import annotations

from django.db.models import QuerySet

from sanxiang.cases.models import Case, ServiceRecord
from sanxiang.documents import kinds
from sanxiang.documents.models import IssuedDocument
from sanxiang.documents.selectors import documents_of

SERVABLE_KINDS = tuple(kind.code for kind in kinds.KINDS if kind.number_code)


def servable_documents(case: Case) -> QuerySet[IssuedDocument]:
    """Notices and decisions of the case that no correction replaced."""
    return (
        documents_of("case", str(case.pk))
        .filter(kind__in=SERVABLE_KINDS, superseded_by__isnull=True)
        .order_by("-issued_at")
    )


def services_of(case: Case) -> QuerySet[ServiceRecord]:
    return ServiceRecord.objects.filter(case=case).select_related("document", "receipt").order_by("pk")
