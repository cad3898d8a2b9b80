"""``sanxiang calendar``: seed the table from the chinese-calendar package, and compute a due date.

sanxiang calendar seed
sanxiang calendar due 2025-09-26 5 --working      # last line: the ISO due date
sanxiang calendar due 2025-09-26 30 --calendar    # a line "provisional" before it when it is
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sanxiang.calendar import deadlines, seed, selectors
from sanxiang.records import writer


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {text!r}") from None


class Command(BaseCommand):
    help = "Seed the working-day calendar, or compute a due date from it."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        commands.add_parser(
            "seed", help="Load every year the chinese-calendar package covers and the table lacks."
        )
        due = commands.add_parser("due", help="The due date N days after START (START not counted).")
        due.add_argument("start", type=_iso_date)
        due.add_argument("n", type=int)
        unit = due.add_mutually_exclusive_group(required=True)
        unit.add_argument("--working", action="store_const", dest="unit", const="working")
        unit.add_argument("--calendar", action="store_const", dest="unit", const="calendar")
        due.add_argument(
            "--no-roll-forward",
            action="store_false",
            dest="roll_forward",
            help="With --calendar: do not move a last day that is not a working day.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["command"] == "seed":
            self._seed()
        else:
            self._due(
                options["start"], options["n"], unit=options["unit"], roll_forward=options["roll_forward"]
            )

    def _seed(self) -> None:
        years = seed.do_seed_from_package(actor=writer.SYSTEM)
        if years:
            self.stdout.write(f"seeded {', '.join(str(year) for year in years)}")
        else:
            self.stdout.write("nothing to seed")

    def _due(self, start: dt.date, n: int, *, unit: str, roll_forward: bool) -> None:
        if n < 0:
            raise CommandError("N must not be negative")
        calendar = selectors.get_working_calendar()
        if unit == "working":
            result = deadlines.add_working_days(start, n, calendar=calendar)
        else:
            result = deadlines.add_calendar_days(start, n, calendar=calendar, roll_forward=roll_forward)
        if result.provisional:
            self.stdout.write("provisional")
        self.stdout.write(result.date.isoformat())
