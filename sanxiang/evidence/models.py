"""Evidence tables: recording equipment, partial uploads, stored evidence files, the evidence register, access
copies, explained gaps between AV segments, AV exemptions, retention classes and approved deletions.

Owns the schema and its database constraints only. Never holds business rules (they live in the actions), and
no column here ever stores file bytes: bytes live in the storage backend, addressed by their SHA-256.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from sanxiang.core.models import TimestampedModel
from sanxiang.evidence.enums import AccessCopyStatus, DeviceCheck, DeviceStatus, EvidenceKind
from sanxiang.matters.enums import RetentionClass
from sanxiang.organizations.models import Agency, Officer


class Device(TimestampedModel):
    """A registered body camera, recorder or dock (执法记录仪, seed 二(二)3(3))."""

    agency = models.ForeignKey(Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+")
    number = models.CharField(_("device number"), max_length=64, unique=True)
    model = models.CharField(_("model"), max_length=128)
    assigned_officer = models.ForeignKey(
        Officer,
        verbose_name=_("assigned officer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=DeviceStatus.choices, default=DeviceStatus.IN_SERVICE
    )
    # SHA-256 of the device's upload token; the token itself is shown once and never stored.
    token_sha256 = models.CharField(_("token digest"), max_length=64, unique=True, editable=False)

    class Meta:
        verbose_name = _("recording device")
        verbose_name_plural = _("recording devices")
        ordering = ["agency__path", "number"]

    def __str__(self) -> str:
        return self.number


class MaintenanceEntry(TimestampedModel):
    device = models.ForeignKey(
        Device, verbose_name=_("device"), on_delete=models.PROTECT, related_name="maintenance"
    )
    date = models.DateField(_("date"))
    note = models.TextField(_("note"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )

    class Meta:
        verbose_name = _("maintenance entry")
        verbose_name_plural = _("maintenance entries")
        ordering = ["device", "-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.device} {self.date}"


class EvidenceFile(TimestampedModel):
    """An original file as received, with the digest computed while it streamed in. Never modified."""

    agency = models.ForeignKey(Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+")
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    sm3 = models.CharField(_("SM3"), max_length=64, blank=True)  # when the deployment asks for SM3 (R-REC-04)
    size = models.BigIntegerField(_("size in bytes"))
    storage_key = models.CharField(_("storage key"), max_length=255)
    media_type = models.CharField(_("media type"), max_length=128)
    filename = models.CharField(_("file name"), max_length=255, blank=True)
    device = models.ForeignKey(
        Device, verbose_name=_("device"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    device_number = models.CharField(_("declared device number"), max_length=64, blank=True)
    device_check = models.CharField(_("device check"), max_length=16, choices=DeviceCheck.choices)
    officer = models.ForeignKey(
        Officer, verbose_name=_("officer"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    certificate_number = models.CharField(_("certificate number"), max_length=32, blank=True)
    capture_start = models.DateTimeField(_("capture start"), null=True, blank=True)
    capture_end = models.DateTimeField(_("capture end"), null=True, blank=True)
    # Minutes between the end of capture and the upload, and whether that broke the agency's limit (R-REC-04).
    upload_lag_minutes = models.PositiveIntegerField(_("upload lag (minutes)"), null=True, blank=True)
    uploaded_late = models.BooleanField(_("uploaded late"), default=False)
    location = models.CharField(_("location"), max_length=255, blank=True)
    subject_kind = models.CharField(_("subject kind"), max_length=32)
    subject_id = models.CharField(_("subject id"), max_length=64)
    step = models.CharField(_("step"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["subject_kind", "subject_id"], name="evidence_file_subject")]
        constraints = [
            models.CheckConstraint(condition=Q(size__gte=0), name="evidence_file_size_nonnegative"),
            models.CheckConstraint(
                condition=Q(capture_start__isnull=True)
                | Q(capture_end__isnull=True)
                | Q(capture_end__gte=models.F("capture_start")),
                name="evidence_file_capture_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.filename or self.sha256[:12]

    @property
    def flagged(self) -> bool:
        """A declared device that is unknown, retired or under maintenance is flagged for attention."""
        return self.device_check in {DeviceCheck.UNKNOWN, DeviceCheck.RETIRED, DeviceCheck.MAINTENANCE}


class Upload(TimestampedModel):
    """A tus upload in progress. The bytes so far live in a partial file under VAR_DIR; ``offset`` is the
    number of bytes durably written (fsync'd) there, which is what a resuming client is told."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    agency = models.ForeignKey(Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    device = models.ForeignKey(Device, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    length = models.BigIntegerField(_("length"))
    offset = models.BigIntegerField(_("offset"), default=0)
    metadata = models.JSONField(_("metadata"), default=dict)
    expires_at = models.DateTimeField(_("expires at"))
    evidence_file = models.OneToOneField(
        EvidenceFile, null=True, blank=True, on_delete=models.PROTECT, related_name="upload"
    )

    class Meta:
        verbose_name = _("upload")
        verbose_name_plural = _("uploads")
        constraints = [
            models.CheckConstraint(
                condition=Q(offset__gte=0) & Q(offset__lte=models.F("length")), name="upload_offset_in_range"
            ),
        ]

    def __str__(self) -> str:
        return str(self.id)

    @property
    def complete(self) -> bool:
        return self.evidence_file_id is not None


class EvidenceItem(TimestampedModel):
    """An entry in the evidence register: one typed item, linked to its stored file (if any), its subject and
    the workflow step. Items captured by a camera or sensor need review before a decision may cite them."""

    agency = models.ForeignKey(Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=32, choices=EvidenceKind.choices)
    title = models.CharField(_("title"), max_length=255)
    file = models.ForeignKey(
        EvidenceFile,
        verbose_name=_("file"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="items",
    )
    subject_kind = models.CharField(_("subject kind"), max_length=32)
    subject_id = models.CharField(_("subject id"), max_length=64)
    step = models.CharField(_("step"), max_length=64)
    from_device = models.BooleanField(_("captured by a camera or sensor"), default=False)
    needs_review = models.BooleanField(_("needs review"), default=False)
    reviewed_by = models.ForeignKey(
        Officer,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_note = models.TextField(_("review note"), blank=True)

    class Meta:
        verbose_name = _("evidence item")
        verbose_name_plural = _("evidence items")
        ordering = ["subject_kind", "subject_id", "pk"]
        indexes = [models.Index(fields=["subject_kind", "subject_id"], name="evidence_item_subject")]
        constraints = [
            # 第41条: a camera or sensor item is either awaiting review or has been reviewed, never neither.
            models.CheckConstraint(
                condition=Q(from_device=False)
                | Q(needs_review=True, reviewed_at__isnull=True)
                | Q(needs_review=False, reviewed_at__isnull=False),
                name="evidence_item_device_reviewed",
            ),
        ]

    def __str__(self) -> str:
        return self.title


def _user(verbose: StrOrPromise, *, null: bool = False) -> models.ForeignKey:  # type: ignore[type-arg]
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose,
        null=null,
        blank=null,
        on_delete=models.PROTECT,
        related_name="+",
    )


class AccessCopy(TimestampedModel):
    """The browser-playable MP4 and poster JPEG ffmpeg derived from an original, each stored under its own
    content address. Derived, so it may be rebuilt; the original it came from is never written."""

    original = models.OneToOneField(
        EvidenceFile, verbose_name=_("original"), on_delete=models.PROTECT, related_name="access_copy"
    )
    status = models.CharField(_("status"), max_length=16, choices=AccessCopyStatus.choices)
    video_sha256 = models.CharField(_("video SHA-256"), max_length=64, blank=True)
    video_key = models.CharField(_("video storage key"), max_length=255, blank=True)
    video_size = models.BigIntegerField(_("video size in bytes"), default=0)
    poster_sha256 = models.CharField(_("poster SHA-256"), max_length=64, blank=True)
    poster_key = models.CharField(_("poster storage key"), max_length=255, blank=True)
    poster_size = models.BigIntegerField(_("poster size in bytes"), default=0)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)

    class Meta:
        verbose_name = _("access copy")
        verbose_name_plural = _("access copies")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=AccessCopyStatus.READY) | ~Q(video_key=""),
                name="evidence_access_copy_ready_has_video",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.original} ({self.status})"


