"""Event-type labels: every type an app declares has a translated label, and pages fall back sensibly."""

from __future__ import annotations

from django.utils import translation

from sanxiang.records import registry


def _declared() -> list[registry.EventType]:
    """The types the apps declare (tests and benchmarks register their own, unlabelled ones)."""
    return [t for t in registry.all_types() if not t.code.startswith(("test.", "bench."))]


def test_every_declared_event_type_has_a_label() -> None:
    unlabelled = [t.code for t in _declared() if t.label is None]
    assert not unlabelled
    assert len(_declared()) > 50  # every app's events.py was imported


def test_every_label_is_translated_into_chinese() -> None:
    with translation.override("en"):
        english = {t.code: str(t.label) for t in _declared()}
    with translation.override("zh-hans"):
        chinese = {t.code: str(t.label) for t in _declared()}
    untranslated = [code for code in english if chinese[code] == english[code]]
    assert not untranslated
    assert chinese["case.registered"] == "立案"


def test_label_falls_back_to_the_description_then_the_code() -> None:
    with translation.override("zh-hans"):
        assert registry.label("agency.updated") == "变更执法机关信息"
    unlabelled = registry.EventType(code="x.y", description="An unlabelled event.")
    assert unlabelled.display() == "An unlabelled event."
    assert registry.label("no.such.event") == "no.such.event"
