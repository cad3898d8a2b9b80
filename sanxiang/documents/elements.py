"""The template check of a penalty decision (行政处罚决定书) against 行政处罚法 第59条: a template must carry
every element the article requires, or it is refused with a message naming the missing element.

第59条 requires: (一) 当事人的姓名或者名称、地址; (二) 违反法律、法规、规章的事实和证据;
(三) 行政处罚的种类和依据; (四) 行政处罚的履行方式和期限; (五) 申请行政复议、提起行政诉讼的途径和期限;
(六) 作出行政处罚决定的行政机关名称和作出决定的日期; and the seal of the agency. The remedy must state
60 days for reconsideration (行政复议法 第20条) and six months for litigation (行政诉讼法 第46条), as
fixed template text.
Pure: works on the template's placeholders and text, never on the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from sanxiang.matters.procedures import Label


@dataclass(frozen=True)
class Element:
    label: Label
    variables: tuple[str, ...] = ()  # placeholders the template must use
    texts: tuple[tuple[str, ...], ...] = ()  # each inner tuple: one of these texts must appear


ARTICLE_59: tuple[Element, ...] = (
    Element(_("the party's name and address (Article 59 (1))"), ("party_name", "party_address")),
    Element(_("the facts and evidence of the violation (Article 59 (2))"), ("facts", "evidence")),
    Element(_("the kind of penalty and its legal basis (Article 59 (3))"), ("penalty", "legal_bases")),
    Element(_("the manner and time limit of performance (Article 59 (4))"), ("performance",)),
    Element(
        _("the route and time limit for reconsideration: 60 days (Article 59 (5))"),
        ("reconsideration_body",),
        (("行政复议",), ("六十日", "60日")),
    ),
    Element(
        _("the route and time limit for litigation: six months (Article 59 (5))"),
        ("court",),
        (("行政诉讼",), ("六个月", "6个月")),
    ),
    Element(_("the name of the deciding agency and the date (Article 59 (6))"), ("agency_name", "issued_on")),
    Element(_("the seal of the agency (Article 59)"), (), (("印章", "盖章", "公章"),)),
)


def missing_elements(variables: set[str], text: str) -> list[str]:
    """The labels of the Article 59 elements a template lacks, in the article's order."""
    missing = []
    for element in ARTICLE_59:
        lacks_variable = any(name not in variables for name in element.variables)
        lacks_text = any(not any(option in text for option in options) for options in element.texts)
        if lacks_variable or lacks_text:
            missing.append(str(element.label))
    return missing
