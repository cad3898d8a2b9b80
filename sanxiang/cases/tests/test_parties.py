"""Party actions: registration, changes and consent to electronic service record their events with personal
data as digests; bad input raises a clear error and writes nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import translation

from conftest import World
from sanxiang.cases import actions
from sanxiang.cases.enums import IdKind, PartyKind
from sanxiang.cases.models import Party
from sanxiang.cases.tests import factories
from sanxiang.cases.tests.conftest import Snapshot
from sanxiang.core.errors import InvalidInput
from sanxiang.records.models import PendingEntry
from sanxiang.records.personal import personal_digest
from sanxiang.records.writer import SYSTEM

Counts = Callable[[], Snapshot]
DOCUMENT_DIGEST = "sha256:" + "ab" * 32


def last_entry(event_type: str) -> dict[str, Any]:
    entry = PendingEntry.objects.filter(event_type=event_type).order_by("-pk").first()
    assert entry is not None
    body: dict[str, Any] = json.loads(bytes(entry.body))
    return body


def keyed_digest(text: str) -> str:
    """The keyed digest the log holds for a personal value, which is never the plain hash of it."""
    keyed = personal_digest(text)
    assert keyed != "sha256:" + hashlib.sha256(text.encode()).hexdigest()
    return keyed


def test_registering_a_person_records_digests_not_personal_data(world: World) -> None:
    party = factories.make_person(world.taiyuan, "赵六", id_number=" 11010519491231002x ")
    assert party.id_number == factories.PERSON_ID
    assert party.id_kind == IdKind.RESIDENT_ID
    entry = last_entry("party.registered")
    assert entry["agency"] == world.taiyuan.pk
    assert entry["subject"] == {"kind": "party", "id": str(party.pk)}
    assert entry["data"] == {
        "kind": "person",
        "name_digest": keyed_digest("赵六"),
        "id_kind": "resident_id",
        "id_digest": keyed_digest(factories.PERSON_ID),
    }
    text = json.dumps(entry, ensure_ascii=False)
    for personal in ("赵六", factories.PERSON_ID, "13800000000", "某街"):
        assert personal not in text


def test_registering_an_organisation_records_its_public_registry_facts(world: World) -> None:
    party = factories.make_company(world.taiyuan)
    assert party.representative_name == "钱七"
    entry = last_entry("party.registered")
    assert entry["data"] == {
        "kind": "organization",
        "name": "山西某建设有限公司",
        "uscc": factories.COMPANY_USCC,
    }


def test_an_individual_business_is_registered_with_its_operator_and_code_as_digest(world: World) -> None:
    actions.check_register_party(
        actor=SYSTEM,
        agency=world.taiyuan,
        kind=PartyKind.INDIVIDUAL_BUSINESS,
        name="小店区某某五金店",
        uscc=factories.SHOP_USCC,
        representative_name="孙八",
        representative_post="经营者",
    )
    data = last_entry("party.registered")["data"]
    assert data == {
        "kind": "individual_business",
        "name_digest": keyed_digest("小店区某某五金店"),
        "uscc_digest": keyed_digest(factories.SHOP_USCC),
    }


def test_a_person_with_a_passport_is_registered_without_resident_id_checks(world: World) -> None:
    party = factories.make_person(world.taiyuan, "John Smith", id_kind=IdKind.PASSPORT, id_number="e1234567")
    assert (party.id_kind, party.id_number) == (IdKind.PASSPORT, "E1234567")


@pytest.mark.parametrize(
    ("make", "facts", "expected"),
    [
        ("person", {"name": "  "}, ("name", "name")),
        ("person", {"id_number": "110105194912310021"}, ("id_number", "check character")),
        ("person", {"id_number": "110105194902300028"}, ("id_number", "birth date")),
        ("person", {"id_number": "110105194912310"}, ("id_number", "15-digit")),
        ("person", {"id_number": ""}, ("id_number", "number")),
        ("person", {"uscc": factories.COMPANY_USCC}, ("uscc", "natural person")),
        ("company", {"uscc": "91350100M000100Y44"}, ("uscc", "check character")),
        ("company", {"uscc": ""}, ("uscc", "credit code")),
        ("company", {"uscc": factories.SHOP_USCC}, ("uscc", "individual business")),
        ("company", {"representative_name": ""}, ("representative_name", "legal representative")),
        ("company", {"name": ""}, ("name", "name")),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_written(
    world: World, counts: Counts, make: str, facts: dict[str, str], expected: tuple[str, str]
) -> None:
    field, fragment = expected
    before = counts()
    maker = factories.make_person if make == "person" else factories.make_company
    with translation.override("en"), pytest.raises(InvalidInput) as error:
        maker(world.taiyuan, **facts)
    assert fragment in " ".join(error.value.errors[field])
    assert counts() == before


def test_an_error_message_is_translated(world: World) -> None:
    with pytest.raises(InvalidInput) as error:
        factories.make_company(world.taiyuan, representative_name="")
    assert error.value.errors["representative_name"] == ["请填写法定代表人。"]


def test_a_second_party_with_the_same_credit_code_in_one_agency_is_refused(
    world: World, counts: Counts
) -> None:
    factories.make_company(world.taiyuan)
    before = counts()
    with pytest.raises(InvalidInput) as error:
        factories.make_company(world.taiyuan, "同一公司另一名称", uscc=factories.COMPANY_USCC.lower())
    assert "uscc" in error.value.errors
    assert counts() == before


def test_a_second_party_with_the_same_identity_number_in_one_agency_is_refused(
    world: World, counts: Counts
) -> None:
    factories.make_person(world.taiyuan)
    before = counts()
    with pytest.raises(InvalidInput) as error:
        factories.make_person(world.taiyuan, "赵六六")
    assert "id_number" in error.value.errors
    assert counts() == before


def test_another_agency_may_register_the_same_party(world: World) -> None:
    factories.make_company(world.taiyuan)
    factories.make_person(world.taiyuan)
    factories.make_company(world.datong)
    factories.make_person(world.datong)
    assert Party.objects.count() == 4


def test_updating_a_party_records_digests_of_the_changed_fields(world: World) -> None:
    party = factories.make_person(world.taiyuan)
    party = actions.check_update_party(
        actor=SYSTEM,
        party=party,
        changes={"phone": "13900000000", "service_address": "太原市杏花岭区某巷3号"},
    )
    assert Party.objects.get(pk=party.pk).phone == "13900000000"
    assert last_entry("party.updated")["data"] == {
        "fields": {
            "phone": keyed_digest("13900000000"),
            "service_address": keyed_digest("太原市杏花岭区某巷3号"),
        }
    }


def test_an_update_that_changes_nothing_records_nothing(world: World, counts: Counts) -> None:
    party = factories.make_person(world.taiyuan)
    before = counts()
    actions.check_update_party(actor=SYSTEM, party=party, changes={"phone": "13800000000"})
    assert counts() == before


@pytest.mark.parametrize(
    "changes",
    [
        {"id_number": "110105194912310021"},
        {"name": ""},
        {"kind": PartyKind.ORGANIZATION},
        {"electronic_service_consent": True},
        {"id_number": factories.OTHER_PERSON_ID, "agency": None},
    ],
)
def test_a_bad_update_is_refused_and_nothing_written(
    world: World, counts: Counts, changes: dict[str, Any]
) -> None:
    party = factories.make_person(world.taiyuan)
    before = counts()
    with pytest.raises(InvalidInput):
        actions.check_update_party(actor=SYSTEM, party=party, changes=changes)
    assert counts() == before
    assert Party.objects.get(pk=party.pk).id_number == factories.PERSON_ID


def test_an_update_to_another_partys_identity_number_is_refused(world: World, counts: Counts) -> None:
    factories.make_person(world.taiyuan, "甲", id_number=factories.OTHER_PERSON_ID)
    party = factories.make_person(world.taiyuan, "乙")
    before = counts()
    with pytest.raises(InvalidInput) as error:
        actions.check_update_party(
            actor=SYSTEM, party=party, changes={"id_number": factories.OTHER_PERSON_ID}
        )
    assert "id_number" in error.value.errors
    assert counts() == before


def test_consent_to_electronic_service_is_put_on_file_with_its_confirmation(world: World) -> None:
    """行政处罚法 第61条 第2款: electronic service with the party's consent and a signed 确认书."""
    party = factories.make_company(world.taiyuan)
    party = actions.check_record_service_consent(
        actor=SYSTEM,
        party=party,
        consent=True,
        electronic_address="legal@example.com",
        signed_on=dt.date(2026, 3, 2),
        document_digest=DOCUMENT_DIGEST,
    )
    stored = Party.objects.get(pk=party.pk)
    assert stored.electronic_service_consent
    assert (stored.consent_signed_on, stored.consent_document_digest) == (
        dt.date(2026, 3, 2),
        DOCUMENT_DIGEST,
    )
    assert last_entry("party.service_consent_recorded")["data"] == {
        "consent": True,
        "address_digest": keyed_digest("legal@example.com"),
        "signed_on": "2026-03-02",
        "document_digest": DOCUMENT_DIGEST,
    }


