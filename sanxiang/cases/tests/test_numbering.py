"""Numbering: per agency, per document code and per year, sequential from 1 without gaps, in the agency's
pattern (SHANXI.md §4.1); a rolled-back allocation gives its number to the next issuer."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest
from django.db import transaction
from django.utils import translation

from conftest import World
from sanxiang.cases import numbering
from sanxiang.cases.models import AllocatedNumber, NumberCounter
from sanxiang.cases.tests.conftest import Snapshot
from sanxiang.core import clock
from sanxiang.core.errors import ConfigurationError, InvalidInput
from sanxiang.organizations.models import Agency
from sanxiang.records.models import PendingEntry
from sanxiang.records.writer import SYSTEM, Subject

Counts = Callable[[], Snapshot]
NOW = dt.datetime(2026, 5, 6, 2, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _frozen() -> object:
    with clock.frozen_now(NOW):
        yield None


def allocate(agency: Agency, code: str = "罚决", year: int = 2026, subject: str = "1") -> str:
    return numbering.allocate_number(
        agency=agency, code=code, year=year, actor=SYSTEM, subject=Subject("case", subject)
    ).text


def test_numbers_run_from_one_in_the_default_pattern(world: World) -> None:
    assert [allocate(world.taiyuan) for _ in range(3)] == [
        "晋人防罚决字〔2026〕1号",
        "晋人防罚决字〔2026〕2号",
        "晋人防罚决字〔2026〕3号",
    ]


def test_each_agency_code_and_year_has_its_own_sequence(world: World) -> None:
    allocate(world.taiyuan)
    allocate(world.taiyuan)
    assert allocate(world.datong) == "晋人防罚决字〔2026〕1号"
    assert allocate(world.taiyuan, "罚先告") == "晋人防罚先告字〔2026〕1号"
    assert allocate(world.taiyuan, year=2025) == "晋人防罚决字〔2025〕1号"
    assert allocate(world.taiyuan) == "晋人防罚决字〔2026〕3号"


def test_a_new_year_restarts_at_one(world: World) -> None:
    for _ in range(4):
        allocate(world.taiyuan, year=2026)
    with clock.frozen_now(dt.datetime(2027, 1, 1, 1, 0, tzinfo=dt.UTC)):
        assert allocate(world.taiyuan, year=2027) == "晋人防罚决字〔2027〕1号"


def test_an_allocation_is_stored_and_recorded(world: World) -> None:
    allocated = numbering.allocate_number(
        agency=world.taiyuan, code="责改", year=2026, actor=SYSTEM, subject=Subject("document", "9")
    )
    stored = AllocatedNumber.objects.get(pk=allocated.pk)
    assert (stored.sequence, stored.subject_kind, stored.subject_id) == (1, "document", "9")
    entry = PendingEntry.objects.filter(event_type="number.allocated").order_by("-pk").first()
    assert entry is not None
    body = json.loads(bytes(entry.body))
    assert body["subject"] == {"kind": "document", "id": "9"}
    assert body["data"] == {"code": "责改", "year": 2026, "sequence": 1, "number": "晋人防责改字〔2026〕1号"}


def test_a_rolled_back_allocation_leaves_no_gap(world: World) -> None:
    allocate(world.taiyuan)

    @transaction.atomic
    def issue_and_fail() -> None:
        assert allocate(world.taiyuan) == "晋人防罚决字〔2026〕2号"
        raise RuntimeError("the document failed a later check")

    with pytest.raises(RuntimeError):
        issue_and_fail()
    assert allocate(world.taiyuan) == "晋人防罚决字〔2026〕2号"
    assert list(AllocatedNumber.objects.values_list("sequence", flat=True)) == [1, 2]


def test_preview_shows_the_next_number_without_taking_it(world: World, counts: Counts) -> None:
    assert numbering.preview_number(agency=world.taiyuan, code="罚立", year=2026) == "晋人防罚立字〔2026〕1号"
    allocate(world.taiyuan, "罚立")
    before = counts()
    assert numbering.preview_number(agency=world.taiyuan, code="罚立", year=2026) == "晋人防罚立字〔2026〕2号"
    assert numbering.preview_number(agency=world.taiyuan, code="罚立", year=2026) == "晋人防罚立字〔2026〕2号"
    assert counts() == before
    assert allocate(world.taiyuan, "罚立") == "晋人防罚立字〔2026〕2号"


def test_an_agency_writes_numbers_in_its_own_pattern(world: World) -> None:
    """柳人防罚决字[2020]第1号 and 辽国动办罚决字〔2024〕2号 are real patterns (SHANXI.md §4.1)."""
    numbering.check_set_number_pattern(
        actor=SYSTEM, agency=world.datong, pattern="{prefix}{code}字[{year}]第{number}号"
    )
    numbering.check_set_number_pattern(
        actor=SYSTEM, agency=world.datong, code="罚立", pattern="{prefix}立〔{year}〕{number:03d}号"
    )
    assert allocate(world.datong) == "晋人防罚决字[2026]第1号"
    assert allocate(world.datong, "罚立") == "晋人防立〔2026〕001号"
    assert allocate(world.taiyuan) == "晋人防罚决字〔2026〕1号"
    assert PendingEntry.objects.filter(event_type="number_pattern.set").count() == 2


def test_changing_a_pattern_replaces_it(world: World) -> None:
    numbering.check_set_number_pattern(
        actor=SYSTEM, agency=world.datong, pattern="{prefix}{code}〔{year}〕{number}号"
    )
    numbering.check_set_number_pattern(
        actor=SYSTEM, agency=world.datong, pattern="{prefix}{code}字〔{year}〕第{number}号"
    )
    assert (
        numbering.preview_number(agency=world.datong, code="催告", year=2026) == "晋人防催告字〔2026〕第1号"
    )


@pytest.mark.parametrize(
    ("pattern", "code", "fragment"),
    [
        ("{prefix}{code}〔{year}〕号", "", "{number}"),
        ("{prefix}〔{year}〕{number}号", "", "{code}"),
        ("{prefix}{code}〔{year}〕{number}号{agency}", "", "agency"),
        ("{prefix}{code}〔{year}〕{number号", "", "brace"),
        ("{prefix}{code}〔{year}〕{number:x<>3}号", "", "format"),
    ],
)
def test_a_bad_pattern_is_refused_and_nothing_written(
    world: World, counts: Counts, pattern: str, code: str, fragment: str
) -> None:
    before = counts()
    with translation.override("en"), pytest.raises(InvalidInput) as error:
        numbering.check_set_number_pattern(actor=SYSTEM, agency=world.taiyuan, code=code, pattern=pattern)
    assert fragment in " ".join(error.value.errors["pattern"])
    assert counts() == before


@pytest.mark.parametrize(
    ("code", "year"),
    [("", 2026), ("罚 决", 2026), ("罚决〔", 2026), ("字" * 17, 2026), ("罚决", 1999), ("罚决", 2028)],
)
def test_a_bad_code_or_year_is_refused_and_nothing_written(
    world: World, counts: Counts, code: str, year: int
) -> None:
    before = counts()
    with pytest.raises(InvalidInput):
        allocate(world.taiyuan, code, year)
    assert counts() == before
    assert not NumberCounter.objects.exists()


def test_two_codes_written_alike_are_refused_rather_than_numbered_twice(world: World, counts: Counts) -> None:
    for code in ("罚决", "罚先告"):
        numbering.check_set_number_pattern(
            actor=SYSTEM, agency=world.taiyuan, code=code, pattern="{prefix}〔{year}〕{number}号"
        )
    allocate(world.taiyuan, "罚决")
    before = counts()
    with pytest.raises(ConfigurationError):
        allocate(world.taiyuan, "罚先告")
    assert counts() == before
