"""The default publication rules (agency empty: every agency until it sets its own), effective 2019-01-01
(国办发〔2018〕118号 took effect on issue, 2018-12-05; the first full year). Data, not code: agencies override
them with their own rows from a later date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import migrations

START = dt.date(2019, 1, 1)
RULES = [
    # kind, working days to publish, months on the public list, basis
    ("penalty", 7, 36, "国办发〔2018〕118号（7个工作日）；行政处罚法 第48条；发改办财金〔2019〕527号（最长3年）"),
    ("license", 7, 36, "国办发〔2018〕118号（7个工作日）；行政许可法 第40条"),
    ("levy", 20, 36, "国办发〔2018〕118号（20个工作日）；政府信息公开条例 第26条"),
    ("fee", 20, 36, "国办发〔2018〕118号（20个工作日）；政府信息公开条例 第26条"),
    ("coercion", 20, 36, "国办发〔2018〕118号（20个工作日）；政府信息公开条例 第26条"),
    ("inspection", 20, 36, "国办发〔2018〕118号；国发〔2015〕58号（检查结果20个工作日内公开）"),
]


def add(apps: Any, schema_editor: Any) -> None:
    rule = apps.get_model("publicity", "PublicationRule")
    for kind, days, months, basis in RULES:
        rule.objects.get_or_create(
            agency=None,
            kind=kind,
            effective_from=START,
            defaults={"due_working_days": days, "display_months": months, "publish_ordinary": True,
                      "publish_simple": False, "basis": basis},
        )


def remove(apps: Any, schema_editor: Any) -> None:
    apps.get_model("publicity", "PublicationRule").objects.filter(agency=None, effective_from=START).delete()


class Migration(migrations.Migration):
    dependencies = [("publicity", "0002_search")]

    operations = [migrations.RunPython(add, remove)]
