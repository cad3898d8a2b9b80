"""The rules a party's identity must satisfy: what each kind of party is identified by, the identifier checks
of the national standards, and no second party with the same identifier in one agency.

``identity_errors`` is pure; ``duplicate_errors`` reads the party table. This module must never write, and
never say anything about parties of other agencies (a refusal names only the registering agency's data).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from sanxiang.cases.enums import IdKind, PartyKind
from sanxiang.cases.models import Party
from sanxiang.core.identifiers import normalise, validate_resident_id, validate_uscc

Errors = dict[str, list[str]]

# GB 32100-2015 §4.2: registration authority 9 (market regulation), organisation type 2 (个体工商户).
INDIVIDUAL_BUSINESS_PREFIX = "92"


def normalise_identifiers(party: Party) -> None:
    """Full-width to half-width, blanks trimmed, upper case, so that the same number is found again."""
    party.name = party.name.strip()
    party.uscc = normalise(party.uscc) if party.uscc else ""
    party.id_number = normalise(party.id_number) if party.id_number else ""


def identity_errors(party: Party) -> Errors:
    """What is wrong with the party's name and identifiers, per field; empty when nothing is."""
    errors: Errors = {}
    if not party.name:
        errors["name"] = [_("Give the party's name.")]
    if party.kind == PartyKind.PERSON:
        errors.update(_person_errors(party))
    else:
        errors.update(_organisation_errors(party))
    return errors


def duplicate_errors(party: Party) -> Errors:
    """A second party with the same credit code or identity document in the same agency is refused."""
    others = Party.objects.filter(agency_id=party.agency_id).exclude(pk=party.pk)
    errors: Errors = {}
    if party.uscc and others.filter(uscc=party.uscc).exists():
        errors["uscc"] = [_("This agency has already registered a party with this credit code.")]
    if party.id_number and others.filter(id_kind=party.id_kind, id_number=party.id_number).exists():
        errors["id_number"] = [_("This agency has already registered a party with this identity document.")]
    return errors


def _person_errors(party: Party) -> Errors:
    errors: Errors = {}
    if party.uscc:
        errors["uscc"] = [
            _("A natural person has no credit code; register an individual business or an organisation.")
        ]
    if party.id_kind not in IdKind.values:
        errors["id_kind"] = [_("Choose the kind of identity document.")]
    elif not party.id_number:
        errors["id_number"] = [_("Give the number of the person's identity document.")]
    elif party.id_kind == IdKind.RESIDENT_ID:
        try:
            party.id_number = validate_resident_id(party.id_number)
        except ValidationError as error:
            errors["id_number"] = list(error.messages)
    return errors


def _organisation_errors(party: Party) -> Errors:
    errors: Errors = {}
    if party.id_kind or party.id_number:
        errors["id_number"] = [
            _("An organisation is identified by its credit code, not by an identity document.")
        ]
    if not party.representative_name:
        errors["representative_name"] = [
            _("Give the operator of the individual business.")
            if party.kind == PartyKind.INDIVIDUAL_BUSINESS
            else _("Give the legal representative.")
        ]
    if not party.uscc:
        errors["uscc"] = [_("Give the unified social credit code.")]
        return errors
    try:
        party.uscc = validate_uscc(party.uscc)
    except ValidationError as error:
        errors["uscc"] = list(error.messages)
        return errors
    kind_error = _uscc_kind_error(party)
    if kind_error:
        errors["uscc"] = [kind_error]
    return errors


def _uscc_kind_error(party: Party) -> str:
    """GB 32100-2015 §4.2: the code's first two characters say whether it is an individual business's."""
    is_individual_code = party.uscc.startswith(INDIVIDUAL_BUSINESS_PREFIX)
    if party.kind == PartyKind.INDIVIDUAL_BUSINESS and not is_individual_code:
        return _("The credit code of an individual business begins with 92.")
    if party.kind == PartyKind.ORGANIZATION and is_individual_code:
        return _("A credit code beginning with 92 belongs to an individual business; register it as one.")
    return ""
