"""The publication-rule page of an agency (国办发〔2018〕118号; 行政处罚法 第48条; DOMAIN R-PUB-07..09,
R-PUB-12): the rule in force today for each kind of decision and where it comes from (the agency's own, an
ancestor's or the default), the agency's own dated rules, and a form for a new rule from a date. Thin:
fetches the agency through ``jurisdiction`` and requires its administrator role (on it or an ancestor);
``check_set_publication_rule`` decides and records. Anyone else gets the 404 of a missing agency; a refused
submission answers 400 with nothing written. Overriding whether one publication must be published stays on
the publication, with its reason."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from sanxiang.core import clock
from sanxiang.core.errors import ConfigurationError, InvalidInput, NotFoundOrForbidden, RuleViolation
from sanxiang.core.forms import show_refusal
from sanxiang.organizations import jurisdiction
from sanxiang.organizations.enums import Role
from sanxiang.organizations.models import Agency
from sanxiang.publicity.drafts import rule_for
from sanxiang.publicity.enums import PublicationKind
from sanxiang.publicity.forms_decisions import PublicationRuleForm
from sanxiang.publicity.models import PublicationRule
from sanxiang.publicity.rule_actions import check_set_publication_rule


@dataclass(frozen=True)
class InForce:
    kind: str
    rule: PublicationRule | None
    source: str
    origin: str  # none, default, own or ancestor: for the page's data attribute


def _administered(request: HttpRequest, agency_id: int) -> Agency:
    try:
        agency = jurisdiction.access_agency_by_id(request.user, agency_id)
        jurisdiction.require_role(request.user, Role.ADMINISTRATOR, agency)
    except NotFoundOrForbidden:
        raise Http404(_("Agency not found.")) from None
    return agency


def _in_force(agency: Agency) -> list[InForce]:
    rows = []
    for kind, label in PublicationKind.choices:
        try:
            rule: PublicationRule | None = rule_for(agency, kind, on=clock.today())
        except ConfigurationError:
            rule = None
        if rule is None:
            origin, source = "none", _("No rule in force")
        elif rule.agency is None:
            origin, source = "default", _("Default")
        elif rule.agency_id == agency.pk:
            origin, source = "own", _("This agency")
        else:
            origin, source = "ancestor", rule.agency.short_name
        rows.append(InForce(kind=str(label), rule=rule, source=source, origin=origin))
    return rows


@login_required
@require_http_methods(["GET", "POST"])
def publication_rules(request: HttpRequest, agency_id: int) -> HttpResponse:
    agency = _administered(request, agency_id)
    form = PublicationRuleForm(
        request.POST if request.method == "POST" else None, initial={"effective_from": clock.today()}
    )
    if form.is_bound and form.is_valid():
        try:
            check_set_publication_rule(actor_user=request.user, agency=agency, **form.cleaned_data)
        except (InvalidInput, RuleViolation) as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The publication rule was saved."))
            return redirect("publications:rules", agency.pk)
    context = {
        "agency": agency,
        "form": form,
        "in_force": _in_force(agency),
        "own": PublicationRule.objects.filter(agency=agency).order_by("kind", "-effective_from"),
        "today": clock.today(),
    }
    return render(request, "publicity/rules.html", context, status=400 if form.is_bound else 200)