def test_withdrawn_consent_clears_the_electronic_address(world: World) -> None:
    party = factories.make_company(world.taiyuan)
    actions.check_record_service_consent(
        actor=SYSTEM,
        party=party,
        consent=True,
        electronic_address="legal@example.com",
        signed_on=dt.date(2026, 3, 2),
        document_digest=DOCUMENT_DIGEST,
    )
    actions.check_record_service_consent(actor=SYSTEM, party=party, consent=False)
    stored = Party.objects.get(pk=party.pk)
    assert not stored.electronic_service_consent
    assert (stored.electronic_address, stored.consent_signed_on) == ("", None)
    assert last_entry("party.service_consent_recorded")["data"] == {"consent": False}


@pytest.mark.parametrize(
    ("facts", "field"),
    [
        ({"electronic_address": ""}, "electronic_address"),
        ({"signed_on": None}, "consent_signed_on"),
        ({"signed_on": dt.date(2099, 1, 1)}, "consent_signed_on"),
        ({"document_digest": ""}, "consent_document_digest"),
        ({"document_digest": "not a digest"}, "consent_document_digest"),
    ],
)
def test_electronic_service_without_a_signed_confirmation_is_refused_article_61(
    world: World, counts: Counts, facts: dict[str, Any], field: str
) -> None:
    """行政处罚法 第61条 第2款: no consent on file without address, date signed and the signed 确认书."""
    party = factories.make_company(world.taiyuan)
    before = counts()
    arguments: dict[str, Any] = {
        "electronic_address": "legal@example.com",
        "signed_on": dt.date(2026, 3, 2),
        "document_digest": DOCUMENT_DIGEST,
        **facts,
    }
    with pytest.raises(InvalidInput) as error:
        actions.check_record_service_consent(actor=SYSTEM, party=party, consent=True, **arguments)
    assert field in error.value.errors
    assert "第六十一条第二款" in error.value.message
    assert counts() == before
    assert not Party.objects.get(pk=party.pk).electronic_service_consent


def test_withdrawing_consent_never_given_records_nothing(world: World, counts: Counts) -> None:
    party = factories.make_company(world.taiyuan)
    before = counts()
    actions.check_record_service_consent(actor=SYSTEM, party=party, consent=False)
    assert counts() == before


@pytest.mark.parametrize(
    ("kind", "uscc"),
    [(PartyKind.INDIVIDUAL_BUSINESS, factories.COMPANY_USCC), (PartyKind.ORGANIZATION, factories.SHOP_USCC)],
)
def test_credit_code_and_kind_of_party_must_agree_gb_32100_section_4_2(
    world: World, counts: Counts, kind: PartyKind, uscc: str
) -> None:
    """GB 32100-2015 §4.2: a code beginning with 92 (市场监管, 个体工商户) is an individual business's."""
    before = counts()
    with pytest.raises(InvalidInput) as error:
        actions.check_register_party(
            actor=SYSTEM, agency=world.taiyuan, kind=kind, name="某某", uscc=uscc, representative_name="孙八"
        )
    assert "92" in " ".join(error.value.errors["uscc"])
    assert counts() == before
