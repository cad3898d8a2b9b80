"""The editor's desk over HTTP with the five personas: the officer (publicity editor of 太原) acts; the
colleague of 太原 reads but may not act (403); the outsider of 大同 gets 404 as for a missing publication;
the supervisor of the province reads; the anonymous public is sent to the login page. Drafts never show on
the portal."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from sanxiang.accounts.worklist import items_for
from sanxiang.cases.tests.case_factories import Desk
from sanxiang.core import clock
from sanxiang.publicity.enums import PublicationStatus
from sanxiang.publicity.models import Publication
from sanxiang.publicity.tests.helpers import decided_penalty, draft_of, published

READERS = ("officer_user", "colleague_user", "supervisor_user")


@pytest.fixture
def draft(desk: Desk) -> Publication:
    return draft_of(decided_penalty(desk, parties=[desk.person]))


def _pages(publication: Publication) -> list[str]:
    return [
        reverse("publications:desk"),
        reverse("publications:publication", args=[publication.pk]),
        reverse("publications:pushes"),
    ]


@pytest.mark.parametrize("persona", READERS)
def test_officer_colleague_and_supervisor_read_the_desk(
    client: Client, desk: Desk, draft: Publication, persona: str
) -> None:
    client.force_login(getattr(desk.world, persona))
    for url in _pages(draft):
        assert client.get(url).status_code == 200
    page = client.get(reverse("publications:publication", args=[draft.pk])).content.decode()
    assert 'id="side-by-side"' in page
    assert "11010519491231002X" in page  # the editor sees the original beside the masked text
    assert "1101**********002X" in page
    assert ('id="editor-acts"' in page) is (persona == "officer_user")


def test_the_outsider_gets_404_and_sees_nothing(client: Client, desk: Desk, draft: Publication) -> None:
    client.force_login(desk.world.outsider_user)
    assert client.get(reverse("publications:publication", args=[draft.pk])).status_code == 404
    assert client.post(reverse("publications:act", args=[draft.pk, "clear"])).status_code == 404
    assert f'data-publication="{draft.pk}"' not in client.get(reverse("publications:desk")).content.decode()


def test_the_anonymous_public_is_sent_to_login(client: Client, draft: Publication) -> None:
    for url in [*_pages(draft), reverse("publications:act", args=[draft.pk, "clear"])]:
        response = client.get(url) if not url.endswith("clear/") else client.post(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("persona", ["colleague_user", "supervisor_user"])
def test_readers_may_not_act(client: Client, desk: Desk, draft: Publication, persona: str) -> None:
    client.force_login(getattr(desk.world, persona))
    assert client.post(reverse("publications:act", args=[draft.pk, "clear"])).status_code == 403
    draft.refresh_from_db()
    assert draft.confidentiality_digest == ""


def test_the_editor_masks_clears_approves_and_publishes(
    client: Client, desk: Desk, draft: Publication
) -> None:
    client.force_login(desk.world.officer_user)

    def act(name: str, **data: str) -> int:
        return int(client.post(reverse("publications:act", args=[draft.pk, name]), data).status_code)

    assert act("approve") == 400  # 保密审查 first: the refusal is shown, nothing changes
    assert act("mask", terms="防空") == 302
    assert act("clear") == 302
    assert act("approve") == 302
    assert act("publish") == 302
    draft.refresh_from_db()
    assert draft.status == PublicationStatus.PUBLISHED
    assert client.get(reverse("publicity:decision", args=[draft.pk])).status_code == 200


def test_a_refusal_is_shown_on_the_page(client: Client, desk: Desk, draft: Publication) -> None:
    client.force_login(desk.world.officer_user)
    response = client.post(reverse("publications:act", args=[draft.pk, "approve"]))
    assert response.status_code == 400
    assert 'id="refusal"' in response.content.decode()


def test_an_unknown_act_is_404(client: Client, desk: Desk, draft: Publication) -> None:
    client.force_login(desk.world.officer_user)
    assert client.post(reverse("publications:act", args=[draft.pk, "delete"])).status_code == 404


def test_amber_and_red_drafts_are_work_items_of_the_editor(desk: Desk, draft: Publication) -> None:
    """118号 / R-PUB-07: due 2026-08-31 — green on 08-21, amber on 08-27 (2 working days left),
    red on 09-01."""
    editor = desk.world.officer_user
    assert not [i for i in items_for(editor) if i.url == f"/publications/{draft.pk}/"]
    with clock.frozen_now(dt.datetime(2026, 8, 27, 2, tzinfo=dt.UTC)):
        (item,) = [i for i in items_for(editor) if i.url == f"/publications/{draft.pk}/"]
        assert item.severity == "warning"
    with clock.frozen_now(dt.datetime(2026, 9, 1, 2, tzinfo=dt.UTC)):
        (item,) = [i for i in items_for(editor) if i.url == f"/publications/{draft.pk}/"]
        assert item.severity == "danger"
    assert not [i for i in items_for(desk.world.colleague_user) if i.url == f"/publications/{draft.pk}/"]


def test_a_withdrawal_due_is_a_work_item(desk: Desk) -> None:
    """行政处罚法 第48条 第2款: changed on Fri 08-21, withdraw by Wed 08-26; amber on Mon 08-24."""
    from sanxiang.publicity import actions

    publication = published(desk)
    actions.check_open_withdrawal(
        publication, actor_user=desk.world.officer_user, ground="changed", ground_on=dt.date(2026, 8, 21)
    )
    with clock.frozen_now(dt.datetime(2026, 8, 24, 2, tzinfo=dt.UTC)):
        url = f"/publications/{publication.pk}/"
        items = [i for i in items_for(desk.world.officer_user) if i.url == url]
    assert [i.severity for i in items] == ["warning"]
    assert "2026-08-26" in items[0].title


def test_the_desk_list_needs_a_bounded_number_of_queries(
    client: Client, desk: Desk, django_assert_max_num_queries: Any
) -> None:
    for _ in range(4):
        decided_penalty(desk)
    client.force_login(desk.world.officer_user)
    with django_assert_max_num_queries(16):
        assert client.get(reverse("publications:desk")).status_code == 200
