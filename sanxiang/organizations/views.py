"""Pages for agencies and officers inside the platform. Thin: every fetch goes through jurisdiction.access_*."""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
