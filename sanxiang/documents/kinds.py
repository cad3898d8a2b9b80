"""The standard set of enforcement documents (执法文书) as data: each kind's code, Chinese title, document
code for its number (文书代字, blank when the kind is not numbered), the procedures it belongs to, the act
that must have been performed before it can be issued, and whether it is a penalty decision checked against
行政处罚法 第59条. Pure data; never touches the database."""

from __future__ import annotations

from dataclasses import dataclass

PENALTY = ("penalty", "penalty_simple")
LICENSE = ("license",)
PAYING = ("levy", "fee")
COERCION = "coercion"


@dataclass(frozen=True)
class DocumentKind:
    code: str
    title: str  # the title printed on the document; Chinese by nature (文书 are Chinese legal documents)
    number_code: str = ""  # 文书代字, e.g. 罚决 → 晋人防罚决字〔2026〕12号
    procedures: tuple[str, ...] = PENALTY
    requires_act: str = ""  # an act of the case that must precede the issue (the decision for 决定书)
    penalty_decision: bool = False  # checked against 行政处罚法 第59条
    # (procedure, act) pairs replacing ``requires_act`` for a procedure ("" when nothing must precede)
    requires_act_in: tuple[tuple[str, str], ...] = ()

    def required_act(self, procedure_key: str) -> str:
        """The act of ``procedure_key`` that must precede the issue, or ""."""
        return dict(self.requires_act_in).get(procedure_key, self.requires_act)

    @property
    def template_name(self) -> str:
        return f"{self.code}.docx"


KINDS: tuple[DocumentKind, ...] = (
    DocumentKind("case_approval", "立案审批表"),
    DocumentKind("inquiry_record", "询问笔录"),
    DocumentKind("inspection_record", "现场检查笔录", procedures=(*PENALTY, "inspection")),
    DocumentKind("preservation_notice", "先行登记保存通知书", "罚保"),
    DocumentKind("penalty_notice", "行政处罚事先告知书", "罚告"),
    DocumentKind("hearing_notice", "听证告知书", "罚听"),
    DocumentKind("hearing_record", "听证笔录"),
    DocumentKind("discussion_record", "集体讨论记录"),
    DocumentKind("penalty_decision", "行政处罚决定书", "罚决", requires_act="decide", penalty_decision=True),
    DocumentKind("no_penalty_decision", "不予行政处罚决定书", "不罚", requires_act="decide_no_penalty"),
    DocumentKind("service_receipt", "送达回证", procedures=(*PENALTY, *LICENSE, *PAYING, COERCION)),
    # 行政强制法 第35条: the 催告书 opens a coercion case (its service is the act ``serve_demand``); the
    # application (第55条) follows that service.
    DocumentKind(
        "demand_notice", "催告书", "催告", (*PENALTY, COERCION), "serve", requires_act_in=((COERCION, ""),)
    ),
    DocumentKind(
        "enforcement_application",
        "强制执行申请书",
        "强申",
        (*PENALTY, COERCION),
        "serve",
        requires_act_in=((COERCION, "serve_demand"),),
    ),
    DocumentKind("license_acceptance", "行政许可受理通知书", "许受", procedures=LICENSE),
    DocumentKind("license_rejection", "行政许可不予受理通知书", "许不受", procedures=LICENSE),
    DocumentKind("license_supplement", "行政许可补正材料通知书", "许补", procedures=LICENSE),
    DocumentKind("license_grant", "准予行政许可决定书", "许准", procedures=LICENSE),
    DocumentKind("license_refusal", "不予行政许可决定书", "许不准", procedures=LICENSE),
    DocumentKind("payment_notice", "缴款通知书", "缴", procedures=(*PENALTY, *PAYING)),
    DocumentKind("closing_report", "结案报告", procedures=(*PENALTY, *LICENSE, "inspection")),
    # issued by the review engine when a review concludes, not from a case's documents (no procedure)
    DocumentKind("review_opinion", "法制审核意见书", procedures=()),
)
_BY_CODE = {kind.code: kind for kind in KINDS}


def get(code: str) -> DocumentKind:
    return _BY_CODE[code]


def exists(code: str) -> bool:
    return code in _BY_CODE


def for_procedure(procedure_key: str) -> list[DocumentKind]:
    return [kind for kind in KINDS if procedure_key in kind.procedures]
