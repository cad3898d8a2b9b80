"""The 25 civil-air-defence matters of SHANXI.md §6 as specs for ``check_add_matter``. Data only.
Service-guide contact facts are placeholders for the loading agency and are marked to be confirmed."""

from __future__ import annotations

from dataclasses import dataclass

from sanxiang.matters.enums import MatterType, ReliefKind, TimeUnit
from sanxiang.matters.models import Article
from sanxiang.matters.specs import MatterSpec, ReliefSpec, TimeLimit
from sanxiang.organizations.enums import DepartmentKind
from sanxiang.organizations.models import Agency

L, Z, C, Q, J = (
    MatterType.LICENSE,
    MatterType.LEVY,
    MatterType.PENALTY,
    MatterType.COERCION,
    MatterType.INSPECTION,
)
WD, CD, MO = TimeUnit.WORKING_DAYS, TimeUnit.CALENDAR_DAYS, TimeUnit.MONTHS
CONTACTS_TO_CHECK = "办公时间、地址、电话为演示占位，待本机关核实"


@dataclass(frozen=True)
class Row:
    code: str
    type: MatterType
    name: str
    bases: tuple[str, ...]
    note: str = ""  # what SHANXI.md leaves unconfirmed
    time_note: str = ""
    promised: int | None = 7


ROWS = (
    Row("XK-01", L, "城市新建民用建筑修建防空地下室审批（结建）", ("rff22", "zf9.3.9", "sxjs11")),
    Row("XK-02", L, "防空地下室易地建设审批", ("rff22", "zf9.3.9", "gf4.3.9", "jjg474.basis")),
    Row("XK-03", L, "拆除人民防空工程审批", ("rff28", "sxwh.basis"), "条号待核", "小面积可即时办结", None),
    Row("XK-04", L, "人防工程改造、报废审批", ("sxwh.basis",), "山西依据待核", promised=None),
    Row("XK-05", L, "拆除、迁移人民防空通信、警报设施审批", ("rff35",)),
    Row("XK-06", L, "城市地下空间开发利用（含地铁）兼顾人防要求审批", ("rff14", "zf9.3.9", "gf4.3.9")),
    Row("XK-07", L, "人防工程范围内埋设管线和修建地面设施审批", ("sxwh.basis",), "山西条号待核"),
    Row(
        "ZS-01",
        Z,
        "防空地下室易地建设费征收（核定）",
        ("zf9.3.9", "jjg474.basis", "cs58.basis"),
        "山西收费标准文件待核；税务征收分工待核",
        "按核定；承诺5个工作日为系统建议",
        5,
    ),
    Row(
        "ZS-02",
        Z,
        "易地建设费减免审核（国家规定减免项目）",
        ("jjg474.basis", "gg76.basis"),
        "",
        "20个工作日",
        20,
    ),
    Row(
        "CF-01", C, "城市新建民用建筑不修建防空地下室", ("rff22", "rff48", "sxss.penalty"), "山西罚则条号待核"
    ),
    Row("CF-02", C, "少建（低于应建面积）或未按批准设计条件修建防空地下室", ("rff48", "sxjs11")),
    Row("CF-03", C, "侵占人民防空工程", ("rff49", "rff49.1")),
    Row(
        "CF-04",
        C,
        "不按国家规定的防护标准和质量标准修建人防工程",
        ("rff23", "rff49", "rff49.2"),
        "项的对应待核",
    ),
    Row(
        "CF-05",
        C,
        "改变人防工程主体结构、拆除设备设施或以其他方法危害安全和使用效能（如破墙穿管）",
        ("rff49", "rff49.3"),
        "条款对应为建议，待核",
    ),
    Row("CF-06", C, "拆除人防工程后拒不补建", ("rff28", "rff49", "rff49.4"), "项的对应待核"),
    Row(
        "CF-07",
        C,
        "占用人防通信专用频率、使用与防空警报相同音响信号或擅自拆除人防通信、警报设备设施",
        ("rff35", "rff49", "rff49.5"),
    ),
    Row("CF-08", C, "阻挠安装人防通信、警报设施，拒不改正", ("rff49", "rff49.6"), "项的对应待核"),
    Row("CF-09", C, "向人防工程内排入废水、废气或倾倒废弃物", ("rff49", "rff49.7"), "项的对应待核"),
    Row(
        "YS-01",
        C,
        "故意损坏人防设施或在人防工程内生产、储存危险品——移送公安机关",
        ("rff50",),
        "移送事项，非人防处罚；归类待核",
        "发现即移送",
    ),
    Row("QZ-01", Q, "加处罚款", ("cff72.1.1", "qzf45"), "", "每日按罚款数额3%，不超过罚款数额"),
    Row(
        "QZ-02",
        Q,
        "申请人民法院强制执行（含催告）",
        ("qzf53", "qzf54", "cff72.1.1"),
        "",
        "期限届满后3个月内；催告10日",
    ),
    Row(
        "JC-01",
        J,
        "对人民防空工程维护管理的行政检查",
        ("rff25", "sxss7", "sxwh.basis"),
        "",
        "年度计划，市本级比例100%",
    ),
    Row(
        "JC-02",
        J,
        "对人民防空工程质量的行政检查",
        ("rff23", "jszl.basis", "sxjs11", "sxjg.basis"),
        "",
        "年度计划，比例100%",
    ),
    Row(
        "JC-03",
        J,
        "对人民防空防护设备企业的行政检查",
        ("jszl.basis", "sbgl.basis"),
        "",
        "年度计划，全市比例100%",
    ),
    Row(
        "JC-04",
        J,
        "对履行防空地下室应建义务（含易地建设费缴纳、拆除后补建）的行政检查",
        ("rff22", "rff28"),
        "抽查比例为系统建议，可配置",
        "双随机",
    ),
)

