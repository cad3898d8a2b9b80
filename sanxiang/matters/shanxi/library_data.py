"""Data: the laws and regulations the Shanxi civil-air-defence catalogue cites (SHANXI.md §1, §6; DOMAIN.md
§9), and the shapes of library data. Facts the sources did not confirm carry a "to be confirmed" note; nothing
here is invented silently. No behaviour."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sanxiang.matters.enums import LawLevel, PartyKind

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
