"""The demo shows licensing, inspection, levy and coercion cases in various stages, some overdue: an
inspection referred into a penalty case, a 易地建设费 levy in arrears enforced through the court (行政强制法
第53条), an unpaid fine whose 加处罚款 is being enforced (行政处罚法 第72条)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from sanxiang.cases.models import Case, CaseLimit, Enforcement, LimitState
from sanxiang.core import clock

pytestmark = pytest.mark.django_db


def _stages(key: str) -> set[str]:
    return set(Case.objects.filter(procedure_key=key).values_list("stage", flat=True))


def test_demo_has_every_kind_of_case_in_several_stages_some_overdue() -> None:
    call_command("demo", stdout=StringIO())
    assert {"accepted", "examined", "issued"} <= _stages("license")
    assert {"approved", "referred"} <= _stages("inspection")
    assert {"assessed", "demanded", "in_arrears", "closed", "referred"} <= _stages("levy")
    assert {"ruled", "demanded"} <= _stages("coercion")
    referred = Case.objects.get(procedure_key="inspection", stage="referred")
    assert referred.referrals.get().procedure_key == "penalty"
    assert Enforcement.objects.filter(case__origin__procedure_key="levy").exists()
    assert Enforcement.objects.filter(case__origin__procedure_key="penalty", principal_fen__gt=0).exists()
    overdue = CaseLimit.objects.filter(state=LimitState.OPEN, due_on__lt=clock.today())
    assert {"decide", "pay", "perform"} <= set(overdue.values_list("code", flat=True))
