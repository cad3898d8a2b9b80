"""The 双公示 data items of a decision and the served document built from them: the items as decided
(internal), their masked form (published) and the canonical text whose SHA-256 is recorded. Pure functions
over plain values; this module never touches the database."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from sanxiang.publicity.masking import Known, mask_number, mask_text

# The 双公示 data items in their published order (DOMAIN R-PUB-13; 统计局 rule), Chinese by nature.
ITEMS: tuple[tuple[str, str], ...] = (
    ("party_name", "相对人名称"),
    ("credit_code", "统一社会信用代码"),
    ("representative", "法定代表人"),
    ("document_number", "决定书文号"),
    ("facts", "违法事实"),
    ("category", "处罚类别"),
    ("basis", "依据"),
    ("content", "内容"),
    ("result", "结果"),
    ("decided_on", "决定日期"),
    ("period", "公示期限"),
    ("agency", "执法机关"),
)
STATE_LABEL = "当前状态"  # computed from the status when shown, never part of the digested document
# The state as the open-data layout writes it: a data format, the same in every interface language.
STATE_NAMES = {
    "draft": "草稿",
    "approved": "已审核",
    "published": "正常",
    "corrected": "已更正",
    "withdrawn": "已撤回",
    "expired": "已到期",
    "excluded": "不予公开",
}
FREE_TEXT = ("facts", "content", "result")


@dataclass(frozen=True)
class PartyFacts:
    name: str
    is_person: bool
    identifier: str  # credit code of an organisation / business, identity number of a person
    representative: str
    private: tuple[str, ...]  # a person's phone, addresses and electronic address


def masked_items(items: Mapping[str, str], *, party: PartyFacts, known: Known) -> dict[str, str]:
    """The items as published: free text masked; a person's identity number masked (an organisation's
    credit code and legal representative are public, 企业信息公示暂行条例 第7条)."""
    masked = dict(items)
    for key in FREE_TEXT:
        masked[key] = mask_text(items.get(key, ""), known)
    if party.is_person:
        masked["credit_code"] = mask_number(party.identifier) if party.identifier else ""
        masked["party_name"] = mask_text(items["party_name"], Known(terms=known.terms))
    return masked


def render(items: Mapping[str, str]) -> str:
    """The canonical served text: one "label：value" line per item, in the published order, UTF-8."""
    return "".join(f"{label}：{items.get(key, '')}\n" for key, label in ITEMS)


def sha256(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def search_text(items: Mapping[str, str]) -> str:
    """What the portal searches: the published items only (never the unmasked ones)."""
    return " ".join(items.get(key, "") for key, _label in ITEMS)
