"""``sanxiang demo``: load the Shanxi demo into the configured database (idempotent) and print the logins."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from sanxiang.demo import loader
from sanxiang.organizations.models import Agency


class Command(BaseCommand):
    help = "Load the Shanxi demonstration data (idempotent) and print one login per role."

    def handle(self, *args: Any, **options: Any) -> None:
        passwords = loader.load(self.stdout.write)
        self.stdout.write("")
        self.stdout.write("Demo logins (username / password):")
        agencies = dict(Agency.objects.values_list("code", "short_name"))
        for login in loader.LOGINS:
            seat = f"{agencies[login.division]} · {login.role.label} · {login.display_name}"
            self.stdout.write(f"  {login.username:<16} {passwords[login.username]:<20} {seat}")
        self.stdout.write("Open http://127.0.0.1:8000/ and sign in.")
