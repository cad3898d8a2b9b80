"""事前公开 over HTTP: every page is open to the anonymous public, shows the list version in force with the
date it took effect and links to earlier published versions, and never shows a draft or an approved version
that is not published. There is nothing to write: a signed-in outsider's POST is refused. The Shanxi catalogue
renders in Chinese; list pages run a bounded number of queries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from conftest import World
from sanxiang.core import clock
from sanxiang.matters import actions as matter_actions
from sanxiang.matters import procedures
from sanxiang.matters.enums import ListKind, VersionStatus
from sanxiang.matters.models import Article, FeeStandard, ListVersion, Matter
from sanxiang.matters.procedures import DayUnit, Procedure, Stage, TimeLimit, Transition
from sanxiang.matters.shanxi import load_shanxi_catalogue
from sanxiang.matters.tests import factories as matter_factories
from sanxiang.organizations import actions as org_actions
from sanxiang.organizations.enums import AgencyLevel
from sanxiang.organizations.tests import factories

TODAY = dt.date(2026, 6, 1)
LIST_PAGES = [
    "publicity:bodies",
    "publicity:matters",
    "publicity:benchmarks",
    "publicity:inspections",
    "publicity:fees",
    "publicity:relief",
]
LICENCE_FLOW = Procedure(
    key="license",
    label="行政许可",
    version="test",
    stages=(Stage("applied", "申请"), Stage("accepted", "受理"), Stage("granted", "准予许可", terminal=True)),
    transitions=(
        Transition("accept", "受理申请", "applied", "accepted", basis="行政许可法 第32条"),
        Transition("grant", "作出许可决定", "accepted", "granted", basis="行政许可法 第42条"),
    ),
    limits=(TimeLimit("decide", "作出决定", 20, DayUnit.WORKING, "行政许可法 第42条"),),
)


@pytest.fixture(autouse=True)
def frozen_today() -> Iterator[None]:
    with clock.frozen_now(dt.datetime(2026, 6, 1, 10, 0, tzinfo=clock.SHANGHAI)):
        yield


@pytest.fixture
def shanxi(world: World) -> World:
    """The personas' agencies with the Shanxi catalogue published for the province, in force from today."""
    load_shanxi_catalogue(actor=matter_factories.SYSTEM)
    return world


@pytest.fixture
def licence_flow(monkeypatch: pytest.MonkeyPatch) -> None:
    """The licence procedure is defined (the real definitions are written elsewhere)."""
    real_get = procedures.get

    def get(key: str) -> Procedure:
        return LICENCE_FLOW if key == "license" else real_get(key)

    monkeypatch.setattr(procedures, "get", get)


def page(client: Client, name: str, *args: object, **params: str) -> str:
    response = client.get(reverse(name, args=args), params)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def licence() -> Matter:
    return Matter.objects.get(code="XK-01", version__status=VersionStatus.PUBLISHED)


def catalogue() -> ListVersion:
    return ListVersion.objects.get(kind=ListKind.CATALOGUE, status=VersionStatus.PUBLISHED)


# -- open to everyone, nothing to write ---------------------------------------------------------------------


@pytest.mark.parametrize("name", LIST_PAGES)
def test_every_list_page_is_open_to_the_anonymous_public(client: Client, shanxi: World, name: str) -> None:
    page(client, name)


def test_the_service_guide_and_placard_are_open_to_the_anonymous_public(
    client: Client, shanxi: World
) -> None:
    page(client, "publicity:matter", licence().pk)
    page(client, "publicity:placard", shanxi.taiyuan.pk)


@pytest.mark.parametrize("name", LIST_PAGES)
def test_pages_work_before_anything_is_published(client: Client, world: World, name: str) -> None:
    html = page(client, name)
    if name != "publicity:bodies":
        assert 'id="no-version"' in html


def test_the_portal_home_links_every_new_page(client: Client, db: None) -> None:
    html = page(client, "publicity:home")
    for name in LIST_PAGES:
        assert f'href="{reverse(name)}"' in html


@pytest.mark.parametrize("name", LIST_PAGES)
def test_a_signed_in_outsider_cannot_post_to_a_list_page(client: Client, shanxi: World, name: str) -> None:
    client.force_login(shanxi.outsider_user)
    assert client.post(reverse(name), {"name": "篡改"}).status_code == 405


def test_a_signed_in_outsider_cannot_post_to_a_guide_or_placard(client: Client, shanxi: World) -> None:
    client.force_login(shanxi.outsider_user)
    matter = licence()
    for url in (
        reverse("publicity:matter", args=[matter.pk]),
        reverse("publicity:placard", args=[shanxi.taiyuan.pk]),
    ):
        assert client.post(url, {"name": "篡改"}).status_code == 405
        assert client.put(url).status_code == 405
        assert client.delete(url).status_code == 405
    matter.refresh_from_db()
    assert matter.name != "篡改"


