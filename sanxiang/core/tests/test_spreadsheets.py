"""The generic spreadsheet core: files that are not workbooks are refused with a clear message, the header
is found under a title line, rows keep Excel's numbers, cells parse (dates in the ways offices write them,
fixed-label choices), a written workbook round-trips, and a CSV cell is never computed by Excel."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from sanxiang.core import spreadsheets as sheets
from sanxiang.core.errors import InvalidInput
from sanxiang.core.spreadsheets import Column, ImportRejected, RowError

COLUMNS = (
    Column("code", "编码", True, 10, 8),
    Column("day", "日期", False, 12, date=True),
    Column("note", "备注", False, 20),
)


def book(*rows: list[object], title: str = "表") -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active.title = title
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xd0\xcf\x11\xe0" + b"\x00" * 100, "xls"),
        (b"code,day\n", "Excel"),
        (b"x" * (sheets.MAX_UPLOAD_BYTES + 1), "MB"),
    ],
)
def test_files_that_are_not_workbooks_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        sheets.check_xlsx(data)


def test_rows_keep_excels_numbers_under_a_title_line_and_skip_blank_rows() -> None:
    data = book(["某机关 清单"], ["＊编码", "日期", "备注"], ["A-1", None, "x"], [None, None, None], ["A-2"])
    rows = list(sheets.data_rows(data, COLUMNS, sheet_title="表", max_rows=10))
    assert [(number, cells["code"]) for number, cells in rows] == [(3, "A-1"), (5, "A-2")]


def test_a_missing_required_column_is_named() -> None:
    with pytest.raises(InvalidInput, match="编码"):
        list(sheets.data_rows(book(["日期", "备注"], ["x"]), COLUMNS, sheet_title="表", max_rows=10))


def test_too_many_rows_are_refused() -> None:
    data = book(["编码"], ["A"], ["B"], ["C"])
    with pytest.raises(InvalidInput, match="2"):
        list(sheets.data_rows(data, COLUMNS, sheet_title="表", max_rows=2))


@pytest.mark.parametrize(
    "value",
    [
        "2024-01-31",
        "2024/1/31",
        "2024年1月31日",
        "20240131",
        "２０２４-０１-３１",
        dt.datetime(2024, 1, 31, 8, 0),
        45322,
    ],
)
def test_dates_are_read_the_ways_offices_write_them(value: object) -> None:
    assert sheets.date(value) == dt.date(2024, 1, 31)


@pytest.mark.parametrize("value", ["2024-02-30", "明天", 2025])
def test_a_cell_that_is_not_a_date_is_refused(value: object) -> None:
    with pytest.raises(ValueError, match=str(value)):
        sheets.date(value)


def test_choices_are_fixed_labels() -> None:
    labels = {"individual": "个人", "organization": "单位"}
    assert sheets.choice("单位", labels) == "organization"
    assert sheets.choice("", labels, required=False) == ""
    with pytest.raises(ValueError, match="个人、单位"):
        sheets.choice("法人", labels)


def test_cell_errors_name_required_and_long_cells() -> None:
    errors = sheets.cell_errors(7, {"code": "", "note": "x" * 200}, COLUMNS)
    assert errors == [
        RowError(7, "编码", "此单元格必填。"),
        RowError(7, "备注", "超过 128 个字符。"),
    ]


def test_the_rejection_groups_errors_by_row() -> None:
    error = ImportRejected([RowError(5, "编码", "b"), RowError(3, "", "a"), RowError(5, "日期", "c")])
    assert [e.row for e in error.row_errors] == [3, 5, 5]
    assert error.message == "2 行有错误，未导入任何数据。"
    assert error.errors == {"第 3 行": ["a"], "第 5 行": ["日期: c", "编码: b"]}


def test_a_written_workbook_reads_back() -> None:
    data = sheets.xlsx_bytes("表", COLUMNS, [["A-1", dt.date(2024, 1, 31), "=1+1"]])
    rows = list(sheets.data_rows(data, COLUMNS, sheet_title="表", max_rows=10))
    assert rows == [(2, {"code": "A-1", "day": dt.datetime(2024, 1, 31), "note": "=1+1"})]


def test_a_csv_opens_in_excel_and_is_never_computed() -> None:
    text = sheets.csv_bytes(COLUMNS, [["=HYPERLINK(1)", dt.date(2024, 1, 31), "-1"]]).decode("utf-8")
    assert text == "\ufeff编码,日期,备注\r\n'=HYPERLINK(1),2024-01-31,'-1\r\n"
