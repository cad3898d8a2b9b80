"""Every write to parties (当事人): registration, changes of facts, consent to electronic service.

Each ``check_*`` validates (raising InvalidInput or RuleViolation, writing nothing), writes in one
transaction and records its event in it, with personal data as digests. Callers have already passed a
permission chokepoint (``cases.selectors.access_party_by_id`` or ``can_register_party``). This module must
never put a name, identity number, phone or address into the record log as text.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from sanxiang.cases import events
from sanxiang.cases.digests import digest, is_digest
from sanxiang.cases.enums import IdKind, PartyKind
from sanxiang.cases.lock_objects import lock_party
from sanxiang.cases.models import Party
from sanxiang.cases.party_rules import duplicate_errors, identity_errors, normalise_identifiers
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput
from sanxiang.core.validation import validated
from sanxiang.organizations.models import Agency
from sanxiang.records import writer

# Facts an officer may change after registration. The kind is fixed (register a new party instead); consent
# to electronic service changes only through check_record_service_consent, which needs the signed 确认书.
UPDATABLE_FIELDS = frozenset(
    {
        "name",
        "id_kind",
        "id_number",
        "uscc",
        "representative_name",
        "representative_post",
        "phone",
        "address",
        "service_address",
    }
)
# Fields logged as text: they say nothing about a person. Every other field goes in as a digest.
PLAIN_FIELDS = frozenset({"id_kind", "representative_post"})


@transaction.atomic
def check_register_party(
    *,
    actor: writer.Actor,
    agency: Agency,
    kind: PartyKind,
    name: str,
    id_kind: str = "",
    id_number: str = "",
    uscc: str = "",
    representative_name: str = "",
    representative_post: str = "",
    phone: str = "",
    address: str = "",
    service_address: str = "",
) -> Party:
    """Register a party with the agency. Refuses bad identifiers and a second party with the same credit code
    or identity document in the same agency."""
    party = Party(
        agency=agency,
        kind=kind,
        name=name.strip(),
        id_kind=id_kind or (IdKind.RESIDENT_ID if kind == PartyKind.PERSON else ""),
        id_number=id_number,
        uscc=uscc,
        representative_name=representative_name.strip(),
        representative_post=representative_post.strip(),
        phone=phone.strip(),
        address=address.strip(),
        service_address=service_address.strip(),
    )
    _validate(party)
    _save_unique(party)
    writer.append(
        events.PARTY_REGISTERED.code,
        agency_id=agency.pk,
        actor=actor,
        subject=_subject(party),
        data=_identity_data(party),
    )
    return party


@transaction.atomic
def check_update_party(*, actor: writer.Actor, party: Party, changes: dict[str, Any]) -> Party:
    """Change a party's facts; identifiers are validated again and duplicates refused."""
    unknown = set(changes) - UPDATABLE_FIELDS
    if unknown:
        raise InvalidInput(
            _("These fields cannot be changed here: %(fields)s") % {"fields": ", ".join(sorted(unknown))}
        )
    party = lock_party(party.pk)
    before = {field: getattr(party, field) for field in changes}
    for field, value in changes.items():
        setattr(party, field, value.strip() if isinstance(value, str) else value)
    _validate(party)
    changed = sorted(field for field in changes if getattr(party, field) != before[field])
    if not changed:
        return party
    party.updated_at = clock.now()
    _save_unique(party)
    writer.append(
        events.PARTY_UPDATED.code,
        agency_id=party.agency_id,
        actor=actor,
        subject=_subject(party),
        data={"fields": {field: _logged(field, getattr(party, field)) for field in changed}},
    )
    return party


@transaction.atomic
def check_record_service_consent(
    *,
    actor: writer.Actor,
    party: Party,
    consent: bool,
    electronic_address: str = "",
    signed_on: dt.date | None = None,
    document_digest: str = "",
) -> Party:
    """Put on file the party's consent to electronic service, or its withdrawal.

    Electronic service (fax, e-mail and the like) needs the party's consent and a signed confirmation
    (确认书): 行政处罚法 第61条 第2款. Consent therefore needs the electronic address, the date the
    confirmation was signed and the digest of the signed confirmation document.
    """
    party = lock_party(party.pk)
    if not consent and not party.electronic_service_consent:
        return party  # nothing on file to withdraw; nothing to record
    if consent:
        _require_consent_on_file(electronic_address.strip(), signed_on, document_digest)
        party.electronic_address = electronic_address.strip()
        party.consent_signed_on = signed_on
        party.consent_document_digest = document_digest
    else:
        party.electronic_address, party.consent_signed_on, party.consent_document_digest = "", None, ""
    party.electronic_service_consent = consent
    party.updated_at = clock.now()
    _validate(party)
    party.save()
    data: dict[str, Any] = {"consent": consent}
    if consent and signed_on is not None:
        data["address_digest"] = digest(party.electronic_address)
        data["signed_on"] = signed_on.isoformat()
        data["document_digest"] = document_digest
    writer.append(
        events.PARTY_SERVICE_CONSENT_RECORDED.code,
        agency_id=party.agency_id,
        actor=actor,
        subject=_subject(party),
        data=data,
    )
    return party


def _require_consent_on_file(address: str, signed_on: dt.date | None, document_digest: str) -> None:
    """行政处罚法 第61条 第2款: no electronic service without a signed confirmation on file."""
    errors: dict[str, list[str]] = {}
    if not address:
        errors["electronic_address"] = [_("Give the electronic address the party agreed to.")]
    if signed_on is None:
        errors["consent_signed_on"] = [_("Give the date the confirmation was signed.")]
    elif signed_on > clock.today():
        errors["consent_signed_on"] = [_("The confirmation cannot be signed in the future.")]
    if not is_digest(document_digest):
        errors["consent_document_digest"] = [_("Attach the signed confirmation (its digest is missing).")]
    if errors:
        raise InvalidInput(
            _(
                "Electronic service needs the party's consent and a signed confirmation on file "
                "(Administrative Penalty Law, Article 61, paragraph 2)."
            ),
            errors,
        )


def _validate(party: Party) -> None:
    """Normalise identifiers, then check them, the kind's rules, duplicates and the fields (full_clean)."""
    normalise_identifiers(party)
    errors = identity_errors(party) or duplicate_errors(party)
    if errors:
        raise InvalidInput(_("Please correct the errors below."), errors)
    validated(party)


def _save_unique(party: Party) -> None:
    """Save; a concurrent registration of the same identifier loses on the unique constraint."""
    try:
        with transaction.atomic():
            party.save()
    except IntegrityError as error:
        raise InvalidInput(
            _("This agency has already registered a party with this identifier."),
            {"__all__": [_("This agency has already registered a party with this identifier.")]},
        ) from error


def _logged(field: str, value: Any) -> str:
    return str(value) if field in PLAIN_FIELDS else digest(str(value))


def _subject(party: Party) -> writer.Subject:
    return writer.Subject("party", str(party.pk))


def _identity_data(party: Party) -> dict[str, Any]:
    """Who the party is, for the log: an organisation's name and credit code in clear (public registry
    facts); a natural person's or an individual business's only as digests (个人信息保护法 第4条)."""
    data: dict[str, Any] = {"kind": str(party.kind)}
    if party.kind == PartyKind.ORGANIZATION:
        data["name"] = party.name
        data["uscc"] = party.uscc
        return data
    data["name_digest"] = digest(party.name)
    if party.uscc:
        data["uscc_digest"] = digest(party.uscc)
    if party.id_number:
        data["id_kind"] = str(party.id_kind)
        data["id_digest"] = digest(party.id_number)
    return data
