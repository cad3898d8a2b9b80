"""Internal pages of the catalogue and its lists. Thin: parse, fetch through ``selectors.access_*``, call one
action, render or redirect. Anyone in a jurisdiction may read its lists (and its ancestors'); only the
agency's administrators may draft, approve and publish. A list outside the user's reach answers 404 exactly
like a missing one; so does an edit by a user who may only read."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sanxiang.core import clock
from sanxiang.core.errors import NotFoundOrForbidden, SanxiangError
from sanxiang.matters import actions, selectors
from sanxiang.matters.enums import ListKind, MatterType, PartyKind, PublishedListKind, Tier
from sanxiang.matters.forms import ApproveForm, BenchmarkForm, DraftForm, PublishForm
from sanxiang.matters.models import Confirmable, ListVersion, Matter
from sanxiang.matters.specs import BenchmarkSpec
from sanxiang.matters.tables import ENTRY_MODELS
from sanxiang.organizations import jurisdiction
from sanxiang.organizations.models import Agency
from sanxiang.organizations.selectors import actor_of


def _version_or_404(request: HttpRequest, version_id: int, *, edit: bool = False) -> ListVersion:
    try:
        version = selectors.access_version_by_id(request.user, version_id)
    except NotFoundOrForbidden as error:
        raise Http404(error.message) from None
    if edit and not selectors.may_edit(request.user, version.agency):
        raise Http404(_("List not found."))
    return version


def _matter_or_404(request: HttpRequest, matter_id: int) -> Matter:
    try:
        return selectors.access_matter_by_id(request.user, matter_id)
    except NotFoundOrForbidden as error:
        raise Http404(error.message) from None


def _entries(version: ListVersion) -> list[Any]:
    model = ENTRY_MODELS[ListKind(version.kind)]
    rows = model._default_manager.filter(version=version)
    if any(field.name == "articles" for field in model._meta.many_to_many):
        rows = rows.prefetch_related("articles__law")
    if model.__name__ == "FeeStandard":
        rows = rows.prefetch_related("exemptions")
    return list(rows)


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The lists the user may read: for each agency, the version of each list in force today."""
    agency_ids = selectors.readable_agency_ids(request.user)
    if getattr(request.user, "is_superuser", False):
        agencies = list(Agency.objects.order_by("path"))
    else:
        agencies = list(Agency.objects.filter(pk__in=sorted(agency_ids)).order_by("path"))
    rows = selectors.lists_of(agencies)
    administered = set(selectors.administered_agencies(request.user).values_list("pk", flat=True))
    editable = [agency for agency in agencies if agency.pk in administered]
    context = {
        "rows": rows,
        "agencies": agencies,
        "published_kinds": PublishedListKind.choices,
        "editable": editable,
        "form": DraftForm(initial={"effective_from": clock.today()}),
    }
    return render(request, "matters/index.html", context)


@login_required
@require_GET
def version_detail(request: HttpRequest, version_id: int) -> HttpResponse:
    """A version with its approval and its entries; the catalogue is grouped by type (``?type=``)."""
    version = _version_or_404(request, version_id)
    raw_type = request.GET.get("type", "")
    only = MatterType(raw_type) if raw_type in MatterType.values else None
    context = {
        "version": version,
        "superseded_on": selectors.superseded_on(version),
        "may_edit": selectors.may_edit(request.user, version.agency),
        "types": MatterType.choices,
        "only": only,
        "groups": selectors.matters_by_type(version, only=only) if version.kind == ListKind.CATALOGUE else [],
        "entries": [] if version.kind == ListKind.CATALOGUE else _entries(version),
        "approve_form": ApproveForm(initial={"approved_on": clock.today()}),
        "publish_form": PublishForm(initial={"effective_from": version.effective_from}),
        "benchmark_form": BenchmarkForm() if version.kind == ListKind.BENCHMARKS else None,
    }
    return render(request, "matters/version_detail.html", context)


@login_required
@require_GET
def matter_detail(request: HttpRequest, matter_id: int) -> HttpResponse:
    """A matter's legal basis, time limits, relief channels and service guide."""
    matter = _matter_or_404(request, matter_id)
    context = {
        "matter": matter,
        "version": matter.version,
        "articles": list(matter.articles.select_related("law")),
        "relief": list(matter.relief_channels.select_related("article__law")),
    }
    return render(request, "matters/matter_detail.html", context)


def _done(request: HttpRequest, version: ListVersion, text: str) -> HttpResponse:
    messages.success(request, text)
    return HttpResponseRedirect(reverse("matters:version_detail", args=[version.pk]))


def _refused(request: HttpRequest, error: SanxiangError, to: str) -> HttpResponse:
    messages.error(request, error.message)
    return HttpResponseRedirect(to)


@login_required
@require_POST
def version_draft(request: HttpRequest) -> HttpResponse:
    """Open a new draft of one of an agency's lists (administrators of that agency only)."""
    form = DraftForm(request.POST)
    if not form.is_valid():
        raise Http404(_("List not found."))
    try:
        agency = jurisdiction.access_agency_by_id(request.user, form.cleaned_data["agency"])
    except NotFoundOrForbidden as error:
        raise Http404(error.message) from None
    if not selectors.may_edit(request.user, agency):
        raise Http404(_("List not found."))
    try:
        version = actions.check_draft_version(
            actor=actor_of(request.user, on=clock.today()),
            kind=ListKind(form.cleaned_data["kind"]),
            agency=agency,
            effective_from=form.cleaned_data["effective_from"],
            note=form.cleaned_data["note"],
        )
    except SanxiangError as error:
        return _refused(request, error, reverse("matters:index"))
    return _done(request, version, _("Draft %(version)s opened.") % {"version": version})


