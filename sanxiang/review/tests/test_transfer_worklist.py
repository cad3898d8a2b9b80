"""The suspected-crime transfer's timers on the home page (行政执法机关移送涉嫌犯罪案件的规定 第5条, 第12条):
amber on a step's last day and the day before, red past it, nothing while there is time or once the transfer
is refused or handed over; shown to who acts on the step (the head decides; the agency's officers transfer
and hand over), never to the outsider, the supervisor above or the anonymous public."""

from __future__ import annotations

import datetime as dt
from contextlib import AbstractContextManager

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.test import Client

from conftest import PASSWORD
from sanxiang.core import clock
from sanxiang.review import transfer
from sanxiang.review.models import CrimeTransfer
from sanxiang.review.registrations import transfer_items
from sanxiang.review.tests.conftest import Office
from sanxiang.review.tests.test_transfer import CONCLUDED, _flagged


def _at(day: dt.date) -> AbstractContextManager[None]:
    return clock.frozen_now(dt.datetime.combine(day, dt.time(1), tzinfo=dt.UTC))


def _titles(user: AbstractBaseUser | AnonymousUser) -> list[tuple[str, str]]:
    return [(item.title, item.severity) for item in transfer_items(user)]


def test_article_5_the_heads_decision_turns_amber_then_red(office: Office) -> None:
    """Reported on the 26th: decide by the 29th (3 days) — green on the 27th, amber on the 28th and 29th,
    red from the 30th."""
    with _at(CONCLUDED + dt.timedelta(days=1)):
        _flagged(office)
        assert _titles(office.head_user) == []
    for days, severity in ((2, "warning"), (3, "warning"), (4, "danger")):
        with _at(CONCLUDED + dt.timedelta(days=days)):
            [(title, shown)] = _titles(office.head_user)
            assert (shown, "2026-08-29" in title, "Decide" in title) == (severity, True, True)


def test_the_decision_is_the_heads_the_later_steps_the_officers(office: Office) -> None:
    with _at(CONCLUDED + dt.timedelta(days=4)):
        row = _flagged(office)
        assert _titles(office.world.officer_user) == []  # 第5条: the head decides
        assert _titles(office.reviewer_user) == []
        row = transfer.check_decide_transfer(
            row, actor_user=office.head_user, approve=True, reason="", on=CONCLUDED + dt.timedelta(days=3)
        )
        # approved on the 29th: transfer within 24 hours, by the 30th, which is today
        for user in (office.world.officer_user, office.head_user):
            [(title, severity)] = _titles(user)
            assert ("public security organ" in title, severity) == (True, "warning")


def test_no_item_once_refused_or_handed_over(office: Office) -> None:
    with _at(CONCLUDED + dt.timedelta(days=3)):
        row = _flagged(office)
        transfer.check_decide_transfer(
            row, actor_user=office.head_user, approve=False, reason="情节轻微", on=CONCLUDED
        )
    with _at(CONCLUDED + dt.timedelta(days=30)):
        assert _titles(office.head_user) == []
        assert CrimeTransfer.objects.get().step == "not_approved"


def test_outsiders_see_nothing(office: Office) -> None:
    with _at(CONCLUDED + dt.timedelta(days=10)):
        _flagged(office)
        assert _titles(office.head_user)  # red for the head
        world = office.world
        for user in (world.outsider_user, world.supervisor_user, AnonymousUser()):
            assert _titles(user) == []


def test_the_home_page_shows_the_red_timer_to_the_head(office: Office) -> None:
    with _at(CONCLUDED + dt.timedelta(days=10)):
        link = f'href="/review/{_flagged(office).request_id}/"'  # the concluded review: only its transfer
        head, outsider = Client(), Client()
        head.login(username="head", password=PASSWORD)
        outsider.login(username="outsider", password=PASSWORD)
        assert link in head.get("/").content.decode()
        assert link not in outsider.get("/").content.decode()
