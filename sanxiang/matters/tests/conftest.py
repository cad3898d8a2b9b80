"""The matters tests run on 1 June 2026 (Asia/Shanghai): drafts in them take effect from 1 July 2026.
Messages of actions are checked in English, independent of the default interface language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.utils import translation

from sanxiang.core import clock
from sanxiang.organizations.enums import AgencyLevel
from sanxiang.organizations.models import Agency
from sanxiang.organizations.tests import factories

TODAY = dt.date(2026, 6, 1)


@pytest.fixture(autouse=True)
def frozen_today() -> Iterator[None]:
    """Today is 1 June 2026; actions speak English unless a test asks otherwise (pages follow the request)."""
    with clock.frozen_now(dt.datetime(2026, 6, 1, 10, 0, tzinfo=clock.SHANGHAI)), translation.override("en"):
        yield


@dataclass
class Places:
    """The agency tree of the shared ``world`` fixture without its people: for tests of actions, which need
    agencies but no logins (much faster than ``world``)."""

    province: Agency
    taiyuan: Agency
    xiaodian: Agency
    datong: Agency


@pytest.fixture
def places(db: None) -> Places:
    province = factories.make_agency(
        "山西省人民防空办公室", level=AgencyLevel.PROVINCE, short_name="省人防办"
    )
    taiyuan = factories.make_agency(
        "太原市人民防空办公室", level=AgencyLevel.CITY, parent=province, short_name="太原市人防办"
    )
    xiaodian = factories.make_agency(
        "小店区人民防空办公室", level=AgencyLevel.COUNTY, parent=taiyuan, short_name="小店区人防办"
    )
    datong = factories.make_agency(
        "大同市人民防空办公室", level=AgencyLevel.CITY, parent=province, short_name="大同市人防办"
    )
    return Places(province=province, taiyuan=taiyuan, xiaodian=xiaodian, datong=datong)
