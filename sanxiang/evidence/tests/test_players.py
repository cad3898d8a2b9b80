"""``{% av_players KIND ID %}``: the players another app's page (the case page) embeds for a subject's audio
and video, scoped to what the requesting user may see, in a fixed number of queries."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from conftest import World
from sanxiang.evidence import access
from sanxiang.evidence.models import EvidenceFile
from sanxiang.evidence.tests.conftest import T0, Store, add_file

TAG = Template('{% load evidence_players %}{% av_players "case" 42 %}')


def _render(user: object) -> str:
    request = RequestFactory().get("/")
    request.user = user  # type: ignore[assignment]
    return TAG.render(Context({"request": request}))


@pytest.fixture
def clips(world: World, store: Store, video: bytes) -> list[EvidenceFile]:
    """Two played videos of case 42, one still without a copy, and one of another case."""
    played = [add_file(world, data=video, start=T0), add_file(world, data=video + b"\0", start=None)]
    for evidence in played:
        access.build(evidence.pk)
    add_file(world, data=video + b"\0\0")  # no copy yet
    add_file(world, data=video + b"\0\0\0", subject=("case", "43"))
    return played


@pytest.mark.parametrize("persona", ["officer_user", "colleague_user", "supervisor_user"])
def test_readers_get_a_player_per_playable_file(
    world: World, clips: list[EvidenceFile], persona: str
) -> None:
    html = _render(getattr(world, persona))
    assert html.count("<video") == 2
    assert all(f'data-file="{clip.pk}"' in html for clip in clips)
    assert 'id="av-players"' in html
    assert "1" in html.split('class="muted"', 1)[1]  # one recording still being prepared


@pytest.mark.parametrize("persona", ["outsider_user", None])
def test_outsiders_and_the_public_get_no_player(
    world: World, clips: list[EvidenceFile], persona: str | None
) -> None:
    html = _render(getattr(world, persona) if persona else AnonymousUser())
    assert "<video" not in html
    assert not any(f'data-file="{clip.pk}"' in html for clip in clips)


def test_the_players_cost_the_same_queries_whatever_the_files(
    world: World, store: Store, clips: list[EvidenceFile], video: bytes
) -> None:
    with CaptureQueriesContext(connection) as before:
        _render(world.officer_user)
    extra = add_file(world, data=video + b"\1")
    access.build(extra.pk)
    with CaptureQueriesContext(connection) as after:
        html = _render(world.officer_user)
    assert html.count("<video") == 3
    assert len(after.captured_queries) == len(before.captured_queries)
