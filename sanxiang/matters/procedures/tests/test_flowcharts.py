"""The levy, fee and coercion procedures draw as the matter's flowchart (事前公开, R-PUB-01): every stage, and
the court window in months (行政强制法 第53条). Pure."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from sanxiang.matters import procedures
from sanxiang.matters.flowchart import render_svg


@pytest.mark.parametrize("key", ["levy", "fee", "coercion"])
def test_new_procedures_draw_every_stage(key: str) -> None:
    procedure = procedures.get(key)
    with translation.override("en"):
        svg = render_svg(procedure)
        text = " ".join(ET.fromstring(svg).itertext())  # noqa: S314 - our own output
        for stage in procedure.stages:
            assert str(stage.label) in text
    if key == "coercion":
        assert "3 months" in text