@login_required
@require_POST
def version_approve(request: HttpRequest, version_id: int) -> HttpResponse:
    version = _version_or_404(request, version_id, edit=True)
    here = reverse("matters:version_detail", args=[version.pk])
    form = ApproveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Name the approving body and the date of approval."))
        return HttpResponseRedirect(here)
    try:
        actions.check_approve_version(
            actor=actor_of(request.user, on=clock.today()),
            version=version,
            approving_body=form.cleaned_data["approving_body"],
            approved_on=form.cleaned_data["approved_on"],
            reference=form.cleaned_data["reference"],
        )
    except SanxiangError as error:
        return _refused(request, error, here)
    return _done(request, version, _("Approval of %(version)s recorded.") % {"version": version})


@login_required
@require_POST
def version_publish(request: HttpRequest, version_id: int) -> HttpResponse:
    version = _version_or_404(request, version_id, edit=True)
    here = reverse("matters:version_detail", args=[version.pk])
    form = PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter a valid date."))
        return HttpResponseRedirect(here)
    try:
        actions.check_publish_version(
            actor=actor_of(request.user, on=clock.today()),
            version=version,
            effective_from=form.cleaned_data["effective_from"],
        )
    except SanxiangError as error:
        return _refused(request, error, here)
    return _done(request, version, _("%(version)s published.") % {"version": version})


@login_required
@require_POST
def version_recite(request: HttpRequest, version_id: int) -> HttpResponse:
    """Replace a draft's citations of amended articles by their current texts."""
    version = _version_or_404(request, version_id, edit=True)
    try:
        count = actions.check_recite_current_texts(
            actor=actor_of(request.user, on=clock.today()), version=version
        )
    except SanxiangError as error:
        return _refused(request, error, reverse("matters:version_detail", args=[version.pk]))
    return _done(request, version, _("%(count)d citations now name the current texts.") % {"count": count})


@login_required
@require_POST
def entry_remove(request: HttpRequest, version_id: int, entry_id: int) -> HttpResponse:
    """Remove one entry from a draft."""
    version = _version_or_404(request, version_id, edit=True)
    try:
        actions.check_remove_entry(
            actor=actor_of(request.user, on=clock.today()), version=version, entry_id=entry_id
        )
    except SanxiangError as error:
        return _refused(request, error, reverse("matters:version_detail", args=[version.pk]))
    return _done(request, version, _("Entry removed from %(version)s.") % {"version": version})


def _benchmark_spec(data: dict[str, Any]) -> BenchmarkSpec:
    return BenchmarkSpec(
        code=data["code"],
        violation=data["violation"],
        articles=[data["article"]],
        party_kind=PartyKind(data["party_kind"]),
        tier=Tier(data["tier"]),
        condition=data["condition"],
        measures=data["measures"],
        min_fen=data["min_yuan"],
        max_fen=data["max_yuan"],
    )


@login_required
@require_POST
def benchmark_add(request: HttpRequest, version_id: int) -> HttpResponse:
    """Add a tier to a draft of the discretion benchmarks; a fine outside the statutory range is refused."""
    version = _version_or_404(request, version_id, edit=True)
    here = reverse("matters:version_detail", args=[version.pk])
    form = BenchmarkForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return HttpResponseRedirect(here)
    try:
        actions.check_add_benchmark(
            actor=actor_of(request.user, on=clock.today()),
            version=version,
            spec=_benchmark_spec(form.cleaned_data),
        )
    except SanxiangError as error:
        return _refused(request, error, here)
    return _done(request, version, _("Benchmark added to %(version)s.") % {"version": version})


@login_required
@require_POST
def entry_confirm(request: HttpRequest, version_id: int, entry_id: int) -> HttpResponse:
    """Clear an entry's "to be confirmed" mark, naming the official text it was checked against."""
    version = _version_or_404(request, version_id, edit=True)
    model = ENTRY_MODELS[ListKind(version.kind)]
    row = model._default_manager.filter(version=version, pk=entry_id).first()
    if not isinstance(row, Confirmable):
        raise Http404(_("List not found."))
    here = reverse("matters:version_detail", args=[version.pk])
    try:
        actions.check_confirm_value(
            actor=actor_of(request.user, on=clock.today()), row=row, note=request.POST.get("note", "")
        )
    except SanxiangError as error:
        return _refused(request, error, here)
    return _done(request, version, _("Value confirmed."))


urlpatterns: list[URLPattern] = [
    path("", index, name="index"),
    path("versions/new/", version_draft, name="version_draft"),
    path("versions/<int:version_id>/", version_detail, name="version_detail"),
    path("versions/<int:version_id>/approve/", version_approve, name="version_approve"),
    path("versions/<int:version_id>/publish/", version_publish, name="version_publish"),
    path("versions/<int:version_id>/recite/", version_recite, name="version_recite"),
    path("versions/<int:version_id>/entries/<int:entry_id>/remove/", entry_remove, name="entry_remove"),
    path("versions/<int:version_id>/benchmarks/", benchmark_add, name="benchmark_add"),
    path("versions/<int:version_id>/entries/<int:entry_id>/confirm/", entry_confirm, name="entry_confirm"),
    path("matter/<int:matter_id>/", matter_detail, name="matter_detail"),
]
