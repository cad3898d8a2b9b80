"""The attached lists of the Shanxi default catalogue as specs: discretion benchmarks for 人民防空法
第四十八条 and 第四十九条 (SHANXI.md §2.5 proposal, inside the statutory ranges), a sample
AV-recording list (漯河 model, §2.4), major-decision rules (§2.3, §6), inspection items (吕梁 2025
plan, §2.2) and the 易地建设费 standard (§1.3). Data only. Proposals and placeholders are marked to
be confirmed."""

from __future__ import annotations

from sanxiang.matters.enums import (
    AVRequirement,
    MatterType,
    PartyKind,
    RetentionClass,
    ReviewCriterion,
    Tier,
)
from sanxiang.matters.models import Article
from sanxiang.matters.specs import (
    AVSpec,
    BenchmarkSpec,
    ExemptionSpec,
    FeeSpec,
    InspectionSpec,
    ReviewRuleSpec,
)

YUAN = 100
PROPOSED = "山西裁量基准未取得；档次为系统建议值（SHANXI.md §2.5 [P]），待替换为正式基准"
ORG, IND = PartyKind.ORGANIZATION, PartyKind.INDIVIDUAL
NONE_CONDITION = "轻微并及时纠正，没有造成危害后果（首次违法，限期内完成改正）"

# (tier, condition, low yuan, high yuan); None: no fine in the tier
_TIERS_48 = (
    (Tier.NO_PENALTY, "首次违法，限期内完成修建或补缴易地建设费", None, None),
    (Tier.LENIENT, "经责令后主动改正，未造成不良影响", 0, 30_000),
    (Tier.ORDINARY, "经责令后改正，但造成一定不良影响", 30_000, 70_000),
    (Tier.SEVERE, "限期内仍未改正，或造成严重不良影响", 70_000, 100_000),
)
_TIERS_49 = {
    ORG: (
        (Tier.NO_PENALTY, NONE_CONDITION, None, None),
        (Tier.LENIENT, "主动消除或者减轻危害后果", 10_000, 20_000),
        (Tier.ORDINARY, "一般情节", 20_000, 40_000),
        (Tier.SEVERE, "拒不改正，或者危害人民防空工程安全和使用效能", 40_000, 50_000),
    ),
    IND: (
        (Tier.NO_PENALTY, NONE_CONDITION, None, None),
        (Tier.LENIENT, "主动消除或者减轻危害后果", 0, 1_000),
        (Tier.ORDINARY, "一般情节", 1_000, 3_000),
        (Tier.SEVERE, "拒不改正，或者危害人民防空工程安全和使用效能", 3_000, 5_000),
    ),
}


def _fen(amount: int | None) -> int | None:
    return None if amount is None else amount * YUAN


def benchmark_specs(articles: dict[str, Article]) -> list[BenchmarkSpec]:
    specs = [
        BenchmarkSpec(
            code="RF-48",
            violation="城市新建民用建筑不修建（少建）防空地下室",
            articles=[articles["rff48"]],
            party_kind=ORG,
            tier=tier,
            condition=condition,
            min_fen=_fen(low),
            max_fen=_fen(high),
            measures="警告；责令限期修建",
            matter_code="CF-01",
            unconfirmed_note=PROPOSED,
        )
        for tier, condition, low, high in _TIERS_48
    ]
    for party, tiers in _TIERS_49.items():
        specs += [
            BenchmarkSpec(
                code="RF-49",
                violation="人民防空法第四十九条所列违法行为",
                articles=[articles["rff49"]],
                party_kind=party,
                tier=tier,
                condition=condition,
                min_fen=_fen(low),
                max_fen=_fen(high),
                measures="警告；责令限期改正",
                unconfirmed_note=PROPOSED,
            )
            for tier, condition, low, high in tiers
        ]
    return specs


