"""Choices for the legal-basis library, the matter catalogue and its attached lists. Values are stored in the
database and written into record entries, so they never change; labels are translated."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class LawLevel(models.TextChoices):
    """效力位阶 of a legal instrument."""

    LAW = "law", _("Law")
    ADMINISTRATIVE_REGULATION = "administrative_regulation", _("Administrative regulation")
    LOCAL_REGULATION = "local_regulation", _("Local regulation")
    RULE = "rule", _("Rule")
    NORMATIVE_DOCUMENT = "normative_document", _("Normative document")


class MatterType(models.TextChoices):
    """The six kinds of enforcement act (identifiers from docs/glossary.md)."""

    LICENSE = "license", _("Licensing")
    PENALTY = "penalty", _("Penalty")
    COERCION = "coercion", _("Coercion")
    LEVY = "levy", _("Levy")
    FEE = "fee", _("Fee")
    INSPECTION = "inspection", _("Inspection")


class TimeUnit(models.TextChoices):
    """How a time limit counts (DOMAIN.md R-T-01): working days exclude holidays and include 调休 days."""

    # Contexts keep these labels apart from other apps' words of the same spelling ("20 个工作日").
    WORKING_DAYS = "working_days", pgettext_lazy("time limit unit", "working days")
    CALENDAR_DAYS = "calendar_days", pgettext_lazy("time limit unit", "calendar days")
    MONTHS = "months", pgettext_lazy("time limit unit", "months")


class ReliefKind(models.TextChoices):
    RECONSIDERATION = "reconsideration", _("Administrative reconsideration")
    LITIGATION = "litigation", _("Administrative litigation")


class ListKind(models.TextChoices):
    """The versioned lists: the matter catalogue and the lists attached to it."""

    CATALOGUE = "catalogue", _("Enforcement-matter catalogue")
    BENCHMARKS = "benchmarks", _("Discretion benchmarks")
    AV_RECORDING = "av_recording", _("AV-recording list")
    MAJOR_DECISIONS = "major_decisions", _("Major-decision legal-review catalogue")
    RANDOM_INSPECTION = "random_inspection", _("Random-inspection item list")
    FEE_STANDARDS = "fee_standards", _("Fee and levy standards")


class VersionStatus(models.TextChoices):
    """A version's stage. "Superseded" is not stored: it follows from a later published version's date."""

    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")


OPEN_STATUSES = (VersionStatus.DRAFT, VersionStatus.APPROVED)


class PartyKind(models.TextChoices):
    """当事人: a natural person (个人) or a unit (单位: legal person or other organisation)."""

    INDIVIDUAL = "individual", pgettext_lazy("party", "Individual")
    ORGANIZATION = "organization", pgettext_lazy("party", "Organisation")


class Tier(models.TextChoices):
    """裁量阶次 of a discretion benchmark."""

    NO_PENALTY = "no_penalty", _("No penalty")
    LENIENT = "lenient", _("Lenient")
    ORDINARY = "ordinary", _("Ordinary")
    SEVERE = "severe", _("Severe")


class AVRequirement(models.TextChoices):
    FULL = "full", _("Full recording")
    AS_NEEDED = "as_needed", _("As needed")
    NOT_REQUIRED = "not_required", _("Not required")


class RetentionClass(models.TextChoices):
    """R-REC-05: evidence follows the case file; routine recordings are kept at least six months."""

    EVIDENCE = "evidence", _("Evidence (kept with the case file)")
    ROUTINE = "routine", _("Routine (at least six months)")


class ReviewCriterion(models.TextChoices):
    """What a rule of the major-decision catalogue looks at (DOMAIN.md R-LR-01, R-LR-02)."""

    AMOUNT = "amount", _("Amount at or above a threshold")
    PENALTY_KIND = "penalty_kind", _("Kind of penalty")
    HEARING_HELD = "hearing_held", _("A hearing was held")
    DECISION_KIND = "decision_kind", _("Kind of decision")
    HANDLER_FLAG = "handler_flag", _("Flag answered by the case handler")


class PublishedListKind(models.TextChoices):
    """The lists an office publishes (seed 二(一)3(1)), generated from the catalogue and attached lists."""

    POWER = "power_list", _("Power list")
    RESPONSIBILITY = "responsibility_list", _("Responsibility list")
    PENALTY = "penalty_list", _("Penalty and confiscation list")
    SUPERVISION = "supervision_list", _("Supervision list")
    FEE = "fee_list", _("Fee list")