class GapReason(TimestampedModel):
    """Why recording stopped between two consecutive AV segments of one act (R-REC-03)."""

    agency = models.ForeignKey(Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+")
    before = models.ForeignKey(
        EvidenceFile, verbose_name=_("segment before"), on_delete=models.PROTECT, related_name="+"
    )
    after = models.OneToOneField(
        EvidenceFile, verbose_name=_("segment after"), on_delete=models.PROTECT, related_name="gap_reason"
    )
    seconds = models.PositiveIntegerField(_("gap in seconds"))
    reason = models.TextField(_("reason"))
    explained_by = _user(_("explained by"))

    class Meta:
        verbose_name = _("gap reason")
        verbose_name_plural = _("gap reasons")
        constraints = [models.CheckConstraint(condition=~Q(reason=""), name="evidence_gap_reason_given")]

    def __str__(self) -> str:
        return f"{self.before_id}→{self.after_id}"


class Exemption(TimestampedModel):
    """An approved reason (e.g. equipment failure) why a step the AV list marks for full recording has no AV
    file. Requested by one person, approved by another who heads the department or the agency."""

    agency = models.ForeignKey(Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+")
    matter_code = models.CharField(_("matter code"), max_length=32)
    subject_kind = models.CharField(_("subject kind"), max_length=32)
    subject_id = models.CharField(_("subject id"), max_length=64)
    step = models.CharField(_("step"), max_length=64)
    reason = models.TextField(_("reason"))
    requested_by = _user(_("requested by"))
    approved_by = _user(_("approved by"), null=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)

    class Meta:
        verbose_name = _("AV exemption")
        verbose_name_plural = _("AV exemptions")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="evidence_exemption_reason_given"),
            models.CheckConstraint(
                condition=Q(approved_by__isnull=True, approved_at__isnull=True)
                | (Q(approved_at__isnull=False) & ~Q(approved_by=models.F("requested_by"))),
                name="evidence_exemption_two_people",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject_kind}:{self.subject_id} {self.step}"


class Retention(TimestampedModel):
    """A file's retention class, taken from the AV list in force for its matter and step (R-REC-05)."""

    file = models.OneToOneField(
        EvidenceFile, verbose_name=_("file"), on_delete=models.PROTECT, related_name="retention"
    )
    retention_class = models.CharField(_("retention class"), max_length=16, choices=RetentionClass.choices)
    matter_code = models.CharField(_("matter code"), max_length=32)
    keep_until = models.DateField(_("kept until"), null=True, blank=True)

    class Meta:
        verbose_name = _("retention")
        verbose_name_plural = _("retentions")
        constraints = [
            models.CheckConstraint(
                condition=Q(retention_class=RetentionClass.EVIDENCE, keep_until__isnull=True)
                | Q(retention_class=RetentionClass.ROUTINE, keep_until__isnull=False),
                name="evidence_retention_routine_has_expiry",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.file} {self.retention_class}"


class Deletion(TimestampedModel):
    """A two-person deletion of an expired routine file. The register row and its records stay; only the
    original's bytes go once a second person approves."""

    file = models.OneToOneField(
        EvidenceFile, verbose_name=_("file"), on_delete=models.PROTECT, related_name="deletion"
    )
    reason = models.TextField(_("reason"))
    requested_by = _user(_("requested by"))
    approved_by = _user(_("approved by"), null=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)

    class Meta:
        verbose_name = _("deletion")
        verbose_name_plural = _("deletions")
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="evidence_deletion_reason_given"),
            models.CheckConstraint(
                condition=Q(approved_by__isnull=True, approved_at__isnull=True)
                | (Q(approved_at__isnull=False) & ~Q(approved_by=models.F("requested_by"))),
                name="evidence_deletion_two_people",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.file}"


# Registered with the app's models (and re-exported) from its own module.
from sanxiang.evidence.lag_models import LateUploadReason as LateUploadReason  # noqa: E402, PLC0414 - explicit re-export
from sanxiang.evidence.lag_models import UploadLagLimit as UploadLagLimit  # noqa: E402, PLC0414 - explicit re-export
