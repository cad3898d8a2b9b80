"""The calendar pages over HTTP with the personas: the administrator may use them; the officer, a colleague,
an outsider from another city, the provincial supervisor and the anonymous public may not (anonymous → sign-in
page; signed in → the same 404 as a missing page). Refused or bad input writes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from sanxiang.calendar.enums import DayKind, YearStatus
from sanxiang.calendar.models import CalendarDay, CalendarYear
from sanxiang.core import clock
from sanxiang.records.models import PendingEntry

REFUSED = ["officer_user", "colleague_user", "outsider_user", "supervisor_user"]
Counts = Callable[[], tuple[int, int, int]]


def _client(world: Any, persona: str | None) -> Client:
    client = Client()
    if persona is not None:
        client.force_login(getattr(world, persona))
    return client


PAGES = [
    ("get", reverse("calendar:index"), {}),
    ("get", reverse("calendar:year", args=[2025]), {}),
    (
        "post",
        reverse("calendar:add_day", args=[2027]),
        {"date": "2027-02-09", "kind": "holiday", "name": "春节"},
    ),
    ("post", reverse("calendar:remove_day", args=[2025]), {"date": "2025-02-08"}),
    ("post", reverse("calendar:confirm_year", args=[2025]), {"notice_reference": "国办发明电〔2024〕12号"}),
]


@pytest.mark.parametrize(("method", "url", "data"), PAGES)
def test_anonymous_is_sent_to_sign_in(
    world: Any, counts: Counts, method: str, url: str, data: dict[str, str]
) -> None:
    before = counts()
    response = getattr(_client(world, None), method)(url, data)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert counts() == before


@pytest.mark.parametrize("persona", REFUSED)
@pytest.mark.parametrize("page", PAGES)
def test_non_administrators_get_not_found(
    world: Any, counts: Counts, persona: str, page: tuple[str, str, dict[str, str]]
) -> None:
    method, url, data = page
    before = counts()
    response = getattr(_client(world, persona), method)(url, data)
    assert response.status_code == 404
    assert counts() == before


def test_administrator_sees_the_year_with_its_status(world: Any, django_assert_max_num_queries: Any) -> None:
    client = _client(world, "admin_user")
    assert client.get(reverse("calendar:index"))["Location"] == reverse(
        "calendar:year", args=[clock.today().year]
    )
    with django_assert_max_num_queries(8):
        response = client.get(reverse("calendar:year", args=[2025]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "2025-01-28" in body
    assert "春节" in body
    assert 'class="badge provisional"' not in body.split("<h1>")[1].split("</h1>")[0]


def test_an_uncovered_year_shows_its_computed_holidays_as_provisional(
    world: Any, django_assert_max_num_queries: Any
) -> None:
    client = _client(world, "admin_user")
    with django_assert_max_num_queries(8):
        response = client.get(reverse("calendar:year", args=[2027]))
    body = response.content.decode()
    assert 'class="badge provisional"' in body
    assert "2027-02-05" in body  # 除夕, computed


def test_administrator_adds_removes_and_confirms(world: Any) -> None:
    client = _client(world, "admin_user")
    added = client.post(
        reverse("calendar:add_day", args=[2027]), {"date": "2027-02-09", "kind": "holiday", "name": "春节"}
    )
    assert added.status_code == 302
    assert CalendarDay.objects.get(date=dt.date(2027, 2, 9)).kind == DayKind.HOLIDAY
    removed = client.post(reverse("calendar:remove_day", args=[2025]), {"date": "2025-02-08"})
    assert removed.status_code == 302
    assert not CalendarDay.objects.filter(date=dt.date(2025, 2, 8)).exists()
    confirmed = client.post(
        reverse("calendar:confirm_year", args=[2027]), {"notice_reference": "国办发明电〔2026〕9号"}
    )
    assert confirmed.status_code == 302
    coverage = CalendarYear.objects.get(year=2027)
    assert (coverage.status, coverage.entered_by_id) == (YearStatus.OFFICIAL, world.admin_user.pk)
    entries = PendingEntry.objects.filter(event_type__startswith="calendar.", subject_kind="calendar_year")
    assert entries.filter(event_type="calendar.day_added").count() == 1
    assert entries.filter(event_type="calendar.day_removed").count() == 1
    assert entries.filter(event_type="calendar.year_confirmed").count() == 1


@pytest.mark.parametrize(
    ("url", "data", "message"),
    [
        (
            reverse("calendar:add_day", args=[2025]),
            {"date": "2026-01-05", "kind": "holiday", "name": "x"},
            "不在",
        ),
        (
            reverse("calendar:add_day", args=[2025]),
            {"date": "2025-01-28", "kind": "holiday", "name": "春节"},
            "已",
        ),
        (
            reverse("calendar:add_day", args=[2027]),
            {"date": "2027-03-03", "kind": "makeup_workday", "name": "春节"},
            "工作日",
        ),
        (
            reverse("calendar:add_day", args=[2027]),
            {"date": "not a date", "kind": "holiday", "name": "x"},
            "日期",
        ),
        (reverse("calendar:remove_day", args=[2027]), {"date": "2027-03-03"}, "未列"),
        (
            reverse("calendar:confirm_year", args=[2027]),
            {"notice_reference": "国办发明电〔2026〕9号"},
            "节假日",
        ),
    ],
    ids=[
        "outside-year",
        "duplicate",
        "make-up-on-weekday",
        "unparsable-date",
        "remove-unlisted",
        "confirm-empty",
    ],
)
def test_bad_input_shows_a_translated_error_and_writes_nothing(
    world: Any, counts: Counts, url: str, data: dict[str, str], message: str
) -> None:
    before = counts()
    response = _client(world, "admin_user").post(url, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert counts() == before


def test_year_outside_the_calendar_is_not_found(world: Any) -> None:
    assert _client(world, "admin_user").get(reverse("calendar:year", args=[1999])).status_code == 404


@pytest.mark.parametrize("persona", ["officer_user", "outsider_user", "supervisor_user", "admin_user"])
def test_due_date_calculator_is_open_to_signed_in_users(world: Any, persona: str) -> None:
    client = _client(world, persona)
    response = client.get(reverse("calendar:due"), {"start": "2025-09-30", "days": "1", "unit": "working"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "2025-10-09" in body
    assert 'class="badge provisional"' not in body


def test_due_date_calculator_marks_provisional_results(world: Any) -> None:
    response = _client(world, "officer_user").get(
        reverse("calendar:due"), {"start": "2027-02-04", "days": "1", "unit": "working"}
    )
    body = response.content.decode()
    assert "2027-02-11" in body
    assert 'class="badge provisional"' in body


def test_due_date_calculator_sends_the_anonymous_to_sign_in(world: Any) -> None:
    assert _client(world, None).get(reverse("calendar:due"))["Location"].startswith(reverse("accounts:login"))
