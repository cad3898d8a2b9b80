"""Choices for evidence items, recording equipment and upload attribution. Holds no logic."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class EvidenceKind(models.TextChoices):
    """The kinds of evidence of 行政处罚法 第46条."""

    DOCUMENTARY = "documentary", _("Documentary evidence")
    PHYSICAL = "physical", _("Physical evidence")
    AUDIOVISUAL = "audiovisual", _("Audio-visual material")
    ELECTRONIC = "electronic", _("Electronic data")
    WITNESS_TESTIMONY = "witness_testimony", _("Witness testimony")
    PARTY_STATEMENT = "party_statement", _("Statement of the party")
    EXPERT_OPINION = "expert_opinion", _("Expert opinion")
    INSPECTION_RECORD = "inspection_record", _("Inspection or on-site record")


class DeviceStatus(models.TextChoices):
    IN_SERVICE = "in_service", _("In service")
    MAINTENANCE = "maintenance", _("Under maintenance")
    RETIRED = "retired", _("Retired")


class DeviceCheck(models.TextChoices):
    """How an uploaded file's claimed device matched the equipment register when it arrived."""

    REGISTERED = "registered", _("Registered device")
    NONE = "none", _("No device declared")
    UNKNOWN = "unknown", _("Unknown device")
    RETIRED = "retired", _("Retired device")
    MAINTENANCE = "maintenance", _("Device under maintenance")


class AccessCopyStatus(models.TextChoices):
    """Whether ffmpeg made a browser-playable copy of an original (the original is never touched)."""

    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")
