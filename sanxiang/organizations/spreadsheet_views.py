"""Excel import and export of officers."""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
