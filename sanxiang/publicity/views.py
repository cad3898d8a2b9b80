"""The public portal. Anonymous; shows only what the law requires to be public."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def portal_home(request: HttpRequest) -> HttpResponse:
    return render(request, "publicity/home.html")
