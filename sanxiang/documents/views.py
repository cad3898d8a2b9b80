"""An office's document templates: the kinds with the version in force, the versions uploaded, downloads of
a template (the default or a version), and the upload of a new version.

Only administrators of the agency (or of an agency above it) see and change its templates; anyone else gets
the 404 of a missing agency. Thin: ``access_agency_by_id`` then ``holds_role``, parse, one action.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from sanxiang.accounts.models import User
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, NotFoundOrForbidden, RuleViolation
from sanxiang.core.forms import show_refusal
from sanxiang.documents import actions, kinds, selectors, storage
from sanxiang.documents.forms import TemplateUploadForm
from sanxiang.documents.rendering import DOCX_MEDIA_TYPE
from sanxiang.organizations.enums import Role
from sanxiang.organizations.jurisdiction import access_agency_by_id, holds_role, visible_agencies
from sanxiang.organizations.models import Agency


def _agency_or_404(request: HttpRequest, agency_id: int) -> Agency:
    try:
        agency = access_agency_by_id(request.user, agency_id)
    except NotFoundOrForbidden as error:
        raise Http404(error.message) from None
    if not holds_role(request.user, Role.ADMINISTRATOR, agency):
        raise Http404(_("Agency not found."))
    return agency


@login_required
@require_GET
def template_home(request: HttpRequest) -> HttpResponse:
    """The templates of the first agency the user administers (the navigation's entry)."""
    for agency in visible_agencies(request.user).order_by("path"):
        if holds_role(request.user, Role.ADMINISTRATOR, agency):
            return redirect("documents:template_list", agency.pk)
    raise Http404(_("Agency not found."))


@login_required
@require_http_methods(["GET", "POST"])
def template_list(request: HttpRequest, agency_id: int) -> HttpResponse:
    agency = _agency_or_404(request, agency_id)
    form = TemplateUploadForm(
        request.POST or None, request.FILES or None, initial={"effective_from": clock.today()}
    )
    if form.is_bound and form.is_valid():
        assert isinstance(request.user, User)  # login_required
        try:
            row = actions.check_upload_template(
                actor_user=request.user,
                agency=agency,
                kind=form.cleaned_data["kind"],
                content=form.cleaned_data["file"].read(),
                filename=form.cleaned_data["file"].name,
                effective_from=form.cleaned_data["effective_from"],
            )
        except (InvalidInput, RuleViolation) as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Version %(version)d was uploaded.") % {"version": row.version})
            return redirect("documents:template_list", agency.pk)
    today = clock.today()
    rows = [(kind, selectors.template_in_force(agency, kind.code, on=today)[0]) for kind in kinds.KINDS]
    context = {"agency": agency, "rows": rows, "versions": selectors.templates_of(agency), "form": form}
    return render(request, "documents/template_list.html", context, status=400 if form.errors else 200)


@login_required
@require_GET
def template_download(request: HttpRequest, agency_id: int, kind: str, version: int) -> HttpResponse:
    """A template file: version 0 is the package's default."""
    agency = _agency_or_404(request, agency_id)
    if not kinds.exists(kind):
        raise Http404(_("Template not found."))
    if version == 0:
        content = selectors.default_template(kind)
    else:
        row = selectors.templates_of(agency).filter(kind=kind, version=version).first()
        if row is None:
            raise Http404(_("Template not found."))
        content = storage.read(row.storage_key)
    response = HttpResponse(content, content_type=DOCX_MEDIA_TYPE)
    name = f"{kinds.get(kind).title}-v{version}.docx"
    response["Content-Disposition"] = content_disposition_header(True, name) or "attachment"
    return response


urlpatterns: list[URLPattern] = [
    path("templates/", template_home, name="template_home"),
    path("templates/<int:agency_id>/", template_list, name="template_list"),
    path(
        "templates/<int:agency_id>/<slug:kind>/v<int:version>.docx",
        template_download,
        name="template_download",
    ),
]
