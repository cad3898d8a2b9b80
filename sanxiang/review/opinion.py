"""The legal review opinion (法制审核意见书): its context and its text, from which the signed digest is
computed and which the print page and (later) the document service render. Pure reads of a request; never
writes. The document is Chinese by nature (a 文书), so its fixed wording is not translated."""

from __future__ import annotations

from typing import Any

from sanxiang.review.enums import ChecklistItem, Outcome
from sanxiang.review.models import ReviewRequest

OUTCOME_WORDS = {
    Outcome.APPROVED: "同意",
    Outcome.REJECTED: "不同意",
    Outcome.REVISE: "建议修改后再审",
    Outcome.RETURNED: "退回补充材料",
}
ITEM_WORDS = {
    ChecklistItem.SUBJECT: "执法主体是否合法",
    ChecklistItem.QUALIFICATION: "执法人员是否具备执法资格",
    ChecklistItem.AUTHORITY: "是否超越法定权限",
    ChecklistItem.PROCEDURE: "执法程序是否合法",
    ChecklistItem.FACTS: "案件事实是否清楚",
    ChecklistItem.EVIDENCE: "证据是否合法充分",
    ChecklistItem.LAW: "适用法律是否准确",
    ChecklistItem.DISCRETION: "裁量基准运用是否适当",
    ChecklistItem.DOCUMENTS: "执法文书是否完备规范",
    ChecklistItem.CRIME_TRANSFER: "是否涉嫌犯罪需要移送司法机关",
}


def opinion_context(request: ReviewRequest) -> dict[str, Any]:
    """What the opinion says: agency, decision under review, reviewer, checklist rows, outcome, opinion."""
    rows = [
        {
            "item": ITEM_WORDS[item],
            "passed": request.checklist.get(item.value, {}).get("passed"),
            "comment": request.checklist.get(item.value, {}).get("comment", ""),
        }
        for item in ChecklistItem
    ]
    return {
        "agency": request.agency.name,
        "subject": request.subject_label,
        "submitted_on": request.submitted_on.isoformat(),
        "reviewer": request.reviewer.name if request.reviewer else "",
        "qualification": request.reviewer.legal_qualification_number if request.reviewer else "",
        "rows": rows,
        "outcome": OUTCOME_WORDS.get(Outcome(request.status), "") if request.status in Outcome.values else "",
        "opinion": request.opinion,
        "concluded_on": request.concluded_on.isoformat() if request.concluded_on else "",
        "decision_digest": request.decision_digest,
        "package_digest": request.package_digest,
    }


def opinion_text(request: ReviewRequest) -> str:
    """The opinion as plain text; its SHA-256 is what the signature records."""
    c = opinion_context(request)
    lines = [
        f"{c['agency']}",
        "法制审核意见书",
        f"审核事项：{c['subject']}",
        f"送审日期：{c['submitted_on']}",
        f"送审材料摘要：{c['package_digest']}",
        f"拟作决定摘要：{c['decision_digest']}",
        "审核内容：",
    ]
    for row in c["rows"]:
        verdict = {True: "符合", False: "不符合", None: "未审"}[row["passed"]]
        lines.append(f"  {row['item']}：{verdict}" + (f"（{row['comment']}）" if row["comment"] else ""))
    lines += [
        f"审核结论：{c['outcome']}",
        f"审核意见：{c['opinion']}",
        f"审核人员：{c['reviewer']}（法律职业资格证书编号：{c['qualification'] or '无'}）",
        f"审核日期：{c['concluded_on']}",
    ]
    return "\n".join(lines)
