"""Parties (当事人) and the numbering of cases and documents (案号 / 文号).

Rows change only through ``cases.actions`` and ``cases.numbering`` (each change writes its record). The
database holds the invariants it can express: one party per credit code and per identity document within an
agency, a consent to electronic service only with its address, date and signed confirmation, one counter per
(agency, code, year) and one allocation per number. Domain rules never live in ``save()``.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.enums import IdKind, PartyKind
from sanxiang.core.models import TimestampedModel
from sanxiang.organizations.models import Agency

DEFAULT_PATTERN = "{prefix}{code}字〔{year}〕{number}号"
MASK_KEEP = 4  # characters shown at each end of a masked identity number


class Party(TimestampedModel):
    """A party (当事人) registered by an agency: a natural person, an organisation or an individual business.

    Personal data stays in this table; the record log receives digests of it."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("registering agency"), on_delete=models.PROTECT, related_name="parties"
    )
    kind = models.CharField(_("kind of party"), max_length=32, choices=PartyKind.choices)
    name = models.CharField(_("name"), max_length=128)
    id_kind = models.CharField(_("identity document"), max_length=32, choices=IdKind.choices, blank=True)
    id_number = models.CharField(_("identity document number"), max_length=32, blank=True)
    uscc = models.CharField(_("unified social credit code"), max_length=18, blank=True)
    representative_name = models.CharField(_("legal representative or operator"), max_length=64, blank=True)
    representative_post = models.CharField(_("post of the representative"), max_length=64, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    service_address = models.CharField(_("address for service"), max_length=255, blank=True)
    electronic_service_consent = models.BooleanField(_("consents to electronic service"), default=False)
    electronic_address = models.CharField(_("electronic address for service"), max_length=255, blank=True)
    consent_signed_on = models.DateField(_("confirmation signed on"), null=True, blank=True)
    consent_document_digest = models.CharField(
        _("digest of the signed confirmation"), max_length=80, blank=True
    )

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["agency_id", "name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "uscc"],
                condition=~Q(uscc=""),
                name="party_unique_uscc_per_agency",
                violation_error_message=_(
                    "This agency has already registered a party with this credit code."
                ),
            ),
            models.UniqueConstraint(
                fields=["agency", "id_kind", "id_number"],
                condition=~Q(id_number=""),
                name="party_unique_id_per_agency",
                violation_error_message=_(
                    "This agency has already registered a party with this identity document."
                ),
            ),
            models.CheckConstraint(
                condition=Q(kind=PartyKind.PERSON, uscc="")
                | (~Q(kind=PartyKind.PERSON) & ~Q(uscc="") & Q(id_number="", id_kind="")),
                name="party_identifier_fits_kind",
                violation_error_message=_("The identifiers do not fit the kind of party."),
            ),
            models.CheckConstraint(
                condition=Q(electronic_service_consent=False)
                | (
                    ~Q(electronic_address="")
                    & Q(consent_signed_on__isnull=False)
                    & ~Q(consent_document_digest="")
                ),
                name="party_consent_on_file",
                violation_error_message=_(
                    "Consent to electronic service needs the electronic address, the date signed and the "
                    "signed confirmation."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_person(self) -> bool:
        return self.kind == PartyKind.PERSON

    @property
    def masked_identifier(self) -> str:
        """The identifier for lists: an organisation's credit code (public) in full, a person's or an
        individual business's with only its first and last four characters shown."""
        if self.kind == PartyKind.ORGANIZATION:
            return self.uscc
        value = self.id_number or self.uscc
        if len(value) <= MASK_KEEP * 2:
            return "*" * len(value)
        return value[:MASK_KEEP] + "*" * (len(value) - MASK_KEEP * 2) + value[-MASK_KEEP:]


class NumberPattern(TimestampedModel):
    """How an agency writes its numbers. ``code`` blank is the agency's pattern for every code; a row with a
    code overrides it for that code. Placeholders: {prefix} (Agency.document_prefix), {code}, {year},
    {number} (which may carry a format such as {number:03d})."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="number_patterns"
    )
    code = models.CharField(_("document code"), max_length=16, blank=True)
    pattern = models.CharField(_("pattern"), max_length=128, default=DEFAULT_PATTERN)

    class Meta:
        verbose_name = _("number pattern")
        verbose_name_plural = _("number patterns")
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="number_pattern_unique_per_code"),
        ]

    def __str__(self) -> str:
        return self.pattern


class NumberCounter(models.Model):
    """The last number given for (agency, code, year). The row is the lock that serialises issuers: it is
    read with SELECT … FOR UPDATE, so numbers never come from a database sequence (sequences leave gaps)."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="number_counters"
    )
    code = models.CharField(_("document code"), max_length=16)
    year = models.PositiveSmallIntegerField(_("year"))
    last = models.PositiveIntegerField(_("last number given"), default=0)

    class Meta:
        verbose_name = _("number counter")
        verbose_name_plural = _("number counters")
        constraints = [
            models.UniqueConstraint(fields=["agency", "code", "year"], name="number_counter_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.year}: {self.last}"


class AllocatedNumber(models.Model):
    """A number given out, with what it was given to. Immutable once written."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="allocated_numbers"
    )
    code = models.CharField(_("document code"), max_length=16)
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("sequence number"))
    text = models.CharField(_("number"), max_length=160)
    subject_kind = models.CharField(_("subject kind"), max_length=32)
    subject_id = models.CharField(_("subject id"), max_length=64)
    allocated_at = models.DateTimeField(_("allocated at"))

    class Meta:
        verbose_name = _("allocated number")
        verbose_name_plural = _("allocated numbers")
        ordering = ["agency_id", "code", "year", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "code", "year", "sequence"], name="allocated_number_unique_sequence"
            ),
            models.UniqueConstraint(fields=["agency", "text"], name="allocated_number_unique_text"),
            models.CheckConstraint(condition=Q(sequence__gte=1), name="allocated_number_positive"),
        ]

    def __str__(self) -> str:
        return self.text
