"""Officer register import: all rows or none, a row-by-row report, and only the agencies the importer
administers."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator, Sequence
from typing import Any

import openpyxl
import pytest
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError
from django.utils import translation

from conftest import World
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput
from sanxiang.organizations import actions, spreadsheet
from sanxiang.organizations.enums import CertificateStatus, DepartmentKind, Role
from sanxiang.organizations.models import Certificate, Officer
from sanxiang.organizations.spreadsheet import COLUMNS, ImportRejected
from sanxiang.organizations.tests import factories
from sanxiang.records import writer
from sanxiang.records.models import PendingEntry

TAIYUAN = "太原市人民防空办公室"
XIAODIAN = "小店区人民防空办公室"
TODAY = dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)


def officer_row(**cells: Any) -> dict[str, Any]:
    """One good row for a new officer of 太原; keyword arguments replace cells by their header."""
    row: dict[str, Any] = {
        "姓名": "赵六",
        "执法机关": TAIYUAN,
        "内设机构": "",
        "职务": "科员",
        "执法证号": "14019900001",
        "执法类别": "人民防空",
        "执法区域": "太原市",
        "发证机关": "山西省人民政府",
        "有效期起": dt.date(2025, 1, 1),
        "有效期止": dt.date(2030, 12, 31),
        "证件状态": "",
        "法律职业资格证书编号": "",
    }
    row.update(cells)
    return row


def make_workbook(
    rows: Sequence[dict[str, Any]], *, headers: Sequence[str] | None = None, above: Sequence[str] = ()
) -> bytes:
    """An .xlsx built in memory: optional title lines, the header, then the rows by header."""
    headers = list(headers or [column.header for column in COLUMNS])
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for line in above:
        sheet.append([line])
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(header.rstrip("*")) for header in headers])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def counts() -> tuple[int, int, int]:
    return Officer.objects.count(), Certificate.objects.count(), PendingEntry.objects.count()


def entries(event_type: str) -> list[dict[str, Any]]:
    return [
        json.loads(bytes(entry.body))
        for entry in PendingEntry.objects.filter(event_type=event_type).order_by("pk")
    ]


def run_import(user: AbstractBaseUser, rows: Sequence[dict[str, Any]]) -> spreadsheet.ImportResult:
    return spreadsheet.check_import_officers(
        actor=writer.Actor(user_id=user.pk), user=user, workbook_bytes=make_workbook(rows)
    )


def rejected(user: AbstractBaseUser, rows: Sequence[dict[str, Any]]) -> set[tuple[int, str]]:
    """Import expecting refusal; returns the (row, column) pairs reported and checks nothing was written."""
    before = counts()
    with pytest.raises(ImportRejected) as error:
        run_import(user, rows)
    assert counts() == before
    return {(item.row, item.column) for item in error.value.row_errors}


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with clock.frozen_now(TODAY), translation.override("en"):
        yield


@pytest.fixture
def datong_admin(world: World) -> AbstractBaseUser:
    user = factories.make_user("datong-admin")
    factories.grant(user, world.datong, Role.ADMINISTRATOR)
    return user


def number_of(officer: Officer) -> str:
    certificate = officer.certificates.get()
    return certificate.number


# ---- a good file ------------------------------------------------------------------------------------------


def test_good_file_creates_and_updates_officers_and_records_the_import(world: World) -> None:
    factories.make_department(world.taiyuan, "法制科", DepartmentKind.LEGAL)
    data = make_workbook(
        [
            officer_row(内设机构="法制科", 法律职业资格证书编号="A20231401000123"),
            officer_row(姓名="钱七", 执法机关=XIAODIAN, 执法证号="14019900002", 执法区域="小店区"),
            # 张三's registered certificate with a new post: an update of the officer it belongs to.
            {**_registered_row(world.officer), "职务": "副科长"},
            # A new certificate for 李四, matched by name in the agency.
            officer_row(姓名="李四", 执法证号="14019900003"),
        ]
    )
    before = counts()

    result = spreadsheet.check_import_officers(
        actor=writer.Actor(user_id=world.admin_user.pk), user=world.admin_user, workbook_bytes=data
    )

    assert (result.rows, result.created, result.updated, result.unchanged) == (4, 2, 2, 0)
    assert Officer.objects.count() == before[0] + 2
    assert Certificate.objects.count() == before[1] + 3
    zhao = Officer.objects.get(name="赵六")
    assert zhao.agency == world.taiyuan
    assert zhao.department is not None
    assert zhao.department.name == "法制科"
    assert zhao.legal_qualification_number == "A20231401000123"
    assert Officer.objects.get(name="钱七").agency == world.xiaodian
    world.officer.refresh_from_db()
    assert world.officer.post == "副科长"
    assert set(world.colleague.certificates.values_list("number", flat=True)) >= {"14019900003"}
    [record] = entries("officers.imported")
    assert record["data"] == {
        "file_digest": result.file_digest,
        "rows": 4,
        "created": 2,
        "updated": 2,
    }
    assert result.file_digest.startswith("sha256:")
    assert len(result.file_digest) == 71
    assert record["actor"]["user"] == world.admin_user.pk
    assert record["agency"] == world.taiyuan.pk  # the lowest agency above every row's agency
    assert len(entries("officer.created")) == 2 + 3  # two imported, three made by the fixture
    assert [e["data"]["fields"] for e in entries("officer.updated")] == [{"post": "副科长"}]


def _registered_row(officer: Officer) -> dict[str, Any]:
    certificate = officer.certificates.get()
    return officer_row(
        姓名=officer.name,
        执法机关=officer.agency.name,
        职务=officer.post,
        执法证号=certificate.number,
        执法类别=certificate.category,
        执法区域=certificate.region,
        发证机关=certificate.issued_by,
        有效期起=certificate.valid_from,
        有效期止=certificate.valid_to,
    )


def test_rows_of_one_new_officer_make_one_officer_with_both_certificates(world: World) -> None:
    result = run_import(
        world.admin_user, [officer_row(), officer_row(执法证号="14019900009", 执法类别="消防")]
    )
    assert (result.created, result.updated) == (1, 0)
    assert Officer.objects.get(name="赵六").certificates.count() == 2


def test_status_column_suspends_from_today(world: World) -> None:
    run_import(world.admin_user, [officer_row(证件状态="暂扣")])
    certificate = Certificate.objects.get(number="14019900001")
    assert certificate.status == CertificateStatus.SUSPENDED
    assert certificate.status_changed_on == dt.date(2026, 3, 2)


def test_blank_optional_cells_leave_stored_values(world: World) -> None:
    department = factories.make_department(world.taiyuan, "执法科")
    Officer.objects.filter(pk=world.officer.pk).update(department=department, legal_qualification_number="A1")
    result = run_import(world.admin_user, [_registered_row(world.officer)])
    assert (result.created, result.updated, result.unchanged) == (0, 0, 1)
    world.officer.refresh_from_db()
    assert (world.officer.department, world.officer.legal_qualification_number) == (department, "A1")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2025/1/2", dt.date(2025, 1, 2)),
        ("2025年1月2日", dt.date(2025, 1, 2)),
        ("2025.01.02", dt.date(2025, 1, 2)),
        ("20250102", dt.date(2025, 1, 2)),
        ("２０２５－０１－０２", dt.date(2025, 1, 2)),
        (45659, dt.date(2025, 1, 2)),  # the day number Excel stores when a cell loses its date format
        (dt.datetime(2025, 1, 2), dt.date(2025, 1, 2)),  # Excel dates have no zone
    ],
)
def test_dates_as_offices_type_them(world: World, cell: object, expected: dt.date) -> None:
    run_import(world.admin_user, [officer_row(有效期起=cell)])
    assert Certificate.objects.get(number="14019900001").valid_from == expected


def test_full_width_certificate_number_is_normalised(world: World) -> None:
    run_import(world.admin_user, [officer_row(执法证号="１４０１９９００００１")])
    assert Certificate.objects.filter(number="14019900001").exists()


def test_header_below_a_title_line_and_marked_with_asterisks(world: World) -> None:
    headers = [f"{c.header}*" if c.required else c.header for c in COLUMNS]
    data = make_workbook([officer_row()], headers=headers, above=["太原市人防办执法人员名册（2026年）"])
    result = spreadsheet.check_import_officers(
        actor=writer.SYSTEM, user=world.admin_user, workbook_bytes=data
    )
    assert result.created == 1


def test_names_aligned_with_full_width_spaces_match(world: World) -> None:
    row = {**_registered_row(world.officer), "姓名": "张\u3000三"}
    assert run_import(world.admin_user, [row]).unchanged == 1


def test_blank_lines_keep_excel_row_numbers(world: World) -> None:
    rows = [officer_row(), {}, {}, officer_row(执法证号="14019900002", 有效期起="someday")]
    assert rejected(world.admin_user, rows) == {(5, "有效期起")}


def test_a_bare_year_is_not_taken_for_a_date(world: World) -> None:
    assert rejected(world.admin_user, [officer_row(有效期起=2025)]) == {(2, "有效期起")}


def test_rows_of_one_officer_may_leave_optional_cells_blank(world: World) -> None:
    factories.make_department(world.taiyuan, "法制科", DepartmentKind.LEGAL)
    rows = [officer_row(), officer_row(执法证号="14019900002", 内设机构="法制科")]
    assert run_import(world.admin_user, rows).created == 1
    department = Officer.objects.get(name="赵六").department
    assert department is not None
    assert department.name == "法制科"


def test_city_administrator_may_import_for_a_county_below(world: World) -> None:
    assert run_import(world.admin_user, [officer_row(执法机关=XIAODIAN)]).created == 1


# ---- bad rows: everything reported, nothing written -------------------------------------------------------


def test_every_kind_of_bad_row_is_reported_and_nothing_is_written(world: World) -> None:
    wang_number = number_of(world.outsider)
    rows = [
        officer_row(执法证号="14019900101"),  # row 2: good, but not written either
        officer_row(姓名="", 执法证号="14019900102"),  # 3: name required
        officer_row(有效期起="2025-02-30", 执法证号="14019900103"),  # 4: not a valid date
        officer_row(有效期止="next year", 执法证号="14019900104"),  # 5: not a date
        officer_row(有效期起=dt.date(2026, 1, 1), 有效期止=dt.date(2025, 1, 1), 执法证号="14019900105"),  # 6
        officer_row(执法机关="太原市人防办", 执法证号="14019900106"),  # 7: not the registered full name
        officer_row(内设机构="宣传科", 执法证号="14019900107"),  # 8: no such department
        officer_row(执法证号="14019900101", 姓名="孙八"),  # 9: the number is already in row 2
        officer_row(姓名="王五", 执法证号=wang_number),  # 10: 王五's certificate, in 大同
        officer_row(证件状态="作废", 执法证号="14019900110"),  # 11: not a status
        officer_row(职务="科" * 65, 执法证号="14019900111"),  # 12: too long
        officer_row(执法证号=""),  # 13: certificate number required
    ]
    reported = rejected(world.admin_user, rows)
    assert reported == {
        (3, "姓名"),
        (4, "有效期起"),
        (5, "有效期止"),
        (6, "有效期止"),
        (7, "执法机关"),
        (8, "内设机构"),
        (9, "执法证号"),
        (10, "执法证号"),
        (11, "证件状态"),
        (12, "职务"),
        (13, "执法证号"),
    }


def test_report_messages_say_what_is_wrong(world: World) -> None:
    rows = [officer_row(), officer_row(有效期起="2025-02-30"), officer_row()]
    with pytest.raises(ImportRejected) as error:
        run_import(world.admin_user, rows)
    messages = {(e.row, e.column): e.message for e in error.value.row_errors}
    assert messages[(3, "有效期起")] == "2025-02-30 is not a valid date."
    assert messages[(4, "执法证号")] == "The same number is in row 2."
    assert error.value.message == "2 rows have errors; nothing was imported."
    assert error.value.errors["Row 3"] == ["有效期起: 2025-02-30 is not a valid date."]


def test_one_bad_row_among_good_ones_writes_nothing(world: World) -> None:
    rows = [officer_row(执法证号=f"140199002{n:02d}", 姓名=f"新人{n}") for n in range(20)]
    rows.append(officer_row(执法机关="不存在的机关"))
    assert rejected(world.admin_user, rows) == {(22, "执法机关")}


def test_changing_a_registered_certificate_is_refused(world: World) -> None:
    row = {**_registered_row(world.officer), "有效期止": dt.date(2031, 12, 31), "执法类别": "消防"}
    assert rejected(world.admin_user, [row]) == {(2, "有效期止"), (2, "执法类别")}


def test_certificate_of_another_officer_in_own_agency_is_refused(world: World) -> None:
    row = {**_registered_row(world.officer), "姓名": "李四"}
    assert rejected(world.admin_user, [row]) == {(2, "执法证号")}


def test_reinstating_a_revoked_certificate_is_refused(world: World) -> None:
    certificate = world.officer.certificates.get()
    certificate.status, certificate.status_changed_on = CertificateStatus.REVOKED, dt.date(2026, 1, 1)
    certificate.save()
    assert rejected(world.admin_user, [{**_registered_row(world.officer), "证件状态": "有效"}]) == {
        (2, "证件状态")
    }


def test_namesakes_in_one_agency_cannot_take_a_new_certificate(world: World) -> None:
    factories.make_officer(world.taiyuan, "张三")
    assert rejected(world.admin_user, [officer_row(姓名="张三")]) == {(2, "姓名")}


def test_rows_of_one_officer_must_agree(world: World) -> None:
    rows = [officer_row(), officer_row(执法证号="14019900002", 职务="科长")]
    assert rejected(world.admin_user, rows) == {(3, "职务")}


def test_a_concurrent_change_rolls_the_whole_import_back(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another import registering the same number between our check and our insert hits the unique index;
    everything written so far is rolled back and the user is told to try again."""

    def collide(**kwargs: Any) -> Certificate:
        raise IntegrityError("duplicate key value violates unique constraint")

    rows = [officer_row(), officer_row(姓名="钱七", 执法证号="14019900002")]
    before = counts()
    monkeypatch.setattr(actions, "check_issue_certificate", collide)
    with pytest.raises(InvalidInput) as error:
        run_import(world.admin_user, rows)
    assert "Try again" in error.value.message
    assert counts() == before


