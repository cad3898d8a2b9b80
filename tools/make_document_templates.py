"""Generate the default Word templates of the enforcement documents (sanxiang/documents/default_templates/).

Run: .venv/bin/python tools/make_document_templates.py

The templates are docxtpl templates (Jinja placeholders such as {{ party_name }}, the "enter once" context
built by sanxiang.cases.documents.context). They are generated rather than drawn by hand so that they are
reproducible and reviewable as text; an office replaces any of them with its own version in the system.
The penalty decision carries every element of 行政处罚法 第59条 (checked by sanxiang.documents.elements).
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sanxiang.documents.kinds import KINDS, DocumentKind  # noqa: E402

OUT = ROOT / "sanxiang" / "documents" / "default_templates"
FONT = "宋体"
FIXED_TIME = dt.datetime(2026, 1, 1)  # noqa: DTZ001 - docx core properties are naive

PARTY = [
    "当事人：{{ party_name }}",
    "{% if party_identifier %}统一社会信用代码/身份证件号码：{{ party_identifier }}{% endif %}",
    "{% if party_representative %}法定代表人（负责人）：{{ party_representative }}{% endif %}",
    "地址：{{ party_address }}",
]
EVIDENCE = "{% for item in evidence %}{{ loop.index }}. {{ item }}；{% endfor %}"
SIGN = ["", "{{ agency_name }}", "（印章）", "{{ issued_on }}"]
REMEDY = (
    "如不服本决定，可以在收到本决定书之日起六十日内向{{ reconsideration_body }}申请行政复议，"
    "也可以在六个月内依法向{{ court }}提起行政诉讼。"
)

BODIES: dict[str, list[str]] = {
    "case_approval": [
        "案由：{{ matter_name }}",
        *PARTY,
        "案件来源及基本情况：{{ facts }}",
        "违法行为终了日期：{{ violation_on }}",
        "承办人：{{ officers }}",
        "承办人意见：建议立案调查。",
        "承办部门负责人意见：",
        "执法机关负责人意见：",
        "立案日期：{{ registered_on }}",
    ],
    "inquiry_record": [
        "案由：{{ matter_name }}",
        "询问时间：    年  月  日  时  分至  时  分",
        "询问地点：",
        "询问人：{{ officers }}",
        "被询问人：{{ party_name }}　地址：{{ party_address }}",
        "我们是{{ agency_name }}的执法人员，已出示执法证件。你有陈述、申辩和申请回避的权利，应当如实回答询问。",
        "问：",
        "答：",
        "被询问人签名：　　　　　　　询问人签名：",
    ],
    "inspection_record": [
        "检查对象：{{ party_name }}",
        "地址：{{ party_address }}",
        "检查时间：    年  月  日  时  分至  时  分",
        "检查人员：{{ officers }}（已出示执法证件）",
        "检查情况：{{ facts }}",
        "当事人签名：　　　　　　　检查人员签名：",
    ],
    "preservation_notice": [
        *PARTY,
        "因你（单位）涉嫌{{ matter_name }}，依据《中华人民共和国行政处罚法》第五十六条，经本机关负责人批准，"
        "对下列物品予以先行登记保存，并在七个工作日内作出处理决定。",
        "先行登记保存物品：",
        "保存地点：",
        *SIGN,
    ],
    "penalty_notice": [
        *PARTY,
        "经查，{{ facts }}",
        "以上事实有下列证据证明：" + EVIDENCE,
        "你（单位）的行为违反了{{ legal_bases }}。本机关拟作出如下行政处罚：{{ penalty }}。",
        "根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）享有陈述、申辩的权利。"
        "{% if hearing_right %}依据第六十三条、第六十四条，你（单位）有权在收到本告知书之日起五个工作日内要求听证。{% endif %}"
        "逾期未提出的，视为放弃上述权利。",
        *SIGN,
    ],
    "hearing_notice": [
        *PARTY,
        "本机关拟对你（单位）作出{{ penalty }}的行政处罚。依据《中华人民共和国行政处罚法》第六十三条、第六十四条，"
        "你（单位）有权要求举行听证。如要求听证，应当在收到本告知书之日起五个工作日内提出；"
        "本机关将在举行听证的七个工作日前通知听证的时间、地点。",
        *SIGN,
    ],
    "hearing_record": [
        "案由：{{ matter_name }}",
        "听证时间：    年  月  日　听证地点：",
        "听证主持人：　　　　记录人：",
        "案件调查人员：{{ officers }}",
        "当事人：{{ party_name }}　委托代理人：",
        "调查人员提出的违法事实、证据和处罚建议：{{ facts }}",
        "当事人陈述、申辩和质证意见：",
        "听证参加人签名：",
    ],
    "discussion_record": [
        "案由：{{ matter_name }}　案号：{{ case_number }}",
        "讨论时间：　　　　讨论地点：",
        "主持人：　　　　出席人员：　　　　记录人：",
        "案情介绍：{{ facts }}",
        "拟处理意见：{{ penalty }}",
        "讨论意见：",
        "决定意见：",
        "出席人员签名：",
    ],
    "penalty_decision": [
        *PARTY,
        "经查，{{ facts }}",
        "以上事实有下列证据证明：" + EVIDENCE,
        "本机关认为，你（单位）的上述行为违反了{{ legal_bases }}。依据上述规定，本机关决定给予如下行政处罚：",
        "{{ penalty }}。",
        "{{ performance }}",
        REMEDY,
        "申请行政复议或者提起行政诉讼期间，行政处罚不停止执行，法律另有规定的除外。",
        *SIGN,
    ],
    "no_penalty_decision": [
        *PARTY,
        "经查，{{ facts }}",
        "依据{{ legal_bases }}及《中华人民共和国行政处罚法》第三十三条，本机关决定不予行政处罚。",
        REMEDY,
        *SIGN,
    ],
    "service_receipt": [
        "送达文书名称及文号：{{ served_title }} {{ served_number }}",
        "受送达人：{{ party_name }}",
        "送达地点：{{ service_address }}",
        "送达方式：{{ service_method }}",
        "送达人：{{ officers }}",
        "受送达人签名或者盖章：　　　　　　　　年　月　日",
        "见证人：{{ witnesses }}",
        "备注：{{ service_note }}",
        *SIGN,
    ],
    "demand_notice": [
        *PARTY,
        "本机关于{{ decided_on }}对你（单位）作出{{ decision_number }}行政处罚决定，你（单位）至今未履行。"
        "依据《中华人民共和国行政强制法》第三十五条，现催告你（单位）在收到本催告书之日起十日内履行：{{ penalty }}。",
        "履行期限：自收到本催告书之日起十日内。",
        "履行方式：持本催告书到指定银行或者通过电子支付系统缴纳。",
        "应缴金额：人民币{{ amount_yuan }}元（大写：{{ amount_words }}）。",
        "你（单位）有权进行陈述和申辩。逾期仍不履行的，本机关将依法申请人民法院强制执行。",
        *SIGN,
    ],
    "enforcement_application": [
        "申请人：{{ agency_name }}　地址：{{ agency_address }}",
        "被申请人：{{ party_name }}　地址：{{ party_address }}",
        "申请事项：请求强制执行本机关{{ decision_number }}行政处罚决定：{{ penalty }}"
        "（申请强制执行的金额：人民币{{ amount_yuan }}元）。",
        "事实和理由：{{ facts }}本机关依据{{ legal_bases }}作出上述决定。"
        "被申请人在法定期限内未申请行政复议或者提起行政诉讼，又不履行，经催告仍未履行。"
        "依据《中华人民共和国行政强制法》第五十三条、第五十四条，特申请强制执行。",
        "当事人的意见及催告情况：本机关已依法送达催告书，当事人未提出陈述、申辩意见或者所提意见不成立。",
        "附：1. 行政处罚决定书及作出决定的事实、理由和依据；2. 当事人的意见及催告书、送达回证；"
        "3. 申请强制执行标的情况（《中华人民共和国行政强制法》第五十五条）。",
        "此致",
        "{{ court }}",
        "行政机关负责人（签名）：",
        *SIGN,
    ],
    "license_acceptance": [
        "申请人：{{ party_name }}",
        "你（单位）提出的{{ matter_name }}申请，材料齐全、符合法定形式，依据《中华人民共和国行政许可法》第三十二条，"
        "本机关决定予以受理。",
        *SIGN,
    ],
    "license_rejection": [
        "申请人：{{ party_name }}",
        "你（单位）提出的{{ matter_name }}申请，依据《中华人民共和国行政许可法》第三十二条，本机关决定不予受理。理由：{{ facts }}",
        REMEDY,
        *SIGN,
    ],
    "license_supplement": [
        "申请人：{{ party_name }}",
        "你（单位）提出的{{ matter_name }}申请材料不齐全或者不符合法定形式，依据《中华人民共和国行政许可法》第三十二条，"
        "请补正下列材料：{{ facts }}",
        *SIGN,
    ],
    "license_grant": [
        "申请人：{{ party_name }}　地址：{{ party_address }}",
        "你（单位）提出的{{ matter_name }}申请，经审查，符合法定条件、标准，依据{{ legal_bases }}，本机关决定准予行政许可。",
        *SIGN,
    ],
    "license_refusal": [
        "申请人：{{ party_name }}　地址：{{ party_address }}",
        "你（单位）提出的{{ matter_name }}申请，经审查，不符合法定条件、标准。理由：{{ facts }}"
        "依据《中华人民共和国行政许可法》第三十八条，本机关决定不予行政许可。",
        REMEDY,
        *SIGN,
    ],
    "payment_notice": [
        *PARTY,
        "{% if decision_number %}依据本机关{{ decision_number }}决定，{% endif %}"
        "请你（单位）缴纳{{ payment_item }}：人民币{{ amount_yuan }}元（大写：{{ amount_words }}）。",
        "缴款期限：{{ payment_period }}。",
        "缴款方式：持本通知书到指定银行或者通过非税收入电子缴款系统缴纳，取得财政票据；执法人员不收取款项。",
        "{{ late_charge }}",
        *SIGN,
    ],
    "review_opinion": [
        "审核事项：{{ subject }}",
        "送审日期：{{ submitted_on }}",
        "送审材料摘要：{{ package_digest }}",
        "拟作决定摘要：{{ decision_digest }}",
        "审核内容：",
        "{% for row in rows %}{{ loop.index }}. {{ row.item }}：{{ row.verdict }}"
        "{% if row.comment %}（{{ row.comment }}）{% endif %}；{% endfor %}",
        "审核结论：{{ outcome }}",
        "审核意见：{{ opinion }}",
        "审核人员：{{ reviewer }}（法律职业资格证书编号：{{ qualification }}）",
        "审核日期：{{ concluded_on }}",
        "意见书摘要：{{ opinion_digest }}",
        *SIGN,
    ],
    "closing_report": [
        "案由：{{ matter_name }}　案号：{{ case_number }}",
        "当事人：{{ party_name }}",
        "立案日期：{{ registered_on }}　决定日期：{{ decided_on }}",
        "处理结果：{{ penalty }}",
        "执行情况：",
        "承办人：{{ officers }}",
        "承办人意见：建议结案。",
        "承办部门负责人意见：",
        "执法机关负责人意见：",
    ],
}


def _paragraph(
    document: DocxDocument, text: str, *, bold: bool = False, size: float = 14, center: bool = False
) -> None:
    paragraph = document.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)
    run.font.name = FONT
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def build(kind: DocumentKind) -> DocxDocument:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4 (GB/T 9704)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    _paragraph(document, "{{ agency_name }}", bold=True, size=18, center=True)
    _paragraph(document, kind.title, bold=True, size=22, center=True)
    if kind.number_code:
        _paragraph(document, "{{ number }}", center=True)
    body = BODIES[kind.code]
    sign_start = len(body) - len(SIGN) if body[-len(SIGN) :] == SIGN else len(body)
    for index, text in enumerate(body):
        if index >= sign_start:
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            run = paragraph.add_run(text)
            run.font.size = Pt(14)
        else:
            _paragraph(document, text)
    core = document.core_properties
    core.title, core.author, core.comments = kind.title, "Sanxiang", "default template"
    core.created = core.modified = FIXED_TIME  # the same input gives the same file
    core.last_modified_by, core.revision = "Sanxiang", 1
    return document


def _reproducible(document: DocxDocument) -> bytes:
    """The DOCX with fixed zip timestamps, so that the same input gives the same bytes."""
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in sorted(source.infolist(), key=lambda info: info.filename):
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for kind in KINDS:
        path = OUT / kind.template_name
        path.write_bytes(_reproducible(build(kind)))
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
