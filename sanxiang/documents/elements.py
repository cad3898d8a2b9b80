"""The content check of the documents whose elements the law lists: a template must carry every element, or
it is refused with a message naming the missing element and its article; an issued document must have each
element's values filled in.

- 行政处罚决定书, 行政处罚法 第59条: (一) 当事人的姓名或者名称、地址; (二) 违反法律、法规、规章的事实和证据;
  (三) 行政处罚的种类和依据; (四) 行政处罚的履行方式和期限; (五) 申请行政复议、提起行政诉讼的途径和期限;
  (六) 作出行政处罚决定的行政机关名称和作出决定的日期; and the seal of the agency. The remedy states 60 days
  for reconsideration (行政复议法 第20条) and six months for litigation (行政诉讼法 第46条), as fixed text.
- 准予行政许可决定书, 行政许可法 第38条 第1款: a written decision naming the applicant, the matter, its
  legal basis, the agency, the date and its seal.
- 不予行政许可决定书, 行政许可法 第38条 第2款: the reasons, and the right to 行政复议 or 行政诉讼 (with their
  periods, 行政复议法 第20条, 行政诉讼法 第46条).
- 催告书, 行政强制法 第35条: (一) 履行义务的期限; (二) 履行义务的方式; (三) 金钱给付的明确金额和给付方式;
  (四) 当事人依法享有的陈述权和申辩权.
- 强制执行申请书, 行政强制法 第55条: the decision with its facts, reasons and basis (二), the party's opinion
  and the demand (三), the object of enforcement (四); signed by the agency head, sealed and dated (第2款).
- 缴款通知书: the amount, the period (行政处罚法 第67条 第3款), payment at a bank or electronically, never to
  the officers (罚缴分离, 第67条 第1款), and the late-charge standard told to the party (行政强制法 第45条).

Pure: works on the template's placeholders and text, never on the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from sanxiang.matters.procedures import Label


@dataclass(frozen=True)
class Element:
    label: Label  # names the element and its article
    variables: tuple[str, ...] = ()  # placeholders the template must use (and the issue must fill in)
    texts: tuple[tuple[str, ...], ...] = ()  # each inner tuple: one of these texts must appear


SEAL = ("印章", "盖章", "公章")
RECONSIDERATION = (("行政复议",), ("六十日", "60日"))
LITIGATION = (("行政诉讼",), ("六个月", "6个月"))

ARTICLE_59: tuple[Element, ...] = (
    Element(_("the party's name and address (Article 59 (1))"), ("party_name", "party_address")),
    Element(_("the facts and evidence of the violation (Article 59 (2))"), ("facts", "evidence")),
    Element(_("the kind of penalty and its legal basis (Article 59 (3))"), ("penalty", "legal_bases")),
    Element(_("the manner and time limit of performance (Article 59 (4))"), ("performance",)),
    Element(
        _("the route and time limit for reconsideration: 60 days (Article 59 (5))"),
        ("reconsideration_body",),
        RECONSIDERATION,
    ),
    Element(
        _("the route and time limit for litigation: six months (Article 59 (5))"), ("court",), LITIGATION
    ),
    Element(_("the name of the deciding agency and the date (Article 59 (6))"), ("agency_name", "issued_on")),
    Element(_("the seal of the agency (Article 59)"), (), (SEAL,)),
)

LICENSE_GRANT: tuple[Element, ...] = (
    Element(_("the applicant (Administrative Licensing Law, Article 38)"), ("party_name",)),
    Element(
        _("the matter licensed and its legal basis (Administrative Licensing Law, Article 38)"),
        ("matter_name", "legal_bases"),
    ),
    Element(
        _("the deciding agency and the date (Administrative Licensing Law, Article 38)"),
        ("agency_name", "issued_on"),
    ),
    Element(_("the seal of the agency (Administrative Licensing Law, Article 38)"), (), (SEAL,)),
)

LICENSE_REFUSAL: tuple[Element, ...] = (
    Element(_("the applicant (Administrative Licensing Law, Article 38)"), ("party_name",)),
    Element(
        _("the reasons for the refusal (Administrative Licensing Law, Article 38 (2))"),
        ("facts",),
        (("理由",),),
    ),
    Element(
        _(
            "the right to apply for reconsideration within 60 days (Administrative Licensing Law, Article 38 "
            "(2); Administrative Reconsideration Law, Article 20)"
        ),
        ("reconsideration_body",),
        RECONSIDERATION,
    ),
    Element(
        _(
            "the right to sue within six months (Administrative Licensing Law, Article 38 (2); "
            "Administrative Litigation Law, Article 46)"
        ),
        ("court",),
        LITIGATION,
    ),
    Element(
        _("the deciding agency and the date (Administrative Licensing Law, Article 38)"),
        ("agency_name", "issued_on"),
    ),
    Element(_("the seal of the agency (Administrative Licensing Law, Article 38)"), (), (SEAL,)),
)

DEMAND_NOTICE: tuple[Element, ...] = (
    Element(_("the party (Administrative Coercion Law, Article 35)"), ("party_name",)),
    Element(
        _("the time limit for performance (Administrative Coercion Law, Article 35 (1))"),
        (),
        (("日内", "期限"),),
    ),
    Element(
        _("the manner of performance (Administrative Coercion Law, Article 35 (2))"),
        (),
        (("履行方式", "缴纳方式", "缴款方式"),),
    ),
    Element(
        _("the exact amount and how to pay it (Administrative Coercion Law, Article 35 (3))"),
        ("amount_yuan",),
        (("指定银行", "电子支付", "非税"),),
    ),
    Element(
        _(
            "the party's rights to state its case and defend itself "
            "(Administrative Coercion Law, Article 35 (4))"
        ),
        (),
        (("陈述",), ("申辩",)),
    ),
    Element(
        _("the agency, the date and its seal (Administrative Coercion Law, Article 35)"),
        ("agency_name", "issued_on"),
        (SEAL,),
    ),
)

ENFORCEMENT_APPLICATION: tuple[Element, ...] = (
    Element(
        _("the applicant agency and the respondent (Administrative Coercion Law, Article 55)"),
        ("agency_name", "party_name", "party_address"),
    ),
    Element(_("the court applied to (Administrative Coercion Law, Article 55)"), ("court",)),
    Element(
        _("the decision with its facts, reasons and basis (Administrative Coercion Law, Article 55 (2))"),
        ("decision_number", "facts", "legal_bases"),
    ),
    Element(
        _("the party's opinion and the demand served (Administrative Coercion Law, Article 55 (3))"),
        (),
        (("催告",), ("意见", "陈述", "申辩")),
    ),
    Element(
        _("what is to be enforced (Administrative Coercion Law, Article 55 (4))"), ("penalty", "amount_yuan")
    ),
    Element(
        _(
            "the signature of the agency head, the seal and the date (Administrative Coercion Law, "
            "Article 55 (2))"
        ),
        ("issued_on",),
        (("负责人",), SEAL),
    ),
)

PAYMENT_NOTICE: tuple[Element, ...] = (
    Element(_("the payer (Administrative Penalty Law, Article 67)"), ("party_name",)),
    Element(_("the amount due (Administrative Penalty Law, Article 67)"), ("amount_yuan", "amount_words")),
    Element(_("the period to pay (Administrative Penalty Law, Article 67 (3))"), ("payment_period",)),
    Element(
        _(
            "payment at a designated bank or electronically, not to the officers "
            "(Administrative Penalty Law, Article 67 (1))"
        ),
        (),
        (("指定银行", "电子支付", "非税"),),
    ),
    Element(_("the standard of the late charge (Administrative Coercion Law, Article 45)"), ("late_charge",)),
    Element(
        _("the agency, the date and its seal (Administrative Penalty Law, Article 67)"),
        ("agency_name", "issued_on"),
        (SEAL,),
    ),
)

# The kinds whose content the law lists, by document kind code (``documents.kinds``).
REQUIRED: dict[str, tuple[Element, ...]] = {
    "penalty_decision": ARTICLE_59,
    "license_grant": LICENSE_GRANT,
    "license_refusal": LICENSE_REFUSAL,
    "demand_notice": DEMAND_NOTICE,
    "enforcement_application": ENFORCEMENT_APPLICATION,
    "payment_notice": PAYMENT_NOTICE,
}


def required(kind: str) -> tuple[Element, ...]:
    """The elements a document of ``kind`` must carry; empty for kinds the law gives no list for."""
    return REQUIRED.get(kind, ())


def missing_elements(variables: set[str], text: str, kind: str = "penalty_decision") -> list[str]:
    """The labels of the elements of ``kind`` a template lacks, in the article's order."""
    missing = []
    for element in required(kind):
        lacks_variable = any(name not in variables for name in element.variables)
        lacks_text = any(not any(option in text for option in options) for options in element.texts)
        if lacks_variable or lacks_text:
            missing.append(str(element.label))
    return missing


def empty_elements(kind: str, values: dict[str, object]) -> list[str]:
    """The labels of the elements of ``kind`` whose values are empty in a document's context."""
    return [
        str(element.label)
        for element in required(kind)
        if any(not values.get(name) for name in element.variables)
    ]