def test_an_action_refusing_a_row_is_reported_against_it(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = actions.check_issue_certificate

    def refuse_second(**kwargs: Any) -> Certificate:
        if kwargs["number"] == "14019900002":
            raise InvalidInput("refused by the action")
        return original(**kwargs)

    rows = [officer_row(), officer_row(姓名="钱七", 执法证号="14019900002")]
    before = counts()
    monkeypatch.setattr(actions, "check_issue_certificate", refuse_second)
    with pytest.raises(ImportRejected) as error:
        run_import(world.admin_user, rows)
    assert [(e.row, e.message) for e in error.value.row_errors] == [(3, "refused by the action")]
    assert counts() == before


# ---- jurisdiction: the administrator role for each row's agency -------------------------------------------


def test_outsider_administrator_is_refused_row_by_row(world: World, datong_admin: AbstractBaseUser) -> None:
    rows = [officer_row(), officer_row(姓名="钱七", 执法证号="14019900002"), _registered_row(world.officer)]
    reported = rejected(datong_admin, rows)
    assert reported == {(2, "执法机关"), (3, "执法机关"), (4, "执法机关")}


def test_refusal_reads_the_same_for_unknown_and_foreign_agencies(
    world: World, datong_admin: AbstractBaseUser
) -> None:
    with pytest.raises(ImportRejected) as error:
        run_import(
            datong_admin, [officer_row(), officer_row(执法机关="不存在的机关", 执法证号="14019900002")]
        )
    first, second = error.value.row_errors
    assert first.message == second.message


def test_outsider_cannot_take_over_a_certificate_number(world: World, datong_admin: AbstractBaseUser) -> None:
    row = officer_row(执法机关=world.datong.name, 姓名="张三", 执法证号=number_of(world.officer))
    assert rejected(datong_admin, [row]) == {(2, "执法证号")}


@pytest.mark.parametrize("persona", ["officer_user", "supervisor_user", "outsider_user"])
def test_users_without_the_administrator_role_are_refused(world: World, persona: str) -> None:
    user = getattr(world, persona)
    assert rejected(user, [officer_row(), officer_row(执法机关=world.datong.name, 执法证号="2")]) == {
        (2, "执法机关"),
        (3, "执法机关"),
    }


# ---- files that are not a register ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"name,agency\n", "not an Excel workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old-format .xls"),
        (b"PK\x03\x04" + b"\0" * 100, "not an Excel workbook"),
        (b"x" * (spreadsheet.MAX_UPLOAD_BYTES + 1), "larger than 5 MB"),
    ],
)
def test_files_that_are_not_workbooks_are_refused(world: World, data: bytes, fragment: str) -> None:
    with pytest.raises(InvalidInput) as error:
        spreadsheet.check_import_officers(actor=writer.SYSTEM, user=world.admin_user, workbook_bytes=data)
    assert fragment in error.value.message


def test_missing_columns_are_named(world: World) -> None:
    data = make_workbook([officer_row()], headers=["姓名", "执法机关", "职务"])
    with pytest.raises(InvalidInput) as error:
        spreadsheet.check_import_officers(actor=writer.SYSTEM, user=world.admin_user, workbook_bytes=data)
    assert "执法证号" in error.value.message
    assert "姓名" not in error.value.message


def test_a_file_without_rows_is_refused(world: World) -> None:
    with pytest.raises(InvalidInput) as error:
        spreadsheet.check_import_officers(
            actor=writer.SYSTEM, user=world.admin_user, workbook_bytes=make_workbook([{}, {}])
        )
    assert "no officer rows" in error.value.message


def test_row_limit(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spreadsheet.layout, "MAX_ROWS", 2)
    with pytest.raises(InvalidInput) as error:
        run_import(world.admin_user, [officer_row(执法证号=str(n)) for n in range(3)])
    assert "more than 2 rows" in error.value.message
