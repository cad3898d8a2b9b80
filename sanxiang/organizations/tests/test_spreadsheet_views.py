"""Import, export and template pages over HTTP, with every persona: the administrator, an officer without
the administrator role, an outsider from another city (officer and administrator), the provincial
supervisor and the anonymous public."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import TYPE_CHECKING

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from conftest import World
from sanxiang.core import clock
from sanxiang.organizations import spreadsheet
from sanxiang.organizations.enums import Role
from sanxiang.organizations.models import Certificate, Officer
from sanxiang.organizations.tests import factories
from sanxiang.organizations.tests.test_spreadsheet_import import TODAY, make_workbook, officer_row
from sanxiang.records.models import PendingEntry

if TYPE_CHECKING:  # the user model is named through Django: accounts sits a layer above organizations
    from django.contrib.auth.models import _User as User

IMPORT = reverse("organizations:officer_import")
EXPORT = reverse("organizations:officer_export")
TEMPLATE = reverse("organizations:officer_import_template")


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with clock.frozen_now(TODAY):
        yield


def client_for(user: User | None) -> Client:
    client = Client(headers={"accept-language": "en"})
    if user is not None:
        client.force_login(user)
    return client


def upload(data: bytes, name: str = "officers.xlsx") -> dict[str, SimpleUploadedFile]:
    return {"file": SimpleUploadedFile(name, data, content_type=spreadsheet.XLSX_CONTENT_TYPE)}


def counts() -> tuple[int, int, int]:
    return Officer.objects.count(), Certificate.objects.count(), PendingEntry.objects.count()


def exported_names(client: Client) -> set[str]:
    response = client.get(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"] == spreadsheet.XLSX_CONTENT_TYPE
    assert response["Content-Disposition"].startswith("attachment;")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))[spreadsheet.SHEET_TITLE]
    return {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}


@pytest.fixture
def datong_admin(world: World) -> User:
    user = get_user_model().objects.create_user(username="datong-admin", password="correct-horse-battery")
    factories.grant(user, world.datong, Role.ADMINISTRATOR)
    return user


# ---- anonymous public -------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [IMPORT, EXPORT, TEMPLATE])
def test_anonymous_is_sent_to_login(world: World, url: str) -> None:
    response = client_for(None).get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_anonymous_post_writes_nothing(world: World) -> None:
    before = counts()
    response = client_for(None).post(IMPORT, upload(make_workbook([officer_row()])))
    assert response.status_code == 302
    assert counts() == before


# ---- the administrator ------------------------------------------------------------------------------------


def test_administrator_sees_the_upload_form(world: World) -> None:
    response = client_for(world.admin_user).get(IMPORT)
    assert response.status_code == 200
    assert b'enctype="multipart/form-data"' in response.content
    assert "执法证号" in response.content.decode()


def test_administrator_imports_a_good_file(world: World) -> None:
    client = client_for(world.admin_user)
    response = client.post(IMPORT, upload(make_workbook([officer_row()])))
    assert response.status_code == 302
    assert response["Location"] == IMPORT
    page = client.get(IMPORT).content.decode()
    assert "已导入 1 行。新增执法人员 1 名，更新 0 名，未变 0 名。" in page
    officer = Officer.objects.get(name="赵六")
    assert officer.agency == world.taiyuan
    assert PendingEntry.objects.filter(event_type="officers.imported").count() == 1


def test_administrator_sees_every_bad_row_and_nothing_is_written(world: World) -> None:
    rows = [
        officer_row(),
        officer_row(有效期起="2025-13-01", 执法证号="2"),
        officer_row(执法机关="别处", 执法证号="3"),
    ]
    before = counts()
    response = client_for(world.admin_user).post(IMPORT, upload(make_workbook(rows)))
    assert response.status_code == 200
    assert counts() == before
    page = response.content.decode()
    assert 'data-row="3" data-column="有效期起"' in page
    assert 'data-row="4" data-column="执法机关"' in page
    assert "2 行有错误，未导入任何数据。" in page
    assert 'data-row="2"' not in page


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"name,agency\n", "officers.csv", "不是 Excel 工作簿"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "officers.xls", "旧版 .xls"),
    ],
)
def test_files_that_are_not_xlsx_get_a_clear_error(
    world: World, data: bytes, name: str, message: str
) -> None:
    response = client_for(world.admin_user).post(IMPORT, upload(data, name))
    assert response.status_code == 200
    assert message in response.content.decode()


def test_oversized_files_are_refused_before_they_are_read(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spreadsheet, "MAX_UPLOAD_BYTES", 1024 * 1024)
    data = make_workbook([officer_row()]) + b"\0" * (1024 * 1024)
    response = client_for(world.admin_user).post(IMPORT, upload(data))
    assert "超过 1 MB" in response.content.decode()


def test_missing_file_is_reported(world: World) -> None:
    response = client_for(world.admin_user).post(IMPORT, {})
    assert response.status_code == 200
    assert response.context["form"].errors["file"]


def test_administrator_exports_the_city_and_downloads_the_template(world: World) -> None:
    client = client_for(world.admin_user)
    assert exported_names(client) == {"张三", "李四"}
    response = client.get(TEMPLATE)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert openpyxl.load_workbook(io.BytesIO(response.content)).sheetnames[0] == spreadsheet.SHEET_TITLE


def test_export_page_queries_are_bounded(
    world: World, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    for n in range(10):
        factories.make_officer(world.taiyuan, f"新人{n}")
    client = client_for(world.admin_user)
    with django_assert_max_num_queries(8):  # session and user, then the export's four
        client.get(EXPORT)


# ---- an officer without the administrator role ------------------------------------------------------------


def test_officer_may_not_import(world: World) -> None:
    client = client_for(world.officer_user)
    before = counts()
    assert client.get(IMPORT).status_code == 403
    assert client.post(IMPORT, upload(make_workbook([officer_row()]))).status_code == 403
    assert counts() == before


def test_officer_exports_their_own_agency(world: World) -> None:
    assert exported_names(client_for(world.officer_user)) == {"张三", "李四"}


# ---- outsiders from another city --------------------------------------------------------------------------


def test_outsider_officer_may_not_import_and_exports_only_their_city(world: World) -> None:
    client = client_for(world.outsider_user)
    assert client.get(IMPORT).status_code == 403
    assert exported_names(client) == {"王五"}


def test_outsider_administrator_is_refused_row_by_row_for_taiyuan(world: World, datong_admin: User) -> None:
    rows = [officer_row(), officer_row(姓名="钱七", 执法证号="14019900002")]
    before = counts()
    response = client_for(datong_admin).post(IMPORT, upload(make_workbook(rows)))
    assert response.status_code == 200
    assert counts() == before
    page = response.content.decode()
    assert 'data-row="2" data-column="执法机关"' in page
    assert 'data-row="3" data-column="执法机关"' in page
    assert "张三" not in page  # nothing about 太原's officers leaks into the report


def test_outsider_administrator_export_holds_no_taiyuan_officer(world: World, datong_admin: User) -> None:
    assert exported_names(client_for(datong_admin)) == {"王五"}


# ---- the provincial supervisor ----------------------------------------------------------------------------


def test_supervisor_exports_the_subtree_but_may_not_import(world: World) -> None:
    factories.make_officer(world.xiaodian, "周九")
    client = client_for(world.supervisor_user)
    assert exported_names(client) == {"张三", "李四", "王五", "周九"}
    assert client.get(IMPORT).status_code == 403
