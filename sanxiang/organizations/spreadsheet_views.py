"""Excel import and export of officers: the upload page, the register download and the blank template.

Thin: the form checks the upload's size and that it is a real .xlsx, ``spreadsheet.check_import_officers``
does the rest. The import runs inside the request on purpose and needs no progress bar: a file is refused
at once when any row is bad, a re-import of a known register of ``spreadsheet.MAX_ROWS`` rows takes about a
second, and the worst case (that many rows, every one a new officer) about 13 s, well inside a request's
time. A larger register is split by agency rather than moved to a background job.

Only administrators may import (each row is then checked against the agencies they administer); everyone
signed in may export, and sees only the officers within their jurisdiction.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods

from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput
from sanxiang.organizations import jurisdiction, selectors, spreadsheet
from sanxiang.organizations.enums import Role


class ImportForm(forms.Form):
    """The upload. ``cleaned_data["file"]`` is the workbook's bytes once size and format are accepted."""

    file = forms.FileField(label=gettext_lazy("Officer register (.xlsx)"))

    def clean_file(self) -> bytes:
        upload: UploadedFile = self.cleaned_data["file"]
        if upload.size is not None and upload.size > spreadsheet.MAX_UPLOAD_BYTES:
            megabytes = spreadsheet.MAX_UPLOAD_BYTES // (1024 * 1024)
            raise ValidationError(_("The file is larger than %(mb)d MB.") % {"mb": megabytes})
        data: bytes = upload.read()
        try:
            spreadsheet.check_xlsx(data)
        except InvalidInput as error:
            raise ValidationError(error.message) from None
        return data


def may_import(user: jurisdiction.AnyUser) -> bool:
    """Administrators of at least one agency; which rows they may import is decided row by row."""
    return getattr(user, "is_superuser", False) or Role.ADMINISTRATOR in jurisdiction.roles_of(user)


@login_required
@require_http_methods(["GET", "POST"])
def import_officers(request: HttpRequest) -> HttpResponse:
    if not may_import(request.user):
        raise PermissionDenied(_("Only administrators may import officers."))
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    rejected: spreadsheet.ImportRejected | None = None
    if form.is_valid():
        actor = selectors.actor_of(request.user, on=clock.today())
        try:
            result = spreadsheet.check_import_officers(
                actor=actor, user=request.user, workbook_bytes=form.cleaned_data["file"]
            )
        except spreadsheet.ImportRejected as error:
            rejected = error
        except InvalidInput as error:
            form.add_error("file", error.message)
        else:
            messages.success(request, _success_message(result))
            return redirect("organizations:officer_import")
    context = {
        "form": form,
        "rejected": rejected,
        "columns": spreadsheet.COLUMNS,
        "max_mb": spreadsheet.MAX_UPLOAD_BYTES // (1024 * 1024),
    }
    return render(request, "organizations/spreadsheet/import.html", context)


def _success_message(result: spreadsheet.ImportResult) -> str:
    return ngettext(
        "Imported %(count)d row. Officers added: %(created)d, updated: %(updated)d, "
        "unchanged: %(unchanged)d.",
        "Imported %(count)d rows. Officers added: %(created)d, updated: %(updated)d, "
        "unchanged: %(unchanged)d.",
        result.rows,
    ) % {
        "count": result.rows,
        "created": result.created,
        "updated": result.updated,
        "unchanged": result.unchanged,
    }


@login_required
@require_GET
def export_officers(request: HttpRequest) -> HttpResponse:
    filename = f"officers-{clock.today().isoformat()}.xlsx"
    return _xlsx(spreadsheet.export_officers(request.user), filename)


@login_required
@require_GET
def import_template(request: HttpRequest) -> HttpResponse:
    return _xlsx(spreadsheet.blank_template(), "officer-register-template.xlsx")


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=spreadsheet.XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = (
        content_disposition_header(as_attachment=True, filename=filename) or "attachment"
    )
    response["Cache-Control"] = "no-store"  # personal data of officers: never kept by shared caches
    return response


urlpatterns: list[URLPattern] = [
    path("officers/import/", import_officers, name="officer_import"),
    path("officers/import/template.xlsx", import_template, name="officer_import_template"),
    path("officers/export.xlsx", export_officers, name="officer_export"),
]
