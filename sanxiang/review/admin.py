"""Django admin for review data: read-only (STYLE 9). No add, change or delete path exists here; every write
goes through ``review.actions`` with its record."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from sanxiang.review.models import Consultation, CrimeTransfer, ReviewRequest, ReviewSetting


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ReviewRequest)
class ReviewRequestAdmin(ReadOnlyAdmin):
    list_display = ("subject_label", "agency", "status", "submitted_on", "due_on", "reviewer")
    list_filter = ("status",)


@admin.register(Consultation)
class ConsultationAdmin(ReadOnlyAdmin):
    list_display = ("request", "kind", "answered_on")


@admin.register(ReviewSetting)
class ReviewSettingAdmin(ReadOnlyAdmin):
    list_display = ("agency", "effective_from", "working_days", "extension_days")


@admin.register(CrimeTransfer)
class CrimeTransferAdmin(ReadOnlyAdmin):
    list_display = ("request", "step", "reported_on", "decide_due_on")
