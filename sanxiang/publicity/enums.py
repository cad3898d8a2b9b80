"""Choices of post-decision publicity (事后公开): kinds of publication, their statuses, grounds for exclusion
and withdrawal, and push states. Labels are English source text; this module holds no rule and never touches
the database."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicationKind(models.TextChoices):
    """What was decided: the 双公示 kinds (许可、处罚) and the other decisions of 118号
    (征收、收费、强制、检查)."""

    PENALTY = "penalty", _("Administrative penalty")
    LICENSE = "license", _("Administrative licence")
    LEVY = "levy", _("Administrative levy")
    FEE = "fee", _("Administrative fee")
    COERCION = "coercion", _("Administrative coercion")
    INSPECTION = "inspection", _("Inspection result")


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")
    CORRECTED = "corrected", _("Corrected")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    EXPIRED = "expired", _("Expired")
    EXCLUDED = "excluded", _("Not published")


class ExclusionReason(models.TextChoices):
    """Why a decision is not published (行政处罚法 第50条; 政府信息公开条例 第14条、第15条)."""

    MINOR = "minor", _("The party is a minor")
    STATE_SECRET = "state_secret", _("State secret")
    PRIVACY = "privacy", _("Personal privacy or trade secret")


class WithdrawalGround(models.TextChoices):
    """Why a published decision is withdrawn (行政处罚法 第48条 第2款)."""

    CHANGED = "changed", _("The decision was changed")
    REVOKED = "revoked", _("The decision was revoked")
    ILLEGAL = "illegal", _("The decision was found illegal")
    VOID = "void", _("The decision was found void")


class PushStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    SENT = "sent", _("Delivered")
    FAILED = "failed", _("Failed, will retry")
    GAVE_UP = "gave_up", _("Failed, retries exhausted")


class PushEvent(models.TextChoices):
    PUBLISH = "publish", _("Publication")
    WITHDRAW = "withdraw", _("Withdrawal")