WORKFLOWS = {L: "license", Z: "levy", C: "penalty", Q: "coercion", J: "inspection", MatterType.FEE: "fee"}
LICENSE_MATERIALS = ("报建申请表", "立项文件", "建设工程规划许可证", "修建性详细规划")


def _limits(row: Row, articles: dict[str, Article]) -> tuple[TimeLimit | None, Article | None]:
    """Licences: 20 working days (行政许可法 第42条); penalties: 90 days from registration
    (行政处罚法 第60条); applying to the court: 3 months (行政强制法 第53条)."""
    if row.type == L:
        return TimeLimit(20, WD), articles["xkf42"]
    if row.type == C and row.code != "YS-01":
        return TimeLimit(90, CD), articles["cff60"]
    if row.code == "QZ-02":
        return TimeLimit(3, MO), articles["qzf53"]
    return None, None


def _relief(row: Row, articles: dict[str, Article]) -> tuple[ReliefSpec, ...]:
    if row.type == J or row.code == "YS-01":
        return ()
    return (
        ReliefSpec(ReliefKind.RECONSIDERATION, "本级人民政府", 60, CD, articles["fyf20"]),
        ReliefSpec(ReliefKind.LITIGATION, "有管辖权的人民法院", 6, MO, articles["ssf46"]),
    )


def _guide(row: Row, agency: Agency) -> dict[str, str]:
    guide = {
        "accepting_body": agency.name,
        "deciding_body": agency.name,
        "supervision": f"向{agency.name}或本级司法行政部门投诉举报",
        "accountability": (
            "依照《中华人民共和国行政许可法》《中华人民共和国行政处罚法》及本省行政执法责任制追究责任"
        ),
        "office_hours": "法定工作日 8:30–12:00，14:30–17:30",
        "office_address": agency.address or "（待填写）",
        "office_phone": agency.phone or "（待填写）",
        "complaint_phone": agency.supervision_phone or "12345",
    }
    if row.type == L:
        guide["conditions"] = "符合人民防空工程建设规划和防护标准；材料齐全、符合法定形式。"
        guide["procedure"] = "申请—受理—审查—决定—送达"
    return guide


def matter_specs(agency: Agency, articles: dict[str, Article]) -> list[MatterSpec]:
    specs = []
    for row in ROWS:
        statutory, basis = _limits(row, articles)
        notes = "；".join(note for note in (row.note, CONTACTS_TO_CHECK) if note)
        specs.append(
            MatterSpec(
                code=row.code,
                name=row.name,
                type=row.type,
                articles=[articles[key] for key in row.bases],
                workflow_key="transfer" if row.code == "YS-01" else WORKFLOWS[row.type],
                department_kind=DepartmentKind.ENFORCEMENT,
                promised=TimeLimit(row.promised, WD) if row.promised else None,
                time_limit_note=row.time_note,
                relief=_relief(row, articles),
                guide=_guide(row, agency),
                materials=LICENSE_MATERIALS if row.type == L else (),
                fee_standard="按《防空地下室易地建设费》收费标准执行"
                if row.code.startswith("ZS")
                else "不收费",
                unconfirmed_note=notes,
                statutory=statutory,
                statutory_basis=basis,
            )
        )
    return specs
