"""Shanxi civil-air-defence organisations for the demo: the provincial office, the 11 municipal offices and a
few county offices. Codes are administrative-division codes; document prefixes other than 晋 (province) and
吕 (吕梁) are unconfirmed abbreviations that an administrator must confirm before production use."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AgencySeed:
    division: str
    name: str
    short_name: str
    document_prefix: str
    region: str
    parent: str | None


PROVINCE = AgencySeed("140000", "山西省人民防空办公室", "省人防办", "晋人防", "山西省", None)

CITIES = [
    AgencySeed("140100", "太原市人民防空办公室", "太原市人防办", "并人防", "太原市", "140000"),
    AgencySeed("140200", "大同市人民防空办公室", "大同市人防办", "同人防", "大同市", "140000"),
    AgencySeed("140300", "阳泉市人民防空办公室", "阳泉市人防办", "阳人防", "阳泉市", "140000"),
    AgencySeed("140400", "长治市人民防空办公室", "长治市人防办", "长人防", "长治市", "140000"),
    AgencySeed("140500", "晋城市人民防空办公室", "晋城市人防办", "晋市人防", "晋城市", "140000"),
    AgencySeed("140600", "朔州市人民防空办公室", "朔州市人防办", "朔人防", "朔州市", "140000"),
    AgencySeed("140700", "晋中市人民防空办公室", "晋中市人防办", "晋中人防", "晋中市", "140000"),
    AgencySeed("140800", "运城市人民防空办公室", "运城市人防办", "运人防", "运城市", "140000"),
    AgencySeed("140900", "忻州市人民防空办公室", "忻州市人防办", "忻人防", "忻州市", "140000"),
    AgencySeed("141000", "临汾市人民防空办公室", "临汾市人防办", "临人防", "临汾市", "140000"),
    AgencySeed("141100", "吕梁市人民防空办公室", "吕梁市人防办", "吕人防", "吕梁市", "140000"),
]

COUNTIES = [
    AgencySeed("140105", "太原市小店区人民防空办公室", "小店区人防办", "小人防", "太原市小店区", "140100"),
    AgencySeed("140106", "太原市迎泽区人民防空办公室", "迎泽区人防办", "迎人防", "太原市迎泽区", "140100"),
    AgencySeed("140702", "晋中市榆次区人民防空办公室", "榆次区人防办", "榆人防", "晋中市榆次区", "140700"),
    AgencySeed("141002", "临汾市尧都区人民防空办公室", "尧都区人防办", "尧人防", "临汾市尧都区", "141000"),
]

DEPARTMENTS = [
    ("工程建设管理科", "enforcement"),
    ("政策法规科", "legal"),
    ("办公室", "office"),
]

LEGAL_BASIS = (
    "《中华人民共和国人民防空法》第七条、第四十八条、第四十九条；《山西省实施〈中华人民共和国人民防空法〉办法》；"
    "《山西省人民防空工程建设条例》。"
)
DUTIES = (
    "负责本行政区域人民防空工程建设的监督管理，防空地下室建设审批与易地建设费征收，人民防空工程维护管理、"
    "警报设施的监督检查，依法查处人民防空违法行为。"
)

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
)
GIVEN = [
    "建国",
    "晓燕",
    "志强",
    "丽娟",
    "海涛",
    "文博",
    "秀英",
    "国华",
    "明辉",
    "婷婷",
    "俊杰",
    "红梅",
    "永刚",
    "雅琴",
    "晨阳",
    "立新",
    "淑芬",
    "宏伟",
    "佳怡",
    "德明",
]
POSTS = ["科长", "副科长", "主任科员", "一级科员", "二级科员", "科员"]
