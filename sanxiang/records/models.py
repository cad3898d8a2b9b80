"""Tables of the record log. The outbox (``PendingEntry``) is written only by ``writer.append``; the log's
head (``Log``), entries, stored subtree hashes (``Node``) and checkpoints only by the integrator and the
checkpoint signer. Entry, Node and Checkpoint rows are never updated or deleted (database triggers refuse
it)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from sanxiang.core import clock


class HashAlgorithm(models.TextChoices):
    SHA256 = "sha256", "SHA-256"
    SM3 = "sm3", "SM3"


class PendingEntry(models.Model):
    """The outbox: entries written by business transactions, waiting for the integrator to give them an
    index in the tree. Their id orders them but never becomes the leaf index (ids can have gaps)."""

    event_type = models.CharField(_("event type"), max_length=64)
    body = models.BinaryField(_("canonical entry"))
    subject_kind = models.CharField(_("subject kind"), max_length=32)
    subject_id = models.CharField(_("subject id"), max_length=64)
    created_at = models.DateTimeField(_("created at"), default=clock.now)
    # Copies of the body's ``agency`` and ``actor.officer``, carried to the entry for the agency timeline.
    agency_id = models.BigIntegerField(_("agency"), null=True, blank=True)
    actor_officer_id = models.BigIntegerField(_("acting officer"), null=True, blank=True)

    class Meta:
        verbose_name = _("pending record entry")
        verbose_name_plural = _("pending record entries")
        # No secondary index: the outbox is near-empty in steady state, and every index would be paid for
        # on each insert and each delete in the log's hot path.

    def __str__(self) -> str:
        return f"{self.event_type} #{self.pk}"


class Log(models.Model):
    """One record log and its head: size, root and compact-range frontier.

    The row is the integrator's lock."""

    origin = models.CharField(_("origin"), max_length=255, unique=True)
    hash_algorithm = models.CharField(_("hash algorithm"), max_length=16, choices=HashAlgorithm.choices)
    size = models.BigIntegerField(_("size"), default=0)
    root = models.BinaryField(_("root hash"))
    frontier = models.BinaryField(_("frontier"), default=b"")
    created_at = models.DateTimeField(_("created at"), default=clock.now)

    class Meta:
        verbose_name = _("record log")
        verbose_name_plural = _("record logs")
        constraints = [models.CheckConstraint(condition=models.Q(size__gte=0), name="records_log_size_gte_0")]

    def __str__(self) -> str:
        return self.origin


class Entry(models.Model):
    """An integrated entry: its index in the tree, its canonical body and leaf hash."""

    log = models.ForeignKey(
        Log,
        on_delete=models.PROTECT,
        related_name="entries",
        verbose_name=_("log"),
        db_index=False,  # the unique constraint below starts with log_id and serves every lookup by log
    )
    index = models.BigIntegerField(_("index"))
    body = models.BinaryField(_("canonical entry"))
    leaf_hash = models.BinaryField(_("leaf hash"))
    event_type = models.CharField(_("event type"), max_length=64)
    subject_kind = models.CharField(_("subject kind"), max_length=32)
    subject_id = models.CharField(_("subject id"), max_length=64)
    recorded_at = models.DateTimeField(_("recorded at"))
    integrated_at = models.DateTimeField(_("integrated at"), default=clock.now)
    # Copies of the body's ``agency`` and ``actor.officer`` (plain integers: the log never holds a foreign key
    # that could block or cascade), indexed for the agency timeline. Not hashed; the body is the record.
    agency_id = models.BigIntegerField(_("agency"), null=True, blank=True)
    actor_officer_id = models.BigIntegerField(_("acting officer"), null=True, blank=True)

    class Meta:
        verbose_name = _("record entry")
        verbose_name_plural = _("record entries")
        constraints = [
            models.UniqueConstraint(fields=["log", "index"], name="records_entry_unique_index"),
            models.CheckConstraint(condition=models.Q(index__gte=0), name="records_entry_index_gte_0"),
        ]
        indexes = [
            models.Index(fields=["subject_kind", "subject_id", "index"]),
            models.Index(fields=["agency_id", "index"], name="records_entry_agency_index"),
        ]

    def __str__(self) -> str:
        return f"{self.event_type} @{self.index}"


class Node(models.Model):
    """The hash of a complete subtree: level ≥ 1, covering leaves [index·2^level, (index+1)·2^level)."""

    log = models.ForeignKey(
        Log,
        on_delete=models.PROTECT,
        related_name="nodes",
        verbose_name=_("log"),
        db_index=False,  # the unique constraint below starts with log_id and serves every lookup by log
    )
    level = models.PositiveSmallIntegerField(_("level"))
    index = models.BigIntegerField(_("index"))
    hash = models.BinaryField(_("hash"))

    class Meta:
        verbose_name = _("tree node")
        verbose_name_plural = _("tree nodes")
        constraints = [
            models.UniqueConstraint(fields=["log", "level", "index"], name="records_node_unique_position"),
        ]

    def __str__(self) -> str:
        return f"{self.level}/{self.index}"


class Checkpoint(models.Model):
    """A signed checkpoint (C2SP tlog-checkpoint in a signed note) of the tree at ``size``."""

    log = models.ForeignKey(
        Log,
        on_delete=models.PROTECT,
        related_name="checkpoints",
        verbose_name=_("log"),
        db_index=False,  # the unique constraint below starts with log_id and serves every lookup by log
    )
    size = models.BigIntegerField(_("size"))
    root = models.BinaryField(_("root hash"))
    note = models.TextField(_("signed note"))
    created_at = models.DateTimeField(_("created at"), default=clock.now)

    class Meta:
        verbose_name = _("checkpoint")
        verbose_name_plural = _("checkpoints")
        constraints = [models.UniqueConstraint(fields=["log", "size"], name="records_checkpoint_unique_size")]

    def __str__(self) -> str:
        return f"{self.log_id}@{self.size}"


class Cosignature(models.Model):
    """A witness's cosignature line (c2sp.org/tlog-cosignature) on one of our checkpoints, kept beside the
    checkpoint (whose signed note never changes) and served with it. Never updated or deleted."""

    checkpoint = models.ForeignKey(
        Checkpoint, on_delete=models.PROTECT, related_name="cosignatures", verbose_name=_("checkpoint")
    )
    witness = models.CharField(_("witness"), max_length=255)
    signed_at = models.DateTimeField(_("signed at"))
    line = models.TextField(_("signature line"))
    created_at = models.DateTimeField(_("created at"), default=clock.now)

    class Meta:
        verbose_name = _("cosignature")
        verbose_name_plural = _("cosignatures")
        constraints = [
            models.UniqueConstraint(
                fields=["checkpoint", "witness"], name="records_cosignature_one_per_witness"
            )
        ]

    def __str__(self) -> str:
        return f"{self.witness} on {self.checkpoint}"


class WitnessedLog(models.Model):
    """This deployment acting as a witness of another agency's log: the largest checkpoint it has verified
    and cosigned. Moves forward only, after a consistency proof from the size it held."""

    origin = models.CharField(_("origin"), max_length=255, unique=True)
    size = models.BigIntegerField(_("size"), default=0)
    root = models.BinaryField(_("root hash"), default=b"")
    updated_at = models.DateTimeField(_("updated at"), default=clock.now)

    class Meta:
        verbose_name = _("witnessed log")
        verbose_name_plural = _("witnessed logs")
        constraints = [
            models.CheckConstraint(condition=models.Q(size__gte=0), name="records_witnessedlog_size_gte_0")
        ]

    def __str__(self) -> str:
        return f"{self.origin}@{self.size}"
