"""The form for a matter of a draft catalogue: identity, legal basis, procedure, time limits with their unit
and basis, the service-guide fields of seed 二(一)3(3), required materials (one per line) and the two relief
channels (复议 within 60 days, 行政复议法 第20条; 诉讼 within 6 months, 行政诉讼法 第46条 — the days are
data the office types, not constants). Parsing only; the rules live in ``actions.entries``."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sanxiang.matters import procedures
from sanxiang.matters.actions.entries import GUIDE_FIELDS
from sanxiang.matters.entry_forms import ArticlesField, EntryForm
from sanxiang.matters.enums import MatterType, ReliefKind, TimeUnit
from sanxiang.matters.models import Article, Matter
from sanxiang.matters.specs import MatterSpec, ReliefSpec, TimeLimit
from sanxiang.organizations.enums import AgencyLevel, DepartmentKind

_TEXTAREA = forms.Textarea(attrs={"rows": 2})
_UNITS = [("", "—"), *TimeUnit.choices]


class _Article(forms.ModelChoiceField):  # type: ignore[type-arg]  # django-stubs: generic model field
    def label_from_instance(self, obj: Article) -> str:
        return obj.citation


def _current_articles() -> Any:
    return Article.objects.filter(repealed_on__isnull=True).select_related("law")


def _article(label: Any) -> _Article:
    return _Article(label=label, required=False, queryset=_current_articles())


def _text(label: Any, *, long: bool = False) -> forms.CharField:
    widget = _TEXTAREA if long else None
    return forms.CharField(label=label, required=False, widget=widget, max_length=None if long else 255)


class MatterForm(EntryForm):
    code = forms.CharField(label=_("Code"), max_length=32)
    name = forms.CharField(label=_("Name"), max_length=255)
    type = forms.ChoiceField(label=_("Type"), choices=MatterType.choices)
    agency_levels = forms.MultipleChoiceField(
        label=_("Agency levels exercising it"),
        choices=AgencyLevel.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    department_kind = forms.ChoiceField(label=_("Responsible department"), choices=DepartmentKind.choices)
    articles = ArticlesField(label=_("Legal basis"), queryset=_current_articles())
    workflow_key = forms.ChoiceField(label=_("Procedure (workflow)"))
    statutory_limit = forms.IntegerField(label=_("Statutory time limit"), min_value=0, required=False)
    statutory_unit = forms.ChoiceField(label=_("Unit of the statutory limit"), choices=_UNITS, required=False)
    statutory_basis = _article(_("Basis of the statutory limit"))
    promised_limit = forms.IntegerField(label=_("Promised time limit"), min_value=0, required=False)
    promised_unit = forms.ChoiceField(label=_("Unit of the promised limit"), choices=_UNITS, required=False)
    time_limit_note = _text(_("Time-limit note"))
    fee_standard = _text(_("Fee standard"), long=True)
    accepting_body = _text(_("Accepting body"))
    deciding_body = _text(_("Approving body"))
    conditions = _text(_("Conditions"), long=True)
    materials = _text(_("Required materials (one per line)"), long=True)
    procedure = _text(_("Procedure"), long=True)
    supervision = _text(_("Supervision"), long=True)
    accountability = _text(_("Accountability"), long=True)
    office_hours = _text(_("Office hours"))
    office_address = _text(_("Office address"))
    office_phone = _text(_("Office phone"))
    consultation_phone = _text(_("Consultation phone"))
    complaint_phone = _text(_("Complaint phone"))
    reconsideration_body = _text(_("Reconsideration: where to apply"))
    reconsideration_days = forms.IntegerField(label=_("Reconsideration: days"), min_value=1, required=False)
    reconsideration_article = _article(_("Reconsideration: basis"))
    litigation_body = _text(_("Litigation: where to sue"))
    litigation_months = forms.IntegerField(label=_("Litigation: months"), min_value=1, required=False)
    litigation_article = _article(_("Litigation: basis"))

    def __init__(self, *args: Any, current_key: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keys = {p.key: f"{p.label}（{p.key}）" for p in procedures.all_procedures()}
        if current_key and current_key not in keys:
            keys[current_key] = current_key
        field = self.fields["workflow_key"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = sorted(keys.items())

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for limit, unit in (("statutory_limit", "statutory_unit"), ("promised_limit", "promised_unit")):
            if data.get(limit) is not None and not data.get(unit):
                self.add_error(unit, _("Give the unit of the time limit."))
        for kind, amount in (("reconsideration", "days"), ("litigation", "months")):
            given = [data.get(f"{kind}_body"), data.get(f"{kind}_{amount}"), data.get(f"{kind}_article")]
            if any(given) and not all(given):
                self.add_error(f"{kind}_body", _("Give where to apply, the time limit and its basis."))
        return data

    def _relief(self) -> tuple[ReliefSpec, ...]:
        data = self.cleaned_data
        channels = []
        if data["reconsideration_body"]:
            channels.append(
                ReliefSpec(
                    ReliefKind.RECONSIDERATION,
                    data["reconsideration_body"],
                    data["reconsideration_days"],
                    TimeUnit.CALENDAR_DAYS,
                    data["reconsideration_article"],
                )
            )
        if data["litigation_body"]:
            channels.append(
                ReliefSpec(
                    ReliefKind.LITIGATION,
                    data["litigation_body"],
                    data["litigation_months"],
                    TimeUnit.MONTHS,
                    data["litigation_article"],
                )
            )
        return tuple(channels)

    def spec(self) -> MatterSpec:
        data = self.cleaned_data

        def limit(name: str) -> TimeLimit | None:
            value = data[f"{name}_limit"]
            return None if value is None else TimeLimit(value, TimeUnit(data[f"{name}_unit"]))

        return MatterSpec(
            code=data["code"].strip().upper(),
            name=data["name"],
            type=MatterType(data["type"]),
            articles=list(data["articles"]),
            workflow_key=data["workflow_key"],
            agency_levels=[AgencyLevel(level) for level in data["agency_levels"]],
            department_kind=DepartmentKind(data["department_kind"]),
            statutory=limit("statutory"),
            statutory_basis=data["statutory_basis"],
            promised=limit("promised"),
            time_limit_note=data["time_limit_note"],
            relief=self._relief(),
            fee_standard=data["fee_standard"],
            guide={name: data[name] for name in GUIDE_FIELDS},
            materials=[line.strip() for line in data["materials"].splitlines() if line.strip()],
            unconfirmed_note=data["unconfirmed_note"],
        )

    @staticmethod
    def initial_of(entry: Any) -> dict[str, Any]:
        matter: Matter = entry
        initial = EntryForm.initial_of(matter)
        names = ("name", "type", "agency_levels", "department_kind", "workflow_key", "statutory_limit")
        rest = ("statutory_unit", "statutory_basis", "promised_limit", "promised_unit", "time_limit_note")
        for name in (*names, *rest, "fee_standard", *GUIDE_FIELDS):
            initial[name] = getattr(matter, name)
        initial["materials"] = "\n".join(str(item) for item in matter.materials)
        for channel in matter.relief_channels.all():
            kind = "reconsideration" if channel.kind == ReliefKind.RECONSIDERATION else "litigation"
            amount = "days" if kind == "reconsideration" else "months"
            initial |= {f"{kind}_body": channel.body, f"{kind}_{amount}": channel.time_limit}
            initial[f"{kind}_article"] = channel.article
        return initial
