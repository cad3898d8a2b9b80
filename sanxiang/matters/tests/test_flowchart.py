"""The flowchart is drawn from the procedure's data: well-formed standalone SVG naming every stage, every act
and every time limit with its article, escaped, with CJK font fallbacks and nothing external, and the same
text every time."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from sanxiang.matters.flowchart import render_svg
from sanxiang.matters.procedures import (
    DayUnit,
    LimitChange,
    LimitEffect,
    Procedure,
    Stage,
    TimeLimit,
    Transition,
)

SVG = "{http://www.w3.org/2000/svg}"

PENALTY = Procedure(
    key="penalty-test",
    label="行政处罚（普通程序）",
    version="1",
    stages=(
        Stage("clue", "线索"),
        Stage("registered", "立案"),
        Stage("investigated", "调查取证"),
        Stage("hearing", "听证"),
        Stage("review", "法制审核"),
        Stage("decided", "作出决定"),
        Stage("closed", "结案", terminal=True),
        Stage("dropped", "不予立案", terminal=True),
    ),
    transitions=(
        Transition(
            "register",
            "立案",
            "clue",
            "registered",
            basis="行政处罚法 第54条",
            limits=(LimitChange("decide", LimitEffect.START),),
        ),
        Transition(
            "investigate", "调查取证", "registered", "investigated", guards=("two_certified_officers",)
        ),
        Transition(
            "request_hearing", "申请听证", "investigated", "hearing", basis="行政处罚法 第63条", optional=True
        ),
        Transition("after_hearing", "听证结束", "hearing", "review", optional=True),
        Transition("legal_review", "提交法制审核", "investigated", "review", basis="行政处罚法 第58条"),
        Transition("reinvestigate", "补充调查", "review", "registered", optional=True),
        Transition(
            "decide",
            "作出处罚决定",
            "review",
            "decided",
            limits=(LimitChange("decide", LimitEffect.STOP),),
        ),
        Transition("close", "结案", "decided", "closed"),
        Transition("drop", "不予立案", "clue", "dropped", optional=True),
    ),
    limits=(TimeLimit("decide", "作出处罚决定", 90, DayUnit.CALENDAR, "行政处罚法 第60条"),),
)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 -- our own output, parsed to prove it is well-formed


def all_text(root: ET.Element) -> str:
    return "\n".join("".join(element.itertext()) for element in root.iter(f"{SVG}text"))


def test_the_output_is_a_well_formed_standalone_svg() -> None:
    svg = render_svg(PENALTY)
    root = parse(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox")
    assert "Noto Sans CJK SC" in (root.get("font-family") or "")
    assert "sans-serif" in (root.get("font-family") or "")


def test_nothing_is_loaded_from_outside() -> None:
    svg = render_svg(PENALTY)
    assert "http://" not in svg.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in svg
    assert "href" not in svg
    assert "<style" not in svg  # inline in a page, a style element would restyle the page


def test_every_stage_act_and_time_limit_is_labelled() -> None:
    text = all_text(parse(render_svg(PENALTY)))
    for stage in PENALTY.stages:
        assert str(stage.label) in text
    for transition in PENALTY.transitions:
        assert str(transition.label) in text
        if transition.basis:
            assert transition.basis in text
    assert "90" in text
    assert "行政处罚法 第60条" in text


def test_every_stage_is_drawn_once() -> None:
    root = parse(render_svg(PENALTY))
    drawn = [group.get("data-stage") or "" for group in root.iter(f"{SVG}g") if group.get("data-stage")]
    assert sorted(drawn) == sorted(stage.code for stage in PENALTY.stages)


def test_the_main_path_is_one_column_and_branches_stand_beside_it() -> None:
    root = parse(render_svg(PENALTY))
    x = {
        group.get("data-stage"): group.find(f"{SVG}rect").get("x")  # type: ignore[union-attr]
        for group in root.iter(f"{SVG}g")
        if group.get("data-stage")
    }
    main = {x[code] for code in ("clue", "registered", "investigated", "review", "decided", "closed")}
    assert len(main) == 1
    assert x["hearing"] not in main
    assert x["dropped"] not in main


def test_the_notes_follow_the_active_language() -> None:
    with translation.override("en"):
        english = all_text(parse(render_svg(PENALTY)))
    assert "Time limits" in english
    assert "作出处罚决定: 90 calendar days (行政处罚法 第60条)" in english
    assert "starts: 作出处罚决定" in english


@pytest.mark.parametrize("hostile", ['<script>alert("x")</script>', "A & B", "]]><x>", "'\"<>&"])
def test_all_text_is_escaped(hostile: str) -> None:
    procedure = Procedure(
        key="x&y",
        label=hostile,
        version="1",
        stages=(Stage("a", hostile), Stage("b", "完成", terminal=True)),
        transitions=(Transition("go", hostile, "a", "b", basis=hostile),),
        limits=(TimeLimit("t", hostile, 5, DayUnit.WORKING, hostile),),
    )
    svg = render_svg(procedure)
    root = parse(svg)
    assert "<script" not in svg
    assert root.find(f".//{SVG}script") is None
    assert hostile in all_text(root)


def test_the_output_is_deterministic() -> None:
    assert render_svg(PENALTY) == render_svg(PENALTY)


def test_long_labels_wrap_inside_their_boxes() -> None:
    long = "防空地下室易地建设审批及其他与人民防空工程有关的长名称事项"
    procedure = Procedure(
        key="long",
        label=long,
        version="1",
        stages=(Stage("a", long), Stage("b", "完成", terminal=True)),
        transitions=(Transition("go", "办结", "a", "b"),),
    )
    root = parse(render_svg(procedure))
    group = next(g for g in root.iter(f"{SVG}g") if g.get("data-stage") == "a")
    assert len(list(group.iter(f"{SVG}tspan"))) > 1
    assert "".join(t.text or "" for t in group.iter(f"{SVG}tspan")) == long
