"""Forms for the entries of every attached list, one per list: parsing only (amounts typed in yuan become
fen, cited articles are picked from the library's current texts, fee exemptions are typed one per line as
code｜name｜basis). Each form turns its data into the spec the actions check, and an entry back into initial
data for editing. Rules (statutory ranges, citations in force, known matter codes) live in the actions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sanxiang.core import clock
from sanxiang.matters.enums import (
    AVRequirement,
    ListKind,
    MatterType,
    PartyKind,
    RetentionClass,
    ReviewCriterion,
    Tier,
)
from sanxiang.matters.models import Article
from sanxiang.matters.money import fen_from_yuan, yuan
from sanxiang.matters.specs import (
    AVSpec,
    BenchmarkSpec,
    EntrySpec,
    FeeSpec,
    InspectionSpec,
    ReviewRuleSpec,
)
from sanxiang.matters.spreadsheets.cells import Cells, Citations
from sanxiang.matters.spreadsheets.layouts import exemption_lines, parse_exemptions

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

_TEXTAREA = forms.Textarea(attrs={"rows": 2})


class ArticlesField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]  # django-stubs: generic field
    def label_from_instance(self, obj: Article) -> str:
        return obj.citation


def _articles(*, required: bool = True) -> ArticlesField:
    return ArticlesField(
        label=_("Legal basis"),
        required=required,
        queryset=Article.objects.filter(repealed_on__isnull=True).select_related("law"),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )


def _yuan_field(label: _StrPromise) -> forms.CharField:
    return forms.CharField(label=label, required=False, help_text=_("In yuan, such as 5000 or 1.50."))


class EntryForm(forms.Form):
    """Common parsing: yuan fields to fen, the "to be confirmed" note."""

    YUAN_FIELDS: tuple[str, ...] = ()
    unconfirmed_note = forms.CharField(
        label=_("What to confirm"), max_length=255, required=False, help_text=_("Blank once confirmed.")
    )

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        for name in self.YUAN_FIELDS:
            text = (data.get(name) or "").strip()
            try:
                data[name] = fen_from_yuan(text) if text else None
            except ValueError:
                self.add_error(name, _("Enter an amount in yuan, such as 5000 or 1.50."))
        return data

    def spec(self) -> EntrySpec:
        raise NotImplementedError

    @staticmethod
    def initial_of(entry: Any) -> dict[str, Any]:
        initial = {
            name: getattr(entry, name) for name in ("code", "unconfirmed_note") if hasattr(entry, name)
        }
        if hasattr(entry, "articles"):
            initial["articles"] = list(entry.articles.all())
        if getattr(entry, "unconfirmed", True) is False:
            initial["unconfirmed_note"] = ""
        return initial


class BenchmarkEntryForm(EntryForm):
    YUAN_FIELDS = ("min_yuan", "max_yuan")
    code = forms.CharField(label=_("Code"), max_length=32)
    violation = forms.CharField(label=_("Violation"), widget=_TEXTAREA)
    matter_code = forms.CharField(label=_("Matter code"), max_length=32, required=False)
    articles = _articles()
    party_kind = forms.ChoiceField(label=_("Party"), choices=PartyKind.choices)
    tier = forms.ChoiceField(label=_("Tier"), choices=Tier.choices)
    condition = forms.CharField(label=_("Applies when"), widget=_TEXTAREA)
    measures = forms.CharField(label=_("Measures"), max_length=255, required=False)
    min_yuan = _yuan_field(_("Minimum fine (yuan)"))
    max_yuan = _yuan_field(_("Maximum fine (yuan)"))
    field_order = ["code", "violation", "matter_code", "articles", "party_kind", "tier", "condition"]

    def spec(self) -> BenchmarkSpec:
        data = self.cleaned_data
        return BenchmarkSpec(
            code=data["code"].strip().upper(),
            violation=data["violation"],
            matter_code=data["matter_code"].strip().upper(),
            articles=list(data["articles"]),
            party_kind=PartyKind(data["party_kind"]),
            tier=Tier(data["tier"]),
            condition=data["condition"],
            measures=data["measures"],
            min_fen=data["min_yuan"],
            max_fen=data["max_yuan"],
            unconfirmed_note=data["unconfirmed_note"],
        )

    @staticmethod
    def initial_of(entry: Any) -> dict[str, Any]:
        initial = EntryForm.initial_of(entry)
        for name in ("violation", "matter_code", "party_kind", "tier", "condition", "measures"):
            initial[name] = getattr(entry, name)
        initial["min_yuan"] = "" if entry.min_fen is None else yuan(entry.min_fen).replace(",", "")
        initial["max_yuan"] = "" if entry.max_fen is None else yuan(entry.max_fen).replace(",", "")
        return initial


class AVEntryForm(EntryForm):
    matter_code = forms.CharField(label=_("Matter code"), max_length=32)
    step = forms.CharField(label=_("Step"), max_length=32, help_text=_("The workflow step's key."))
    step_name = forms.CharField(label=_("Step name"), max_length=64)
    requirement = forms.ChoiceField(label=_("Recording"), choices=AVRequirement.choices)
    retention = forms.ChoiceField(label=_("Retention"), choices=RetentionClass.choices)
    note = forms.CharField(label=_("Note"), max_length=255, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["unconfirmed_note"]  # the AV list has no placeholders

    def spec(self) -> AVSpec:
        data = self.cleaned_data
        return AVSpec(
            matter_code=data["matter_code"].strip().upper(),
            step=data["step"].strip(),
            step_name=data["step_name"],
            requirement=AVRequirement(data["requirement"]),
            retention=RetentionClass(data["retention"]),
            note=data["note"],
        )

    @staticmethod
    def initial_of(entry: Any) -> dict[str, Any]:
        return {
            n: getattr(entry, n)
            for n in ("matter_code", "step", "step_name", "requirement", "retention", "note")
        }


class ReviewRuleForm(EntryForm):
    YUAN_FIELDS = ("threshold_yuan",)
    code = forms.CharField(label=_("Code"), max_length=32)
    criterion = forms.ChoiceField(label=_("Criterion"), choices=ReviewCriterion.choices)
    matter_type = forms.ChoiceField(label=_("Type"), choices=[("", "—"), *MatterType.choices], required=False)
    party_kind = forms.ChoiceField(label=_("Party"), choices=[("", "—"), *PartyKind.choices], required=False)
    threshold_yuan = _yuan_field(_("Threshold (yuan)"))
    value = forms.CharField(label=_("Value"), max_length=64, required=False)
    description = forms.CharField(label=_("Description"), widget=_TEXTAREA)
    articles = _articles(required=False)
    field_order = ["code", "criterion", "matter_type", "party_kind", "threshold_yuan", "value", "description"]

    def spec(self) -> ReviewRuleSpec:
        data = self.cleaned_data
        return ReviewRuleSpec(
            code=data["code"].strip().upper(),
            criterion=ReviewCriterion(data["criterion"]),
            matter_type=MatterType(data["matter_type"]) if data["matter_type"] else None,
            party_kind=PartyKind(data["party_kind"]) if data["party_kind"] else None,
            threshold_fen=data["threshold_yuan"],
            value=data["value"],
            description=data["description"],
            articles=list(data["articles"]),
            unconfirmed_note=data["unconfirmed_note"],
        )

    @staticmethod
    def initial_of(entry: Any) -> dict[str, Any]:
        initial = EntryForm.initial_of(entry)
        for name in ("criterion", "matter_type", "party_kind", "value", "description"):
            initial[name] = getattr(entry, name)
        fen = entry.threshold_fen
        initial["threshold_yuan"] = "" if fen is None else yuan(fen).replace(",", "")
        return initial


class InspectionItemForm(EntryForm):
    code = forms.CharField(label=_("Code"), max_length=32)
    name = forms.CharField(label=_("Name"), max_length=255)
    matter_code = forms.CharField(label=_("Matter code"), max_length=32, required=False)
    articles = _articles()
    inspecting_body = forms.CharField(label=_("Inspecting body"), max_length=128)
    object_type = forms.CharField(label=_("Objects inspected"), max_length=255)
    content = forms.CharField(label=_("Content"), widget=_TEXTAREA)
    ratio_percent = forms.IntegerField(label=_("Ratio (%)"), min_value=0, max_value=100, required=False)
    method = forms.CharField(label=_("Method"), max_length=128)
    frequency = forms.CharField(label=_("Frequency"), max_length=128)
    field_order = ["code", "name", "matter_code", "articles"]

    _FIELDS = ("name", "matter_code", "inspecting_body", "object_type", "content", "ratio_percent", "method")

    def spec(self) -> InspectionSpec:
        data = self.cleaned_data
        return InspectionSpec(
            code=data["code"].strip().upper(),
            articles=list(data["articles"]),
            frequency=data["frequency"],
            unconfirmed_note=data["unconfirmed_note"],
            **{name: data[name] for name in self._FIELDS if name != "matter_code"},
            matter_code=data["matter_code"].strip().upper(),
        )

    @staticmethod
    def initial_of(entry: Any) -> dict[str, Any]:
        initial = EntryForm.initial_of(entry)
        for name in (*InspectionItemForm._FIELDS, "frequency"):
            initial[name] = getattr(entry, name)
        return initial


class FeeStandardForm(EntryForm):
    YUAN_FIELDS = ("rate_yuan",)
    code = forms.CharField(label=_("Code"), max_length=32)
    name = forms.CharField(label=_("Name"), max_length=255)
    matter_code = forms.CharField(label=_("Matter code"), max_length=32, required=False)
    rate_yuan = forms.CharField(label=_("Rate (yuan)"))
    per_unit = forms.CharField(label=_("Per"), max_length=16, help_text=_("For example 平方米."))
    articles = _articles()
    exemptions = forms.CharField(
        label=_("Exemptions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: code｜name｜basis, the basis cited as 《title》第…条."),
    )
    note = forms.CharField(label=_("Note"), widget=_TEXTAREA, required=False)
    field_order = ["code", "name", "matter_code", "rate_yuan", "per_unit", "articles", "exemptions"]

    def clean_exemptions(self) -> list[Any]:
        cells = Cells(0, {"exemptions": self.cleaned_data.get("exemptions", "")}, ())
        parsed = parse_exemptions(cells, Citations(clock.today()))
        if cells.errors:
            raise forms.ValidationError([error.message for error in cells.errors])
        return list(parsed)

    def spec(self) -> FeeSpec:
        data = self.cleaned_data
        return FeeSpec(
            code=data["code"].strip().upper(),
            name=data["name"],
            matter_code=data["matter_code"].strip().upper(),
            rate_fen=data["rate_yuan"] or 0,
            per_unit=data["per_unit"],
            articles=list(data["articles"]),
            exemptions=data["exemptions"],
            note=data["note"],
            unconfirmed_note=data["unconfirmed_note"],
        )

    @staticmethod
    def initial_of(entry: Any) -> dict[str, Any]:
        initial = EntryForm.initial_of(entry)
        for name in ("name", "matter_code", "per_unit", "note"):
            initial[name] = getattr(entry, name)
        initial["rate_yuan"] = yuan(entry.rate_fen).replace(",", "")
        initial["exemptions"] = exemption_lines(entry)
        return initial


ENTRY_FORMS: dict[ListKind, type[EntryForm]] = {
    ListKind.BENCHMARKS: BenchmarkEntryForm,
    ListKind.AV_RECORDING: AVEntryForm,
    ListKind.MAJOR_DECISIONS: ReviewRuleForm,
    ListKind.RANDOM_INSPECTION: InspectionItemForm,
    ListKind.FEE_STANDARDS: FeeStandardForm,
}