def test_the_portal_offers_no_edit_links(client: Client, shanxi: World) -> None:
    client.force_login(shanxi.admin_user)  # even an administrator edits in the back office, not here
    html = page(client, "publicity:matter", licence().pk)
    assert "/matters/" + str(licence().pk) not in html.replace(
        reverse("publicity:matter", args=[licence().pk]), ""
    )
    assert "<form" not in html.split('id="service-guide"')[1]


# -- the Shanxi data, in Chinese ----------------------------------------------------------------------------


def test_the_matter_list_shows_the_shanxi_catalogue_in_chinese(client: Client, shanxi: World) -> None:
    html = page(client, "publicity:matters")
    for fact in ("行政许可", "行政处罚", "XK-01", licence().name, "20 个工作日", "2026-06-01"):
        assert fact in html
    assert '<html lang="zh-hans">' in html


def test_the_service_guide_shows_every_field(client: Client, shanxi: World) -> None:
    matter = licence()
    html = page(client, "publicity:matter", matter.pk)
    for fact in (
        "服务指南",
        matter.accepting_body,
        matter.deciding_body,
        matter.conditions,
        *matter.materials,
        matter.procedure,
        "20 个工作日",
        "《中华人民共和国行政许可法》第四十二条",
        matter.fee_standard,
        matter.supervision,
        matter.accountability,
        matter.office_hours,
        matter.office_address,
        matter.office_phone,
        "行政复议",
        "行政诉讼",
    ):
        assert fact in html, fact
    assert 'data-kind="reconsideration" data-limit="60" data-unit="calendar_days"' in html
    assert 'data-kind="litigation" data-limit="6" data-unit="months"' in html
    assert html.index('data-kind="reconsideration"') < html.index('data-kind="litigation"')


def test_a_defined_procedure_is_drawn_inline(client: Client, shanxi: World, licence_flow: None) -> None:
    html = page(client, "publicity:matter", licence().pk)
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html
    assert "受理申请" in html
    assert 'id="flowchart-unavailable"' not in html


def test_a_procedure_not_yet_defined_says_so(client: Client, shanxi: World) -> None:
    matter = Matter.objects.get(code="YS-01")  # workflow "transfer": no definition is planned yet
    html = page(client, "publicity:matter", matter.pk)
    assert 'id="flowchart-unavailable"' in html
    assert "<svg" not in html


def test_benchmarks_show_tiers_ranges_and_articles(client: Client, shanxi: World) -> None:
    html = page(client, "publicity:benchmarks")
    for fact in ("《中华人民共和国人民防空法》第四十九条", "50,000", "单位", "从重"):
        assert fact in html, fact


def test_fees_show_the_rate_and_the_coded_exemptions(client: Client, shanxi: World) -> None:
    fee = FeeStandard.objects.get(code="YD-01")
    html = page(client, "publicity:fees")
    assert fee.name in html
    for exemption in fee.exemptions.all():
        assert exemption.name in html


def test_the_inspection_list_and_relief_channels_render(client: Client, shanxi: World) -> None:
    assert "抽查" in page(client, "publicity:inspections")
    relief = page(client, "publicity:relief")
    assert "60" in relief
    assert "6 个月" in relief


def test_bodies_show_basis_duties_region_and_contacts(client: Client, world: World) -> None:
    org_actions.check_create_agency(
        actor=factories.SYSTEM,
        code="JZ01",
        name="晋中市人民防空办公室",
        short_name="晋中市人防办",
        level=AgencyLevel.CITY,
        parent=world.province,
        document_prefix="晋中人防",
        region="晋中市行政区域",
        legal_basis="《中华人民共和国人民防空法》第七条",
        duties="负责本行政区域的人民防空工作",
        address="晋中市榆次区某路1号",
        phone="0354-0000000",
        supervision_phone="0354-1111111",
    )
    html = page(client, "publicity:bodies")
    for fact in (
        "晋中市人民防空办公室",
        "第七条",
        "负责本行政区域的人民防空工作",
        "晋中市行政区域",
        "0354-1111111",
    ):
        assert fact in html


# -- only published versions, earlier versions reachable ----------------------------------------------------


def test_drafts_and_approved_versions_never_appear(client: Client, shanxi: World) -> None:
    article = Article.objects.filter(repealed_on__isnull=True).first()
    assert article is not None
    draft = matter_factories.draft(shanxi.taiyuan)
    draft_matter = matter_factories.add_matter(draft, [article], name="草稿中的事项")
    approved = matter_factories.draft(shanxi.province, ListKind.FEE_STANDARDS)
    matter_actions.check_approve_version(
        actor=matter_factories.SYSTEM, version=approved, approving_body="山西省司法厅", approved_on=TODAY
    )
    for params in ({}, {"agency": str(shanxi.taiyuan.pk)}, {"q": "草稿"}):
        assert "草稿中的事项" not in page(client, "publicity:matters", **params)
    assert client.get(reverse("publicity:matter", args=[draft_matter.pk])).status_code == 404
    assert client.get(reverse("publicity:matters"), {"version": draft.pk}).status_code == 404
    assert client.get(reverse("publicity:fees"), {"version": approved.pk}).status_code == 404
    assert f'data-version="{approved.pk}"' not in page(client, "publicity:fees")


