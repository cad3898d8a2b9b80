"""Management forms for administrators: officers, certificates, training and role grants."""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
