"""Seed the holiday table from the chinese-calendar package, so that a fresh database counts working days
officially for every year the package covers (2004–2026 with version 1.11.0).

Runs with historical models. Each seeded year gets its ``calendar.year_seeded`` record-log entry, written here
in the log's version-1 entry form with the system as actor (the migration cannot use ``records.writer``, which
works on the current model, not the historical one). Reversing deletes only seeded rows and writes nothing.
"""

from django.db import migrations

from sanxiang.calendar import seed
from sanxiang.core import clock
from sanxiang.records import canonical


def forwards(apps, schema_editor):
    day_model = apps.get_model("calendar", "CalendarDay")
    year_model = apps.get_model("calendar", "CalendarYear")
    pending = apps.get_model("records", "PendingEntry")

    def record(schedule):
        entry = {
            "v": 1,
            "type": "calendar.year_seeded",
            "time": clock.now().isoformat(),
            "agency": None,
            "actor": {"user": None, "officer": None, "certificate": None},
            "subject": {"kind": "calendar_year", "id": str(schedule.year)},
            "data": seed.seeded_event_data(schedule),
        }
        pending.objects.create(
            event_type="calendar.year_seeded", body=canonical.dumps(entry),
            subject_kind="calendar_year", subject_id=str(schedule.year),
        )

    seed.seed_missing_years(day_model, year_model, record)


def backwards(apps, schema_editor):
    apps.get_model("calendar", "CalendarDay").objects.filter(source="seeded").delete()
    apps.get_model("calendar", "CalendarYear").objects.filter(source="seeded").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("calendar", "0001_initial"),
        ("records", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
