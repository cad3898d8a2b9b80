"""The case page plays the case's audio and video (the evidence app's players, given only the case as
subject): readers of the case see a player per recording with a ready access copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from conftest import World
from sanxiang.cases.tests.case_factories import make_desk, open_case
from sanxiang.evidence import access
from sanxiang.evidence.tests.conftest import add_file, make_video


@pytest.mark.parametrize("persona", ["officer", "colleague", "supervisor"])
def test_the_case_page_embeds_players_for_its_recordings(
    client: Client, world: World, settings: object, tmp_path: Path, persona: str
) -> None:
    settings.SANXIANG_EVIDENCE_STORAGE = (tmp_path / "originals").as_uri()  # type: ignore[attr-defined]
    settings.SANXIANG_EVIDENCE_UPLOAD_DIR = str(tmp_path / "uploads")  # type: ignore[attr-defined]
    case = open_case(make_desk(world))
    clip = add_file(
        world, data=make_video(tmp_path / "clip.mp4").read_bytes(), subject=("case", str(case.pk))
    )
    access.build(clip.pk)
    client.force_login(getattr(world, f"{persona}_user"))
    html = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    section = html.split('id="evidence"', 1)[1].split("</section>", 1)[0]
    assert f'data-file="{clip.pk}"' in section
    assert reverse("evidence:copy", args=[clip.pk]) in section