def test_a_version_of_another_list_is_not_shown_under_this_one(client: Client, shanxi: World) -> None:
    fees = ListVersion.objects.get(kind=ListKind.FEE_STANDARDS)
    assert client.get(reverse("publicity:matters"), {"version": fees.pk}).status_code == 404


def test_a_new_version_supersedes_the_old_which_stays_reachable(client: Client, shanxi: World) -> None:
    old = catalogue()
    new = matter_factories.draft(shanxi.province, effective=dt.date(2026, 6, 10))
    renamed = Matter.objects.get(version=new, code="XK-01")
    renamed.name = "防空地下室建设审批（新版）"
    renamed.save()
    matter_factories.approve_and_publish(new)
    with clock.frozen_now(dt.datetime(2026, 6, 15, 10, 0, tzinfo=clock.SHANGHAI)):
        current = page(client, "publicity:matters")
        earlier = page(client, "publicity:matters", version=str(old.pk))
    assert "防空地下室建设审批（新版）" in current
    assert "2026-06-10" in current
    assert f'data-version-link="{old.pk}"' in current
    assert f'data-version="{old.pk}"' in earlier
    assert 'id="version-superseded"' in earlier
    assert "防空地下室建设审批（新版）" not in earlier
    old_guide = Matter.objects.get(version=old, code="XK-01")
    with clock.frozen_now(dt.datetime(2026, 6, 15, 10, 0, tzinfo=clock.SHANGHAI)):
        assert 'id="version-superseded"' in page(client, "publicity:matter", old_guide.pk)


def test_a_city_sees_the_provincial_list_it_applies(client: Client, shanxi: World) -> None:
    html = page(client, "publicity:matters", agency=str(shanxi.xiaodian.pk))
    assert f'data-version="{catalogue().pk}"' in html
    assert shanxi.province.name in html


# -- search -------------------------------------------------------------------------------------------------


def test_search_by_name_code_and_type(client: Client, shanxi: World) -> None:
    by_code = page(client, "publicity:matters", q="XK-01")
    assert 'data-matter="XK-01"' in by_code
    assert 'data-matter="CF-03"' not in by_code
    by_type = page(client, "publicity:matters", type="penalty")
    assert 'data-matter="CF-03"' in by_type
    assert 'data-matter="XK-01"' not in by_type
    by_name = page(client, "publicity:matters", q=licence().name[:4])
    assert 'data-matter="XK-01"' in by_name


@pytest.mark.parametrize(
    "params", [{"type": "nonsense"}, {"agency": "abc"}, {"version": "-3"}, {"agency": "99999"}]
)
def test_nonsense_criteria_are_ignored(client: Client, shanxi: World, params: dict[str, str]) -> None:
    assert 'data-matter="XK-01"' in page(client, "publicity:matters", **params)


def test_an_unknown_version_or_matter_is_a_404(client: Client, shanxi: World) -> None:
    assert client.get(reverse("publicity:matters"), {"version": "999999"}).status_code == 404
    assert client.get(reverse("publicity:matter", args=[999999])).status_code == 404
    assert client.get(reverse("publicity:placard", args=[999999])).status_code == 404


# -- query counts -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "limit"), [(n, 8) for n in LIST_PAGES])
def test_list_pages_run_a_bounded_number_of_queries(
    client: Client,
    shanxi: World,
    django_assert_max_num_queries: DjangoAssertNumQueries,
    name: str,
    limit: int,
) -> None:
    with django_assert_max_num_queries(limit):
        page(client, name)


def test_the_service_guide_runs_a_bounded_number_of_queries(
    client: Client, shanxi: World, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    pk = licence().pk
    with django_assert_max_num_queries(6):
        page(client, "publicity:matter", pk)


# -- the window placard -------------------------------------------------------------------------------------


def test_the_placard_lists_certified_staff_with_post_and_the_window_services(
    client: Client, shanxi: World
) -> None:
    expired = factories.make_officer(shanxi.taiyuan, "过期人", valid_to=dt.date(2026, 5, 31))
    uncertified = factories.make_officer(shanxi.taiyuan, "无证人", certified=False)
    html = page(client, "publicity:placard", shanxi.taiyuan.pk)
    assert shanxi.officer.name in html
    assert shanxi.colleague.name in html
    assert "科员" in html
    assert shanxi.taiyuan.name in html
    assert shanxi.officer.certificates.get().category in html
    for absent in (expired.name, uncertified.name, shanxi.outsider.name):
        assert absent not in html
    assert licence().name in html
    assert Matter.objects.get(code="CF-03").name not in html  # penalties are not applied for at a window
    assert "@media print" in html


def test_the_placard_runs_a_bounded_number_of_queries(
    client: Client, shanxi: World, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    for n in range(20):
        factories.make_officer(shanxi.taiyuan, f"窗口{n:02d}")
    with django_assert_max_num_queries(8):
        page(client, "publicity:placard", shanxi.taiyuan.pk)
