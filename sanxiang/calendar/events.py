"""Record-log event types owned by the calendar. Imported from ``CalendarConfig.ready``."""

from django.utils.translation import gettext_lazy as _

from sanxiang.records import registry

DAY_ADDED = registry.register(
    "calendar.day_added",
    "A holiday or make-up working day was added to the working-day calendar.",
    {"date": "date", "kind": "str", "name": "str"},
    label=_("Calendar day added"),
)
DAY_REMOVED = registry.register(
    "calendar.day_removed",
    "A holiday or make-up working day was removed from the working-day calendar.",
    {"date": "date", "kind": "str", "name": "str"},
    label=_("Calendar day removed"),
)
YEAR_CONFIRMED = registry.register(
    "calendar.year_confirmed",
    "An administrator marked a year's holiday schedule official, citing the State Council notice.",
    {"year": "int", "notice": "str", "holidays": "int", "makeup_workdays": "int"},
    label=_("Holiday schedule confirmed"),
)
YEAR_SEEDED = registry.register(
    "calendar.year_seeded",
    "A year's holiday schedule was loaded from the chinese-calendar package.",
    {"year": "int", "package_version": "str", "holidays": "int", "makeup_workdays": "int"},
    label=_("Holiday schedule loaded"),
)
