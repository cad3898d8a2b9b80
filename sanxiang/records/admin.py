"""Django admin for the record log: read-only views of the head, entries, checkpoints, cosignatures
and witnessed logs. No add, change or
delete path exists here (the first of the log's three levels of append-only protection)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from sanxiang.records.models import Checkpoint, Cosignature, Entry, Log, WitnessedLog


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Log)
class LogAdmin(ReadOnlyAdmin):
    list_display = ("origin", "hash_algorithm", "size", "created_at")


@admin.register(Entry)
class EntryAdmin(ReadOnlyAdmin):
    list_display = ("index", "event_type", "subject_kind", "subject_id", "recorded_at")
    list_filter = ("event_type", "subject_kind")
    search_fields = ("=subject_id",)
    exclude = ("body", "leaf_hash")


@admin.register(Checkpoint)
class CheckpointAdmin(ReadOnlyAdmin):
    list_display = ("size", "created_at")
    exclude = ("root",)


@admin.register(Cosignature)
class CosignatureAdmin(ReadOnlyAdmin):
    list_display = ("witness", "checkpoint", "signed_at")


@admin.register(WitnessedLog)
class WitnessedLogAdmin(ReadOnlyAdmin):
    list_display = ("origin", "size", "updated_at")
    exclude = ("root",)
