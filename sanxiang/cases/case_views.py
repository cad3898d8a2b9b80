"""Case pages for officers and supervisors: the list, registration (立案), a case's page with its parties,
timeline, open limits and next acts, performing an act, and the deadline board.

Thin: parse with ``cases.case_forms``, fetch through ``cases.case_selectors.access_case_by_id``, call one
engine action, render. A case outside the user's jurisdiction answers 404 exactly like a missing id; only
officers of the case's agency act on it, anyone else gets that 404 on the write pages. This module must
never write to a model directly nor decide a rule the engine decides.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sanxiang.cases import board, case_forms, case_guidance, case_selectors, engine, field_records
from sanxiang.cases.coercion_views import may_open_coercion
from sanxiang.cases.legal_review import views as legal_review_views
from sanxiang.cases.models import Case
from sanxiang.cases.selectors import can_register_party  # officers open cases as they register parties
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, NotFoundOrForbidden, RuleViolation
from sanxiang.core.forms import show_refusal
from sanxiang.matters import procedures
from sanxiang.matters.money import yuan
from sanxiang.organizations import selectors as organization_selectors
from sanxiang.organizations.jurisdiction import visible_agencies, visible_officers
from sanxiang.organizations.models import Agency
from sanxiang.records import bundles

CASES_SHOWN = 200


def _case_or_404(request: HttpRequest, case_id: int) -> Case:
    try:
        return case_selectors.access_case_by_id(request.user, case_id)
    except NotFoundOrForbidden as error:
        raise Http404(error.message) from None


def _handled_case_or_404(request: HttpRequest, case_id: int) -> Case:
    case = _case_or_404(request, case_id)
    if not case_selectors.may_handle(request.user, case):
        raise Http404(_("Case not found."))
    return case


def _officer_agency_or_404(request: HttpRequest) -> Agency:
    officer = organization_selectors.officer_of(request.user)
    if officer is None or not can_register_party(request.user, officer.agency):
        raise Http404(_("Case not found."))
    return officer.agency


@login_required
@require_GET
def case_list(request: HttpRequest) -> HttpResponse:
    cases = [
        (case, procedures.get(case.procedure_key).stage(case.stage).label)
        for case in case_selectors.list_cases(request.user)[:CASES_SHOWN]
    ]
    officer = organization_selectors.officer_of(request.user)
    may_register = officer is not None and can_register_party(request.user, officer.agency)
    return render(request, "cases/case_list.html", {"cases": cases, "may_register": may_register})


@login_required
@require_http_methods(["GET", "POST"])
def case_register(request: HttpRequest) -> HttpResponse:
    """Register (立案) a case of the officer's agency; the engine's refusals are shown on the form (400)."""
    agency = _officer_agency_or_404(request)
    today = clock.today()
    form = case_forms.CaseRegisterForm(
        request.POST if request.method == "POST" else None,
        matters=case_selectors.matters_for_cases(agency, on=today),
        parties=case_selectors.parties_of(agency),
        officers=case_selectors.officers_of(agency),
        today=today,
    )
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        matter = data["matter"]
        try:
            case = engine.check_register_case(
                actor_user=request.user,
                agency=agency,
                matter=matter,
                procedure_key=f"{matter.workflow_key}_simple" if data["simple"] else "",
                parties=list(data["parties"]),
                officers=list(data["officers"]),
                violation_on=data["violation_on"],
                grave_harm=data["grave_harm"],
                facts=data["facts"],
                proposed_fen=data["proposed"],
                legal_review_required=data["legal_review_required"],
                on=data["registered_on"],
            )
        except (InvalidInput, RuleViolation) as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Case %(case)s was registered.") % {"case": case})
            return redirect("cases:case_detail", case.pk)
    status = 400 if form.is_bound else 200
    return render(request, "cases/case_form.html", {"form": form, "agency": agency}, status=status)


@login_required
@require_GET
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case_or_404(request, case_id)
    return _render_case(request, case, form=None)


@login_required
@require_GET
def case_record_bundle(request: HttpRequest, case_id: int) -> HttpResponse:
    """The case's record bundle (its log entries with inclusion proofs, the checkpoints and the verifier key)
    for offline verification, e.g. by a court; anyone who may read the case may take it, and the download
    is recorded with the bundle's digest."""
    case = _case_or_404(request, case_id)
    text = bundles.do_export_bundle(
        actor=organization_selectors.actor_of(request.user, on=clock.today()),
        agency_id=case.agency_id,
        subject_kind="case",
        subject_id=str(case.pk),
    )
    response = HttpResponse(text, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="case-{case.pk}-record-bundle.json"'
    return response


@login_required
@require_POST
def case_act(request: HttpRequest, case_id: int) -> HttpResponse:
    """Perform one act; a refusal is shown on the case page with the rule that blocks it (400)."""
    case = _handled_case_or_404(request, case_id)
    form = _act_form(request, case)
    if form.is_valid():
        try:
            engine.check_perform_act(
                case,
                act=form.cleaned_data["act"],
                actor_user=request.user,
                on=form.cleaned_data["on"],
                data=form.act_data(),
            )
        except (InvalidInput, RuleViolation) as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The act was recorded."))
            return redirect("cases:case_detail", case.pk)
    return _render_case(request, case, form=form, status=400)


@login_required
@require_GET
def deadline_board(request: HttpRequest) -> HttpResponse:
    """Every open time limit of the visible cases, red / amber / green, filterable."""
    filters = board.BoardFilter(
        agency_id=_int(request.GET.get("agency")),
        officer_id=_int(request.GET.get("officer")),
        limit_code=request.GET.get("limit", "").strip()[:64],
    )
    rows = board.deadline_board(request.user, today=clock.today(), filters=filters)
    context = {
        "rows": [(row, *_board_labels(row.limit.case, row.limit.code)) for row in rows],
        "filters": filters,
        "agencies": visible_agencies(request.user).order_by("path"),
        "officers": visible_officers(request.user).order_by("name"),
        "limit_codes": _limit_choices(),
    }
    return render(request, "cases/deadline_board.html", context)


def _board_labels(case: Case, code: str) -> tuple[str, str]:
    """The limit's name in the case's procedure and the case's stage, translated."""
    procedure = procedures.get(case.procedure_key)
    return case_guidance.limit_labels(procedure).get(code, code), case_guidance.stage_label(
        procedure, case.stage
    )


def _limit_choices() -> list[tuple[str, str]]:
    """Each limit code once, with the names it has in the procedures ("Decide the case / Decide the
    application")."""
    names: dict[str, list[str]] = {}
    for procedure in procedures.all_procedures():
        for limit in procedure.limits:
            label = str(limit.label)
            if label not in names.setdefault(limit.code, []):
                names[limit.code].append(label)
    return [(code, " / ".join(labels)) for code, labels in sorted(names.items())]


def _act_form(
    request: HttpRequest, case: Case, guidance: case_guidance.Guidance | None = None
) -> case_forms.ActForm:
    """The act form, prefilled with what the case already knows (enter once): the amount decided, proposed
    or owed today, and for an assessment the coded exemptions of the standard in force."""
    procedure = procedures.get(case.procedure_key)
    acts = [(t.act, str(t.label)) for t in procedure.acts_from(case.stage)]
    guidance = guidance or case_guidance.guidance_for(case, on=clock.today())
    known = guidance.owed.total_fen if guidance.owed else guidance.amount_fen
    return case_forms.ActForm(
        request.POST or None,
        acts=list(dict(acts).items()),
        today=clock.today(),
        initial={"amount": yuan(known).replace(",", "")} if known else {},
        exemptions=[(row.code, f"{row.code} {row.name}") for row in guidance.exemptions],
        assessing=case.procedure_key in {"levy", "fee"} and case.stage == "opened",
    )


def _render_case(
    request: HttpRequest, case: Case, *, form: case_forms.ActForm | None, status: int = 200
) -> HttpResponse:
    may_handle = case_selectors.may_handle(request.user, case)
    guidance = case_guidance.guidance_for(case, on=clock.today())
    if form is None and may_handle:
        form = _act_form(request, case, guidance)
    procedure = procedures.get(case.procedure_key)
    context = {
        "case": case,
        "procedure": procedure,
        "stage": procedure.stage(case.stage),
        "parties": case.parties.order_by("name"),
        "assignments": case_selectors.assignments_of(case),
        "events": case_guidance.readable_timeline(case),
        "verifier_url": reverse("records:verifier_script"),
        "limits": case_selectors.open_limits(case),
        "limit_labels": case_guidance.limit_labels(procedure),
        "guidance": guidance,
        "field_records": field_records.records_of(case),
        "may_open_coercion": may_handle and may_open_coercion(case),
        "next_acts": case_selectors.next_acts(case, on=clock.today(), user=request.user),
        "form": form if may_handle else None,
        **legal_review_views.section(case, user=request.user),
    }
    return render(request, "cases/case_detail.html", context, status=status)


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


urlpatterns: list[URLPattern] = [
    path("", case_list, name="case_list"),
    path("register/", case_register, name="case_register"),
    path("deadlines/", deadline_board, name="deadline_board"),
    path("<int:case_id>/", case_detail, name="case_detail"),
    path("<int:case_id>/act/", case_act, name="case_act"),
    path("<int:case_id>/record-bundle/", case_record_bundle, name="case_record_bundle"),
]
