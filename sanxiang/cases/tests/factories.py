"""Factories for parties. They go through the actions, so every row they make is recorded too."""

from __future__ import annotations

from typing import Any

from sanxiang.cases import actions
from sanxiang.cases.enums import PartyKind
from sanxiang.cases.models import Party
from sanxiang.organizations.models import Agency
from sanxiang.records import writer

# Valid identifiers (check characters computed by GB 11643-1999 and GB 32100-2015).
PERSON_ID = "11010519491231002X"
OTHER_PERSON_ID = "140105198001010011"
COMPANY_USCC = "91350100M000100Y43"
SHOP_USCC = "92140105MA0L2B3C4L"


def make_person(agency: Agency, name: str = "赵六", *, id_number: str = PERSON_ID, **facts: Any) -> Party:
    return actions.check_register_party(
        actor=writer.SYSTEM,
        agency=agency,
        kind=PartyKind.PERSON,
        name=name,
        id_number=id_number,
        phone=facts.pop("phone", "13800000000"),
        address=facts.pop("address", "太原市小店区某街1号"),
        **facts,
    )


def make_company(
    agency: Agency, name: str = "山西某建设有限公司", *, uscc: str = COMPANY_USCC, **facts: Any
) -> Party:
    return actions.check_register_party(
        actor=writer.SYSTEM,
        agency=agency,
        kind=PartyKind.ORGANIZATION,
        name=name,
        uscc=uscc,
        representative_name=facts.pop("representative_name", "钱七"),
        representative_post=facts.pop("representative_post", "董事长"),
        address=facts.pop("address", "太原市迎泽区某路2号"),
        **facts,
    )
