"""The "enter once" context of a case's documents: everything entered once on the case — its agency, parties,
facts, evidence, the legal bases its matter cites, amounts, dates, officers — in the names the templates use
(``{{ party_name }}``, ``{{ facts }}``…). Every document of the case is filled from here, so nothing is typed
twice. Reads only; never writes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sanxiang.cases.documents.amounts import upper_case, yuan_text
from sanxiang.cases.engine import levy_facts
from sanxiang.cases.engine.acts import context as guard_context
from sanxiang.cases.engine.guards import refusals
from sanxiang.cases.enums import PartyKind
from sanxiang.cases.models import Assessment, Case, Enforcement, Party
from sanxiang.documents import kinds
from sanxiang.documents.selectors import documents_of
from sanxiang.evidence.models import EvidenceFile
from sanxiang.matters import procedures
from sanxiang.matters.enums import ReliefKind
from sanxiang.organizations.selectors import certificate_on

# Documents of the case that are themselves evidence (笔录), listed with the evidence files.
RECORD_KINDS = ("inspection_record", "inquiry_record", "hearing_record")
DEFAULT_COURT = "有管辖权的人民法院"
DEFAULT_RECONSIDERATION = "本级人民政府"


def chinese_date(day: dt.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def case_context(case: Case, *, on: dt.date) -> dict[str, Any]:
    """The context of any document of ``case`` issued on ``on``."""
    party = case.parties.order_by("pk").first()
    amount = case.decided_fen if case.decided_fen is not None else case.proposed_fen
    due = amount if amount is not None else assessed_fen(case, on=on)
    return {
        **_agency(case),
        **_party(party),
        "case_number": case.number,
        "matter_name": case.matter.name,
        "facts": "\n".join(text for text in (case.facts, case.new_facts) if text),
        "evidence": evidence_list(case),
        "legal_bases": legal_bases(case),
        "penalty": penalty_text(amount),
        "amount_yuan": yuan_text(due) if due is not None else "",
        "amount_words": upper_case(due) if due is not None else "",
        "performance": performance_text(case) if amount else "",
        **payment_context(case, on=on),
        "officers": officers_text(case, on=on),
        "registered_on": chinese_date(case.registered_on),
        "violation_on": chinese_date(case.violation_on),
        "decided_on": chinese_date(case.decided_on),
        "issued_on": chinese_date(on),
        "decision_number": _decision_number(case),
        "hearing_right": has_hearing_right(case, on=on),
    }


def has_hearing_right(case: Case, *, on: dt.date) -> bool:
    """Whether the notice tells the party of its right to a hearing: the engine's threshold guard
    (行政处罚法 第63条, the agency's 较大数额) evaluated for the case."""
    procedure = procedures.get(case.procedure_key)
    return not refusals(("hearing_right",), guard_context(case, procedure, "hearing", on, {}))


def _agency(case: Case) -> dict[str, str]:
    agency = case.agency
    channels = dict(case.matter.relief_channels.values_list("kind", "body"))
    return {
        "agency_name": agency.name,
        "agency_address": agency.address,
        # 行政复议法 (2023) 第24条: the people's government at the agency's level hears reconsideration of
        # its departments' acts, unless the matter's catalogue entry names another body.
        "reconsideration_body": channels.get(ReliefKind.RECONSIDERATION) or DEFAULT_RECONSIDERATION,
        "court": channels.get(ReliefKind.LITIGATION) or DEFAULT_COURT,
    }


def _party(party: Party | None) -> dict[str, str]:
    if party is None:
        return {"party_name": "", "party_address": "", "party_identifier": "", "party_representative": ""}
    return {
        "party_name": party.name,
        "party_kind": str(PartyKind(party.kind).label),
        "party_identifier": party.uscc or party.id_number,
        "party_representative": party.representative_name,
        "party_address": party.service_address or party.address,
        "service_address": party.service_address or party.address,
        "party_phone": party.phone,
    }


def evidence_list(case: Case) -> list[str]:
    """The case's evidence files and its 笔录 documents, in the order they were taken."""
    files = EvidenceFile.objects.filter(subject_kind="case", subject_id=str(case.pk)).order_by("pk")
    items = [f"{file.filename or file.step}（{file.step}）" for file in files]
    records = documents_of("case", str(case.pk)).filter(kind__in=RECORD_KINDS)
    items.extend(f"{document.title}（{chinese_date(document.issued_on)}）" for document in records)
    return items


def legal_bases(case: Case) -> str:
    articles = case.matter.articles.select_related("law").order_by("law__title", "ordinal", "paragraph")
    return "、".join(f"《{article.law.title}》{article.number}" for article in articles)


def penalty_text(amount: int | None) -> str:
    if amount is None:
        return ""
    return f"罚款人民币{yuan_text(amount)}元（大写：{upper_case(amount)}）"


def performance_text(case: Case) -> str:
    """行政处罚法 第67条 (pay within 15 days, 罚缴分离) and 第72条 (3 % a day late). The period comes from
    the procedure's PAY limit, never typed here."""
    procedure = procedures.get(case.procedure_key)
    days = next((limit.days for limit in procedure.limits if limit.code == "pay"), None)
    if days is None:
        return ""
    return (
        f"请自收到本决定书之日起{days}日内，持本决定书到指定银行或者通过电子支付系统缴纳罚款"
        "（《中华人民共和国行政处罚法》第六十七条）。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款"
        "（第七十二条）。"
    )


def assessed_fen(case: Case, *, on: dt.date) -> int | None:
    """The amount a levy or fee assessment (核定) fixed, or what a coercion case demands on ``on``: the
    principal and the late charge accrued (行政强制法 第35条 (三), 第45条); None when neither exists."""
    assessment = Assessment.objects.filter(case_id=case.pk).first()
    if assessment is not None:
        return assessment.amount_fen
    enforcement = Enforcement.objects.filter(case_id=case.pk).first()
    return levy_facts.owed_on_enforcement(enforcement, on=on).total_fen if enforcement is not None else None


def payment_context(case: Case, *, on: dt.date) -> dict[str, str]:
    """What a payment notice (缴款通知书) states besides the amount: the item, the period from the
    procedure's PAY limit (行政处罚法 第67条 第3款) and the late-charge standard told to the party (行政强制法
    第45条): 3 % a day for a fine (行政处罚法 第72条), the agency's rate in force for a levy or fee."""
    procedure = procedures.get(case.procedure_key)
    days = next((limit.days for limit in procedure.limits if limit.code == "pay"), None)
    if days is None:
        return {"payment_item": "", "payment_period": "", "late_charge": ""}
    penalty = case.procedure_key.startswith("penalty")
    rate = levy_facts.late_rate(case, on=on)
    if penalty:
        late = (
            f"到期不缴纳罚款的，每日按罚款数额的百分之{rate // 100}加处罚款，加处罚款的数额不超出罚款的数额"
            "（《中华人民共和国行政处罚法》第七十二条、《中华人民共和国行政强制法》第四十五条）。"
        )
    elif rate:
        late = (
            f"逾期不缴纳的，自缴款期限届满之次日起，每日按应缴金额的万分之{rate}加收滞纳金，滞纳金的数额不超出"
            "应缴金额（《中华人民共和国行政强制法》第四十五条）。"
        )
    else:
        late = (
            "逾期不缴纳的，本机关将依法催告，并依照《中华人民共和国行政强制法》第五十三条、第五十四条"
            "申请人民法院强制执行。"
        )
    return {
        "payment_item": "罚款" if penalty else case.matter.name,
        "payment_period": f"自收到{'行政处罚决定书' if penalty else '本通知书'}之日起{days}日内",
        "late_charge": late,
    }


def officers_text(case: Case, *, on: dt.date) -> str:
    names = []
    for assignment in case.assignments.select_related("officer").order_by("officer__name"):
        certificate = certificate_on(assignment.officer, on)
        suffix = f"（执法证号：{certificate.number}）" if certificate else ""
        names.append(f"{assignment.officer.name}{suffix}")
    return "、".join(names)


def _decision_number(case: Case) -> str:
    decision = (
        documents_of("case", str(case.pk))
        .filter(kind__in=[kind.code for kind in kinds.KINDS if kind.penalty_decision])
        .order_by("-issued_at")
        .first()
    )
    return decision.number if decision else ""
