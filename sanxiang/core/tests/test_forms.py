"""The shared date widget keeps the ISO value the browser's date picker reads, whatever the language."""

from __future__ import annotations

import datetime as dt

from django.utils import translation

from sanxiang.core.forms import DateInput


def test_the_date_widget_renders_iso_under_chinese() -> None:
    with translation.override("zh-hans"):
        html = DateInput().render("on", dt.date(2026, 11, 27))
    assert 'type="date"' in html
    assert 'value="2026-11-27"' in html


def test_the_date_widget_keeps_extra_attributes() -> None:
    html = DateInput(attrs={"min": "2026-01-01"}).render("on", None)
    assert 'min="2026-01-01"' in html
    assert 'type="date"' in html
