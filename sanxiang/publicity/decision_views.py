"""The portal's decision pages (事后公开), anonymous: the list and search of published decisions and
inspection results, one publication with its digest, leaf index and in-browser proof check, the served
document, its record entry and proof file, and the open-data exports. GET only; reads
through ``publicity.portal``, which
never returns drafts, approvals, exclusions or expired publications."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from sanxiang.core.errors import InvalidInput
from sanxiang.publicity import open_data, portal, selectors
from sanxiang.publicity.enums import PublicationKind
from sanxiang.publicity.forms_decisions import DecisionSearchForm
from sanxiang.publicity.models import Publication
from sanxiang.records import bundles, checkpoints


def _list(request: HttpRequest, *, kind: str = "") -> HttpResponse:
    form = DecisionSearchForm(request.GET)
    criteria = form.criteria(kind=kind)
    rows, has_next = portal.search(criteria)
    indexes = portal.leaf_indexes([row.pk for row in rows])
    context = {
        "form": form,
        "criteria": criteria,
        "rows": [(row, indexes.get(row.pk)) for row in rows],
        "has_next": has_next,
        "agencies": selectors.public_agencies(),
        "kinds": PublicationKind.choices,
        "years": portal.years(),
        "fixed_kind": kind,
    }
    return render(request, "publicity/decision_list.html", context)


@require_GET
def decision_list(request: HttpRequest) -> HttpResponse:
    """Published decisions (许可、处罚、征收、收费、强制) and inspection results, searchable."""
    return _list(request)


@require_GET
def inspection_results(request: HttpRequest) -> HttpResponse:
    """检查结果公示 (R-INS-03): the inspection results only."""
    return _list(request, kind=PublicationKind.INSPECTION)


def _public(publication_id: int) -> Publication:
    publication = portal.get_public(publication_id)
    if publication is None:
        raise Http404
    return publication


@require_GET
def decision_detail(request: HttpRequest, publication_id: int) -> HttpResponse:
    publication = _public(publication_id)
    entry = portal.document_entry(publication)
    context = {
        "publication": publication,
        "items": open_data.row(publication),
        "index": entry.index if entry else None,
        "vkey": checkpoints.verifier_key(),
    }
    return render(request, "publicity/decision_detail.html", context)


@require_GET
def decision_document(request: HttpRequest, publication_id: int) -> HttpResponse:
    """The served (masked) document, byte for byte what its digest covers."""
    publication = _public(publication_id)
    return HttpResponse(publication.document.encode(), content_type="text/plain; charset=utf-8")


@require_GET
def decision_entry(request: HttpRequest, publication_id: int) -> HttpResponse:
    """The record-log entry body (canonical JSON) that holds the document's digest: the proof's leaf."""
    entry = portal.document_entry(_public(publication_id))
    if entry is None:
        raise Http404
    return HttpResponse(bytes(entry.body), content_type="application/json; charset=utf-8")


@require_GET
def decision_proof(request: HttpRequest, publication_id: int) -> HttpResponse:
    """The c2sp.org/tlog-proof@v1 file of the entry against the latest signed checkpoint."""
    entry = portal.document_entry(_public(publication_id))
    if entry is None:
        raise Http404
    try:
        text = bundles.proof_for(entry.index)
    except InvalidInput as error:
        raise Http404 from error
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{entry.index}.proof"'
    return response


def _export_rows(request: HttpRequest) -> list[Publication]:
    criteria = DecisionSearchForm(request.GET).criteria()
    rows, _more = portal.search(criteria)
    return rows


@require_GET
def export_json(request: HttpRequest) -> HttpResponse:
    """One page of the search as JSON in the 双公示 layout (the ``page`` parameter pages on)."""
    return HttpResponse(
        open_data.as_json(_export_rows(request)), content_type="application/json; charset=utf-8"
    )


@require_GET
def export_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(open_data.as_csv(_export_rows(request)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="publications.csv"'
    return response
