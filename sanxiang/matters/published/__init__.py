"""The office's published lists (seed 二(一)3(1)) generated from the catalogue and its attached lists in
force: ``tables`` builds the rows (pure), ``diff`` compares two states (动态调整), ``build`` reads the
published versions in force on a day, and ``files`` writes a list as XLSX or CSV. Never writes to the
database."""

from sanxiang.matters.published.build import SOURCES, PublishedList, Source, published_list
from sanxiang.matters.published.diff import Change, Diff, diff_rows
from sanxiang.matters.published.files import csv_file, xlsx_file
from sanxiang.matters.published.tables import Row, Table

__all__ = [
    "SOURCES",
    "Change",
    "Diff",
    "PublishedList",
    "Row",
    "Source",
    "Table",
    "csv_file",
    "diff_rows",
    "published_list",
    "xlsx_file",
]
