"""The timeline selector: a subject's events in log order, with index, pending ones last and marked."""

from __future__ import annotations

import pytest

from sanxiang.records import integrator, selectors
from sanxiang.records.tests.helpers import append


@pytest.mark.django_db
def test_timeline_lists_integrated_then_pending_events_of_one_subject() -> None:
    """Only the subject's events, integrated ones by index, then the pending one without an index."""
    append(1, subject_id="7")
    append(2, subject_id="8")
    append(3, subject_id="7")
    integrator.integrate()
    append(4, subject_id="7")
    items = selectors.timeline("thing", 7)
    assert [(item.index, item.pending, item.data["n"]) for item in items] == [
        (0, False, 1),
        (2, False, 3),
        (None, True, 4),
    ]
    assert items[0].event_type == "test.thing"
    assert items[0].actor == {"user": None, "officer": None, "certificate": None}


@pytest.mark.django_db
def test_timeline_of_an_unknown_subject_is_empty() -> None:
    """A subject without events has an empty timeline."""
    assert selectors.timeline("thing", "nothing") == []
