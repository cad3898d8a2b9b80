"""The legal-basis library the Shanxi civil-air-defence catalogue cites (SHANXI.md §1, §6; DOMAIN.md §9).
Data only, plus ``ensure_library`` which adds what is missing through the actions. Texts or facts the sources
did not confirm carry a "to be confirmed" note; nothing here is invented silently."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sanxiang.matters import actions
from sanxiang.matters.enums import LawLevel, PartyKind
from sanxiang.matters.models import Article, Law
from sanxiang.records import writer

D = dt.date
TEXT_TO_CHECK = "条文为摘要，待与官方文本核对"
NUMBER_TO_CHECK = "条号待核：须从官方文本补正"
YUAN = 100  # fen per yuan


@dataclass(frozen=True)
class LawData:
    key: str
    title: str
    level: LawLevel
    issuing_body: str
    promulgated_on: dt.date | None = None
    effective_from: dt.date | None = None
    document_number: str = ""
    note: str = ""


@dataclass(frozen=True)
class ArticleData:
    key: str
    law: str
    ordinal: int
    text: str
    item: int = 0
    paragraph: int = 0
    number: str = ""
    note: str = ""
    ranges: dict[PartyKind, tuple[int, int]] = field(default_factory=dict)


RFF, XKF, CFF, QZF = "rff", "xkf", "cff", "qzf"
LAWS = (
    LawData(
        RFF,
        "中华人民共和国人民防空法",
        LawLevel.LAW,
        "全国人民代表大会常务委员会",
        D(1996, 10, 29),
        D(1997, 1, 1),
    ),
    LawData(
        XKF,
        "中华人民共和国行政许可法",
        LawLevel.LAW,
        "全国人民代表大会常务委员会",
        D(2003, 8, 27),
        D(2004, 7, 1),
    ),
    LawData(
        CFF,
        "中华人民共和国行政处罚法",
        LawLevel.LAW,
        "全国人民代表大会常务委员会",
        D(2021, 1, 22),
        D(2021, 7, 15),
    ),
    LawData(
        QZF,
        "中华人民共和国行政强制法",
        LawLevel.LAW,
        "全国人民代表大会常务委员会",
        D(2011, 6, 30),
        D(2012, 1, 1),
    ),
    LawData(
        "fyf",
        "中华人民共和国行政复议法",
        LawLevel.LAW,
        "全国人民代表大会常务委员会",
        D(2023, 9, 1),
        D(2024, 1, 1),
    ),
    LawData(
        "ssf",
        "中华人民共和国行政诉讼法",
        LawLevel.LAW,
        "全国人民代表大会常务委员会",
        D(1989, 4, 4),
        D(1990, 10, 1),
    ),
    LawData(
        "jszl",
        "建设工程质量管理条例",
        LawLevel.ADMINISTRATIVE_REGULATION,
        "国务院",
        D(2000, 1, 30),
        D(2000, 1, 30),
    ),
    LawData(
        "sxjs",
        "山西省人民防空工程建设条例",
        LawLevel.LOCAL_REGULATION,
        "山西省人民代表大会常务委员会",
        D(2008, 5, 16),
        D(2008, 7, 1),
        note="2018年修正内容未取得，待核",
    ),
    LawData(
        "sxss",
        "山西省实施《中华人民共和国人民防空法》办法",
        LawLevel.LOCAL_REGULATION,
        "山西省人民代表大会常务委员会",
        note="通过及修正日期待核",
    ),
    LawData(
        "sxwh",
        "山西省人民防空工程维护和使用管理办法",
        LawLevel.RULE,
        "山西省人民政府",
        note="令号及施行日期待核（或为省政府令第198号《维护管理办法》的后续版本）",
    ),
    LawData(
        "sxjg", "山西省人民防空工程建设管理办法", LawLevel.RULE, "山西省人民政府", note="效力级别与日期待核"
    ),
    LawData(
        "gcgd",
        "人民防空工程建设管理规定",
        LawLevel.NORMATIVE_DOCUMENT,
        "国家人民防空办公室",
        document_number="国人防办字〔2003〕18号",
    ),
    LawData(
        "sbgl",
        "人民防空防护设备管理办法",
        LawLevel.NORMATIVE_DOCUMENT,
        "国家人民防空办公室",
        note="文号与日期待核",
    ),
    LawData(
        "zf9",
        "中发〔2001〕9号",
        LawLevel.NORMATIVE_DOCUMENT,
        "中共中央、国务院",
        D(2001, 1, 1),
        note="文件全称与日期待核",
    ),
    LawData(
        "gf4",
        "国发〔2008〕4号",
        LawLevel.NORMATIVE_DOCUMENT,
        "国务院",
        D(2008, 1, 1),
        note="文件全称与日期待核",
    ),
    LawData(
        "jjg474",
        "关于规范防空地下室易地建设收费的规定",
        LawLevel.NORMATIVE_DOCUMENT,
        "国家计委、财政部、国家国防动员委员会、建设部",
        D(2000, 4, 27),
        D(2000, 4, 27),
        "计价格〔2000〕474号",
    ),
    LawData(
        "cs58",
        "财税〔2020〕58号",
        LawLevel.NORMATIVE_DOCUMENT,
        "财政部、税务总局",
        D(2020, 12, 1),
        D(2021, 1, 1),
        note="文件全称待核",
    ),
    LawData(
        "gg76",
        "关于养老、托育、家政等社区家庭服务业税费优惠政策的公告",
        LawLevel.NORMATIVE_DOCUMENT,
        "财政部、税务总局等",
        D(2019, 6, 28),
        D(2019, 6, 1),
        "2019年第76号公告",
        note="发布机关全称与日期待核",
    ),
)

_ORG, _IND = PartyKind.ORGANIZATION, PartyKind.INDIVIDUAL
_A49 = (
    "有下列行为之一的，由县级以上人民政府人民防空主管部门对当事人给予警告，并责令限期改正违法行为，可以对个人并处"
    "五千元以下的罚款、对单位并处一万元至五万元的罚款；造成损失的，应当依法赔偿损失：（一）侵占人民防空工程的；"
    "（二）不按照国家规定的防护标准和质量标准修建人民防空工程的；（三）违反国家有关规定，改变人民防空工程主体结构、"
    "拆除人民防空工程设备设施或者采用其他方法危害人民防空工程的安全和使用效能的；（四）拆除人民防空工程后拒不补建的；"
    "（五）占用人民防空通信专用频率、使用与防空警报相同的音响信号或者擅自拆除人民防空通信、警报设备设施的；"
    "（六）阻挠安装人民防空通信、警报设施，拒不改正的；（七）向人民防空工程内排入废水、废气或者倾倒废弃物的。"
)
_ITEMS_49 = (
    "侵占人民防空工程的",
    "不按照国家规定的防护标准和质量标准修建人民防空工程的",
    "违反国家有关规定，改变人民防空工程主体结构、拆除人民防空工程设备设施或者采用其他方法危害人民防空工程的安全和使用效能的",
    "拆除人民防空工程后拒不补建的",
    "占用人民防空通信专用频率、使用与防空警报相同的音响信号或者擅自拆除人民防空通信、警报设备设施的",
    "阻挠安装人民防空通信、警报设施，拒不改正的",
    "向人民防空工程内排入废水、废气或者倾倒废弃物的",
)
_CONFIRMED_ITEMS_49 = {1, 5}  # SHANXI.md §1.4: items (一) and (五) confirmed through real decisions

ARTICLES = (
    ArticleData(
        "rff14",
        RFF,
        14,
        "城市的地下交通干线以及其他地下工程的建设，应当兼顾人民防空需要。",
        note=TEXT_TO_CHECK,
    ),
    ArticleData(
        "rff22", RFF, 22, "城市新建民用建筑，按照国家有关规定修建战时可用于防空的地下室。", note=TEXT_TO_CHECK
    ),
    ArticleData(
        "rff23",
        RFF,
        23,
        "人民防空工程建设的设计、施工、质量必须符合国家规定的防护标准和质量标准。",
        note=TEXT_TO_CHECK,
    ),
    ArticleData(
        "rff25",
        RFF,
        25,
        "人民防空主管部门对人民防空工程的维护管理进行监督检查；有关单位应当对人民防空工程进行维护管理，使其保持良好使用状态。",
        note=TEXT_TO_CHECK,
    ),
    ArticleData(
        "rff28",
        RFF,
        28,
        "任何组织或者个人不得擅自拆除人民防空工程；确需拆除的，必须报经人民防空主管部门批准，并由拆除单位负责补建或者补偿。",
        note=TEXT_TO_CHECK,
    ),
    ArticleData(
        "rff35",
        RFF,
        35,
        "人民防空通信、警报设施必须保持良好使用状态；拆除、迁移须经人民防空主管部门批准。",
        note=TEXT_TO_CHECK,
    ),
    ArticleData(
        "rff48",
        RFF,
        48,
        "城市新建民用建筑，违反国家有关规定不修建战时可用于防空的地下室的，由县级以上人民政府人民防空主管部门对当事人"
        "给予警告，并责令限期修建，可以并处十万元以下的罚款。",
        ranges={_ORG: (0, 100_000 * YUAN), _IND: (0, 100_000 * YUAN)},
    ),
    ArticleData(
        "rff49", RFF, 49, _A49, ranges={_IND: (0, 5_000 * YUAN), _ORG: (10_000 * YUAN, 50_000 * YUAN)}
    ),
    *(
        ArticleData(
            f"rff49.{n}",
            RFF,
            49,
            text,
            item=n,
            note="" if n in _CONFIRMED_ITEMS_49 else "项的文字未经原文核对（SHANXI.md §1.4 [M]）",
        )
        for n, text in enumerate(_ITEMS_49, start=1)
    ),
    ArticleData(
        "rff50",
        RFF,
        50,
        "故意损坏人民防空设施或者在人民防空工程内生产、储存爆炸、剧毒、易燃、放射性等危险品，尚不构成犯罪的，依照治安管理处罚法的有关规定处罚；构成犯罪的，依法追究刑事责任。",
        note=TEXT_TO_CHECK,
    ),
    ArticleData(
        "xkf42",
        XKF,
        42,
        "除可以当场作出行政许可决定的外，行政机关应当自受理行政许可申请之日起二十日内作出行政许可决定。二十日内不能作出"
        "决定的，经本行政机关负责人批准，可以延长十日，并应当将延长期限的理由告知申请人。但是，法律、法规另有规定的，依照其规定。",
    ),
    ArticleData(
        "cff58",
        CFF,
        58,
        "有下列情形之一，在行政机关负责人作出行政处罚的决定之前，应当由从事行政处罚决定法制审核的人员进行法制审核；未经法制审核或者审核未通过的，不得作出决定：（一）涉及重大公共利益的；（二）直接关系当事人或者第三人重大权益，经过听证程序的；（三）案件情况疑难复杂、涉及多个法律关系的；（四）法律、法规规定应当进行法制审核的其他情形。",
    ),
    ArticleData(
        "cff60",
        CFF,
        60,
        "行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定。法律、法规、规章另有规定的，从其规定。",
    ),
    ArticleData(
        "cff72.1.1",
        CFF,
        72,
        "到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额。",
        paragraph=1,
        item=1,
    ),
    ArticleData(
        "qzf45",
        QZF,
        45,
        "加处罚款或者滞纳金的标准应当告知当事人。加处罚款或者滞纳金的数额不得超出金钱给付义务的数额。",
        note=TEXT_TO_CHECK,
    ),
    ArticleData(
        "qzf53",
        QZF,
        53,
        "当事人在法定期限内不申请行政复议或者提起行政诉讼，又不履行行政决定的，没有行政强制执行权的行政机关可以自期限届满之日起三个月内，依照本章规定申请人民法院强制执行。",
    ),
    ArticleData(
        "qzf54",
        QZF,
        54,
        "行政机关申请人民法院强制执行前，应当催告当事人履行义务。催告书送达十日后当事人仍未履行义务的，行政机关可以向所在地有管辖权的人民法院申请强制执行。",
        note=TEXT_TO_CHECK,
    ),
    ArticleData(
        "fyf20",
        "fyf",
        20,
        "公民、法人或者其他组织认为行政行为侵犯其合法权益的，可以自知道或者应当知道该行政行为之日起六十日内提出行政复议申请。",
        note="条号依2023年修订文本，待核",
    ),
    ArticleData(
        "ssf46",
        "ssf",
        46,
        "公民、法人或者其他组织直接向人民法院提起诉讼的，应当自知道或者应当知道作出行政行为之日起六个月内提出。",
        note="条号待核",
    ),
    ArticleData(
        "sxjs11",
        "sxjs",
        11,
        "新建十层以上民用建筑，按不低于首层建筑面积修建6级以上防空地下室；九层以下且地上总建筑面积二千平方米以上的，按地上总建筑面积的2%–5%修建（一类人防重点城市5%，二类4%，三类3%，其他2%）。",
        note="2013年修正文本摘要；2018年修正后的条文待核",
    ),
    ArticleData("sxss.penalty", "sxss", 999, "（罚则条款）", number="罚则条款", note=NUMBER_TO_CHECK),
    ArticleData(
        "sxss7",
        "sxss",
        7,
        "人民防空主管部门的职责：贯彻人民防空法律法规；编制规划；人民防空工程、通信、警报建设和管理；管理人民防空经费和资产等。",
        note=TEXT_TO_CHECK,
    ),
    ArticleData(
        "sxwh.basis",
        "sxwh",
        999,
        "（维护管理、拆除、改造、报废及管线埋设审批条款）",
        number="相关条款",
        note=NUMBER_TO_CHECK,
    ),
    ArticleData(
        "sxjg.basis", "sxjg", 999, "（人民防空工程质量监督条款）", number="相关条款", note=NUMBER_TO_CHECK
    ),
    ArticleData(
        "jszl.basis", "jszl", 999, "（建设工程质量监督管理条款）", number="相关条款", note=NUMBER_TO_CHECK
    ),
    ArticleData(
        "gcgd48",
        "gcgd",
        48,
        "因地质、地形等原因不能修建防空地下室的，按照应修建防空地下室面积所需造价缴纳易地建设费，由人民防空主管部门统一就地易地修建。",
        note=TEXT_TO_CHECK,
    ),
    ArticleData(
        "sbgl.basis",
        "sbgl",
        999,
        "（防护设备生产、安装质量监督条款）",
        number="相关条款",
        note=NUMBER_TO_CHECK,
    ),
    ArticleData(
        "zf9.3.9",
        "zf9",
        9,
        "坚持以建为主；因地质条件等原因不能修建防空地下室的，经人民防空主管部门批准后缴纳易地建设费；除国家规定的减免项目外，任何部门和个人不得批准减免易地建设费。",
        number="第三部分第9条",
        note=TEXT_TO_CHECK,
    ),
    ArticleData(
        "gf4.3.9",
        "gf4",
        9,
        "城市地下空间开发利用兼顾人民防空要求；防空地下室易地建设费按规定缴纳。",
        number="第三部分第（九）条",
        note=TEXT_TO_CHECK,
    ),
    ArticleData(
        "jjg474.basis",
        "jjg474",
        999,
        "（收费标准及减免项目：廉租住房、经济适用住房，临时民用建筑，不增加面积的危房翻新改造，因不可抗力原面积重建）",
        number="相关条款",
        note=NUMBER_TO_CHECK,
    ),
    ArticleData(
        "cs58.basis",
        "cs58",
        999,
        "（防空地下室易地建设费划转税务部门征收）",
        number="相关条款",
        note=NUMBER_TO_CHECK,
    ),
    ArticleData(
        "gg76.basis",
        "gg76",
        999,
        "为社区提供养老、托育、家政服务的建筑，确因地质条件等原因无法修建防空地下室的，免征防空地下室易地建设费。",
        number="相关条款",
        note=NUMBER_TO_CHECK,
    ),
)


def _ensure_law(data: LawData, *, actor: writer.Actor) -> Law:
    existing = Law.objects.filter(title=data.title).first()
    if existing is not None:
        return existing
    return actions.check_create_law(
        actor=actor,
        title=data.title,
        level=data.level,
        issuing_body=data.issuing_body,
        document_number=data.document_number,
        promulgated_on=data.promulgated_on,
        effective_from=data.effective_from,
        unconfirmed_note=data.note,
    )


def _ensure_article(data: ArticleData, law: Law, *, actor: writer.Actor) -> Article:
    current = Article.objects.filter(
        law=law, ordinal=data.ordinal, paragraph=data.paragraph, item=data.item, repealed_on__isnull=True
    ).first()
    if current is not None:
        return current
    return actions.check_add_article(
        actor=actor,
        law=law,
        ordinal=data.ordinal,
        paragraph=data.paragraph,
        item=data.item,
        text=data.text,
        effective_from=law.effective_from or dt.date(2000, 1, 1),
        ranges=data.ranges,
        number=data.number,
        unconfirmed_note=data.note,
    )


def ensure_library(*, actor: writer.Actor) -> dict[str, Article]:
    """Add the laws and articles that are missing; return every article by its key (e.g. "rff49.3")."""
    laws = {data.key: _ensure_law(data, actor=actor) for data in LAWS}
    return {data.key: _ensure_article(data, laws[data.law], actor=actor) for data in ARTICLES}