# 漯河国动办《行政执法音像记录事项清单》 steps (SHANXI.md §2.4), applied to the penalty matters.
_PENALTY_STEPS = (
    ("investigate", "调查取证（现场检查、勘验）", AVRequirement.FULL),
    ("hearing", "听证", AVRequirement.FULL),
    ("serve_left", "留置送达、公告送达", AVRequirement.FULL),
    ("notify", "告知、陈述申辩", AVRequirement.AS_NEEDED),
)
_PENALTIES = tuple(f"CF-{n:02d}" for n in range(1, 10))
_INSPECTIONS = ("JC-01", "JC-02", "JC-03", "JC-04")
AV_TO_CONFIRM = "山西音像记录事项清单未取得；强制执行环节按118号全程记录，待核"


def av_specs() -> list[AVSpec]:
    specs = [
        AVSpec(code, step, name, requirement, RetentionClass.EVIDENCE)
        for code in _PENALTIES
        for step, name, requirement in _PENALTY_STEPS
    ]
    specs += [
        AVSpec(
            code, "inspect", "现场检查", AVRequirement.FULL, RetentionClass.ROUTINE, "发现违法时转为证据保存"
        )
        for code in _INSPECTIONS
    ]
    specs.append(AVSpec("XK-01", "verify", "现场核查", AVRequirement.AS_NEEDED, RetentionClass.ROUTINE))
    # 行政强制执行 (国办发〔2018〕118号: 全程音像记录); the Shanxi list is to be confirmed.
    specs += [
        AVSpec(code, "serve_demand", "催告书送达", AVRequirement.FULL, RetentionClass.EVIDENCE, AV_TO_CONFIRM)
        for code in ("QZ-01", "QZ-02")
    ]
    specs.append(
        AVSpec(
            "ZS-01", "serve_demand_note", "缴款通知书送达", AVRequirement.AS_NEEDED, RetentionClass.ROUTINE
        )
    )
    return specs


THRESHOLD = "较大数额未取得山西标准；为占位值（SHANXI.md §6 [P]）"


def review_rule_specs(articles: dict[str, Article]) -> list[ReviewRuleSpec]:
    basis = [articles["cff58"]]
    return [
        ReviewRuleSpec(
            "FS-01",
            ReviewCriterion.AMOUNT,
            "拟对个人罚款达到较大数额",
            basis,
            MatterType.PENALTY,
            IND,
            5_000 * YUAN,
            unconfirmed_note=THRESHOLD,
        ),
        ReviewRuleSpec(
            "FS-02",
            ReviewCriterion.AMOUNT,
            "拟对单位罚款达到较大数额",
            basis,
            MatterType.PENALTY,
            ORG,
            50_000 * YUAN,
            unconfirmed_note=THRESHOLD,
        ),
        ReviewRuleSpec(
            "FS-03",
            ReviewCriterion.PENALTY_KIND,
            "依人民防空法第四十八条给予警告并处罚款",
            [articles["rff48"]],
            MatterType.PENALTY,
            value="rff48_fine",
        ),
        ReviewRuleSpec(
            "FS-04",
            ReviewCriterion.HEARING_HELD,
            "直接关系当事人或第三人重大权益，经过听证程序",
            basis,
            MatterType.PENALTY,
        ),
        ReviewRuleSpec(
            "FS-05",
            ReviewCriterion.DECISION_KIND,
            "减轻处罚或不予处罚超出裁量基准",
            basis,
            MatterType.PENALTY,
            value="outside_benchmark",
        ),
        ReviewRuleSpec(
            "FS-06",
            ReviewCriterion.DECISION_KIND,
            "不予许可、撤销许可",
            (),
            MatterType.LICENSE,
            value="license_refused_or_revoked",
        ),
        ReviewRuleSpec(
            "FS-07",
            ReviewCriterion.DECISION_KIND,
            "批准拆除公用人民防空工程",
            (),
            MatterType.LICENSE,
            value="public_works_demolition",
        ),
        ReviewRuleSpec(
            "FS-08",
            ReviewCriterion.DECISION_KIND,
            "申请人民法院强制执行",
            (),
            MatterType.COERCION,
            value="court_enforcement",
        ),
        ReviewRuleSpec(
            "FS-09",
            ReviewCriterion.DECISION_KIND,
            "易地建设费减免",
            (),
            MatterType.LEVY,
            value="levy_exemption",
        ),
        ReviewRuleSpec(
            "FS-10", ReviewCriterion.HANDLER_FLAG, "涉及重大公共利益", basis, value="public_interest"
        ),
        ReviewRuleSpec(
            "FS-11",
            ReviewCriterion.HANDLER_FLAG,
            "案件情况疑难复杂、涉及多个法律关系",
            basis,
            value="complex",
        ),
    ]


