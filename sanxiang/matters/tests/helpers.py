"""Test helpers: counting every table of the matters app and the record outbox, so that a refused action can
be shown to have written nothing."""

from __future__ import annotations

from django.apps import apps

from sanxiang.records.models import PendingEntry


def table_counts() -> dict[str, int]:
    counts = {
        model.__name__: model._default_manager.count()
        for model in apps.get_app_config("matters").get_models()
    }
    counts["PendingEntry"] = PendingEntry.objects.count()
    return counts
