"""Choices for the working-day calendar. Values are stored in the database and written into record entries."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class DayKind(models.TextChoices):
    HOLIDAY = "holiday", _("Holiday")
    MAKEUP_WORKDAY = "makeup_workday", _("Make-up working day")


class DaySource(models.TextChoices):
    SEEDED = "seeded", _("Seeded from the chinese-calendar package")
    ADMINISTRATOR = "administrator", _("Entered by an administrator")


class YearStatus(models.TextChoices):
    """A year is *official* once its State Council notice (国务院办公厅 放假安排) is entered; until then every
    result that counts a day of that year is *provisional*."""

    OFFICIAL = "official", _("Official")
    PROVISIONAL = "provisional", _("Provisional")
