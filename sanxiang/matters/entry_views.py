"""Internal pages for the entries of the attached lists: a form per list to add or change an entry of a
draft (the actions' refusals, such as a fine outside the statutory range, are shown on the form), and the
Excel round trip (export any readable version, import into a draft with a row-by-row report). Thin: parse,
fetch through ``views._version_or_404`` (outsiders and read-only users get 404), call one action, render.
Published and approved versions are read-only: their forms answer 404."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import URLPattern, path, reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from sanxiang.core import clock
from sanxiang.core import spreadsheets as sheets
from sanxiang.core.errors import InvalidInput, SanxiangError
from sanxiang.core.forms import show_refusal
from sanxiang.matters import actions, spreadsheets
from sanxiang.matters.entry_forms import ENTRY_FORMS, EntryForm
from sanxiang.matters.enums import ListKind
from sanxiang.matters.matter_forms import MatterForm
from sanxiang.matters.models import ListVersion
from sanxiang.matters.tables import ENTRY_MODELS
from sanxiang.matters.views import _version_or_404
from sanxiang.organizations.selectors import actor_of

FORMS: dict[ListKind, type[EntryForm]] = {ListKind.CATALOGUE: MatterForm, **ENTRY_FORMS}


def _draft_or_404(request: HttpRequest, version_id: int) -> tuple[ListVersion, type[EntryForm]]:
    version = _version_or_404(request, version_id, edit=True)
    form_class = FORMS.get(ListKind(version.kind))
    if form_class is None or not version.is_draft:
        raise Http404(_("List not found."))
    return version, form_class


def _form(form_class: type[EntryForm], request: HttpRequest, entry: Any = None) -> EntryForm:
    initial = form_class.initial_of(entry) if entry is not None else None
    if form_class is MatterForm:
        key = entry.workflow_key if entry is not None else ""
        return MatterForm(request.POST or None, initial=initial, current_key=key)
    return form_class(request.POST or None, initial=initial)


def _render_form(request: HttpRequest, version: ListVersion, form: forms.Form, entry: Any) -> HttpResponse:
    context = {"version": version, "form": form, "entry": entry}
    return render(request, "matters/entry_form.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def entry_new(request: HttpRequest, version_id: int) -> HttpResponse:
    """Add an entry to a draft of an attached list."""
    version, form_class = _draft_or_404(request, version_id)
    form = _form(form_class, request)
    if request.method == "POST" and form.is_valid():
        try:
            actions.check_add_list_entry(
                actor=actor_of(request.user, on=clock.today()), version=version, spec=form.spec()
            )
        except SanxiangError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Entry added to %(version)s.") % {"version": version})
            return HttpResponseRedirect(reverse("matters:version_detail", args=[version.pk]))
    return _render_form(request, version, form, None)


@login_required
@require_http_methods(["GET", "POST"])
def entry_edit(request: HttpRequest, version_id: int, entry_id: int) -> HttpResponse:
    """Change an entry of a draft; the same checks as adding it."""
    version, form_class = _draft_or_404(request, version_id)
    entry = ENTRY_MODELS[ListKind(version.kind)]._default_manager.filter(version=version, pk=entry_id).first()
    if entry is None:
        raise Http404(_("List not found."))
    form = _form(form_class, request, entry)
    if request.method == "POST" and form.is_valid():
        try:
            actions.check_change_entry(
                actor=actor_of(request.user, on=clock.today()),
                version=version,
                entry_id=entry_id,
                spec=form.spec(),
            )
        except SanxiangError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Entry of %(version)s changed.") % {"version": version})
            return HttpResponseRedirect(reverse("matters:version_detail", args=[version.pk]))
    return _render_form(request, version, form, entry)


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=sheets.XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = (
        content_disposition_header(as_attachment=True, filename=filename) or "attachment"
    )
    return response


@login_required
@require_GET
def list_export(request: HttpRequest, version_id: int) -> HttpResponse:
    """Any version the user may read, in its list's layout (officers read; outsiders 404)."""
    version = _version_or_404(request, version_id)
    if ListKind(version.kind) not in spreadsheets.LAYOUTS:
        raise Http404(_("List not found."))
    filename = f"{version.agency.short_name}-{version.get_kind_display()}-v{version.number}.xlsx"
    return _xlsx(spreadsheets.export_list(version), filename)


class ListImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Spreadsheet (.xlsx)"))

    def clean_file(self) -> bytes:
        upload: UploadedFile = self.cleaned_data["file"]
        if upload.size is not None and upload.size > sheets.MAX_UPLOAD_BYTES:
            megabytes = sheets.MAX_UPLOAD_BYTES // (1024 * 1024)
            raise forms.ValidationError(_("The file is larger than %(mb)d MB.") % {"mb": megabytes})
        data: bytes = upload.read()
        try:
            sheets.check_xlsx(data)
        except InvalidInput as error:
            raise forms.ValidationError(error.message) from None
        return data


@login_required
@require_http_methods(["GET", "POST"])
def list_import(request: HttpRequest, version_id: int) -> HttpResponse:
    """Replace a draft's entries by a spreadsheet: all rows or none, every bad row reported."""
    version, _form_class = _draft_or_404(request, version_id)
    if ListKind(version.kind) not in spreadsheets.LAYOUTS:
        raise Http404(_("List not found."))
    form = ListImportForm(request.POST or None, request.FILES or None)
    report: list[sheets.RowError] = []
    if request.method == "POST" and form.is_valid():
        try:
            summary = spreadsheets.check_import_list(
                actor=actor_of(request.user, on=clock.today()),
                version=version,
                data=form.cleaned_data["file"],
            )
        except sheets.ImportRejected as error:
            form.add_error(None, error.message)
            report = list(error.row_errors)
        except SanxiangError as error:
            show_refusal(form, error)
        else:
            text = _("%(added)d entries imported into %(version)s; %(removed)d earlier entries replaced.")
            messages.success(
                request, text % {"added": summary.added, "removed": summary.removed, "version": version}
            )
            return HttpResponseRedirect(reverse("matters:version_detail", args=[version.pk]))
    context = {"version": version, "form": form, "report": report}
    return render(request, "matters/list_import.html", context, status=400 if form.errors else 200)


@login_required
@require_GET
def list_template(request: HttpRequest, version_id: int) -> HttpResponse:
    version, _form_class = _draft_or_404(request, version_id)
    if ListKind(version.kind) not in spreadsheets.LAYOUTS:
        raise Http404(_("List not found."))
    return _xlsx(spreadsheets.template(version), f"{version.get_kind_display()}.xlsx")


urlpatterns: list[URLPattern] = [
    path("versions/<int:version_id>/entries/new/", entry_new, name="entry_new"),
    path("versions/<int:version_id>/entries/<int:entry_id>/edit/", entry_edit, name="entry_edit"),
    path("versions/<int:version_id>/export.xlsx", list_export, name="list_export"),
    path("versions/<int:version_id>/import/", list_import, name="list_import"),
    path("versions/<int:version_id>/template.xlsx", list_template, name="list_template"),
]
