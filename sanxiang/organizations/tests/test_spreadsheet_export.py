"""Officer register export: only the officers a user may see, in the import layout, re-importable
unchanged."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from typing import Any

import openpyxl
import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation
from pytest_django import DjangoAssertNumQueries

from conftest import World
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput
from sanxiang.organizations import actions, spreadsheet
from sanxiang.organizations.enums import CertificateStatus, DepartmentKind
from sanxiang.organizations.models import Certificate, Officer
from sanxiang.organizations.spreadsheet import COLUMNS
from sanxiang.organizations.tests import factories
from sanxiang.records import writer
from sanxiang.records.models import PendingEntry

TODAY = dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with clock.frozen_now(TODAY), translation.override("en"):
        yield


def read_rows(data: bytes) -> list[dict[str, Any]]:
    sheet = openpyxl.load_workbook(io.BytesIO(data))[spreadsheet.SHEET_TITLE]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == [column.header for column in COLUMNS]
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def names(data: bytes) -> set[str]:
    return {row["姓名"] for row in read_rows(data)}


@pytest.fixture
def county_officer(world: World) -> Officer:
    """小店区's officer: a department, a legal qualification, and a renewed certificate now suspended."""
    department = factories.make_department(world.xiaodian, "法制科", DepartmentKind.LEGAL)
    officer = actions.check_create_officer(
        actor=writer.SYSTEM, agency=world.xiaodian, name="周九", post="科长", department=department,
        legal_qualification_number="A20201401000007",
    )  # fmt: skip
    factories.make_certificate(officer, valid_from=dt.date(2019, 1, 1), valid_to=dt.date(2023, 12, 31))
    current = factories.make_certificate(officer)
    actions.check_change_certificate_status(
        actor=writer.SYSTEM, certificate=current, status=CertificateStatus.SUSPENDED,
        effective=dt.date(2026, 2, 1), reason="调查期间暂扣",
    )  # fmt: skip
    return officer


def test_export_writes_one_row_per_certificate_in_the_layout(world: World, county_officer: Officer) -> None:
    rows = [row for row in read_rows(spreadsheet.export_officers(world.admin_user)) if row["姓名"] == "周九"]
    old, current = rows
    assert old["执法机关"] == "小店区人民防空办公室"
    assert old["内设机构"] == "法制科"
    assert old["法律职业资格证书编号"] == "A20201401000007"
    assert (old["有效期起"].date(), old["有效期止"].date()) == (dt.date(2019, 1, 1), dt.date(2023, 12, 31))
    assert old["证件状态"] == "有效"  # expiry follows from the dates; it is not a stored status
    assert current["证件状态"] == "暂扣"
    assert isinstance(current["执法证号"], str)


def test_export_round_trip_reimports_without_changes(world: World, county_officer: Officer) -> None:
    data = spreadsheet.export_officers(world.admin_user)
    before = (Officer.objects.count(), Certificate.objects.count(), PendingEntry.objects.count())

    result = spreadsheet.check_import_officers(
        actor=writer.Actor(user_id=world.admin_user.pk), user=world.admin_user, workbook_bytes=data
    )

    assert (result.rows, result.created, result.updated, result.unchanged) == (4, 0, 0, 3)
    assert (Officer.objects.count(), Certificate.objects.count()) == before[:2]
    assert PendingEntry.objects.count() == before[2] + 1  # only the officers.imported record
    assert PendingEntry.objects.latest("pk").event_type == "officers.imported"


def test_administrator_exports_the_city_and_its_counties(world: World, county_officer: Officer) -> None:
    assert names(spreadsheet.export_officers(world.admin_user)) == {"张三", "李四", "周九"}


def test_officer_exports_their_own_agency(world: World, county_officer: Officer) -> None:
    assert names(spreadsheet.export_officers(world.officer_user)) == {"张三", "李四"}


def test_outsider_exports_only_their_own_city(world: World, county_officer: Officer) -> None:
    assert names(spreadsheet.export_officers(world.outsider_user)) == {"王五"}


def test_supervisor_exports_the_subtree(world: World, county_officer: Officer) -> None:
    assert names(spreadsheet.export_officers(world.supervisor_user)) == {"张三", "李四", "王五", "周九"}


def test_export_never_writes_a_formula(world: World) -> None:
    actions.check_update_officer(actor=writer.SYSTEM, officer=world.officer, changes={"post": "=1+1"})
    sheet = openpyxl.load_workbook(io.BytesIO(spreadsheet.export_officers(world.officer_user)))[
        spreadsheet.SHEET_TITLE
    ]
    posts = [row[3] for row in sheet.iter_rows(min_row=2)]
    assert [(cell.value, cell.data_type) for cell in posts if cell.value == "=1+1"] == [("=1+1", "s")]


def test_anonymous_export_is_empty(world: World) -> None:
    assert read_rows(spreadsheet.export_officers(AnonymousUser())) == []


def test_officers_out_of_post_are_not_exported(world: World) -> None:
    actions.check_update_officer(actor=writer.SYSTEM, officer=world.colleague, changes={"is_active": False})
    assert names(spreadsheet.export_officers(world.admin_user)) == {"张三"}


def test_export_queries_do_not_grow_with_officers(
    world: World, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    for n in range(15):
        factories.make_officer(world.taiyuan, f"新人{n}")
    with django_assert_max_num_queries(4):  # grants, officer link, officers, certificates
        data = spreadsheet.export_officers(world.admin_user)
    assert len(read_rows(data)) == 17


def test_blank_template_has_the_layout_and_instructions() -> None:
    workbook = openpyxl.load_workbook(io.BytesIO(spreadsheet.blank_template()))
    assert workbook.sheetnames == [spreadsheet.SHEET_TITLE, "Instructions"]
    header = next(workbook[spreadsheet.SHEET_TITLE].iter_rows(values_only=True))
    assert list(header) == [column.header for column in COLUMNS]
    notes = list(workbook["Instructions"].iter_rows(values_only=True))
    assert [row[0] for row in notes[1:]] == [column.header for column in COLUMNS]


def test_blank_template_imports_as_an_empty_register(world: World) -> None:
    with pytest.raises(InvalidInput) as error:
        spreadsheet.check_import_officers(
            actor=writer.SYSTEM, user=world.admin_user, workbook_bytes=spreadsheet.blank_template()
        )
    assert "no officer rows" in error.value.message