def inspection_specs(articles: dict[str, Article]) -> list[InspectionSpec]:
    def cite(*keys: str) -> list[Article]:
        return [articles[key] for key in keys]

    return [
        InspectionSpec(
            "JC-01",
            "对人民防空工程维护管理的行政检查",
            cite("rff25", "sxss7", "sxwh.basis"),
            "人民防空主管部门（防护保护科）",
            "人民防空工程（总数涉密不予公开）",
            "维护管理制度；防护密闭设备设施及风、水、电、暖、通信、消防系统；是否损坏工程结构和防护功能",
            "现场检查",
            "每年一次",
            100,
            "JC-01",
        ),
        InspectionSpec(
            "JC-02",
            "对人民防空工程质量的行政检查",
            cite("rff23", "jszl.basis", "sxjs11", "sxjg.basis"),
            "人民防空主管部门",
            "在建人民防空工程（基数动态调整）",
            "各方主体质量行为；实体质量",
            "现场检查",
            "每年一次",
            100,
            "JC-02",
        ),
        InspectionSpec(
            "JC-03",
            "对人民防空防护设备企业的行政检查",
            cite("jszl.basis", "sbgl.basis"),
            "人民防空主管部门",
            "人民防空防护设备生产企业",
            "企业生产条件；安装现场产品抽检",
            "实地考察、产品抽检",
            "每年一次",
            100,
            "JC-03",
        ),
        InspectionSpec(
            "JC-04",
            "对履行防空地下室应建义务的行政检查",
            cite("rff22", "rff28"),
            "人民防空主管部门",
            "应建防空地下室的建设单位",
            "是否修建或缴费；拆除后是否补建；是否备案",
            "双随机抽查",
            "每年一次",
            10,
            "JC-04",
            "抽查比例为系统建议值，待本机关确定",
        ),
    ]


def fee_specs(articles: dict[str, Article]) -> list[FeeSpec]:
    cite474 = [articles["jjg474.basis"]]
    return [
        FeeSpec(
            code="YD-01",
            name="防空地下室易地建设费",
            rate_fen=1_500 * YUAN,
            per_unit="m²",
            articles=[articles["zf9.3.9"], articles["jjg474.basis"], articles["cs58.basis"]],
            matter_code="ZS-01",
            note="按应建防空地下室面积计征；自2021年1月1日起由税务部门征收（财税〔2020〕58号，山西做法待核）",
            unconfirmed_note="山西收费标准未取得；1,500元/m²为青海标准的占位值（SHANXI.md §7 第3项）",
            exemptions=(
                ExemptionSpec("JM-01", "廉租住房、经济适用住房", cite474),
                ExemptionSpec("JM-02", "临时民用建筑", cite474),
                ExemptionSpec("JM-03", "不增加面积的危房翻新改造商品住宅", cite474),
                ExemptionSpec("JM-04", "因水灾、火灾或者其他不可抗力原面积恢复重建的建筑", cite474),
                ExemptionSpec(
                    "JM-05",
                    "社区养老、托育、家政服务用房（确因地质条件等原因无法修建）",
                    [articles["gg76.basis"]],
                ),
            ),
        )
    ]
