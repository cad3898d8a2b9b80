"""The flowchart (执法流程图) of a procedure, drawn as SVG from its definition in ``matters.procedures``,
never by hand: stages top to bottom with the main path in one column and the other stages beside it. The
main path's arrows carry their act, article and the time limits they start or stop; every other arrow carries
a number explained in the legend under the chart, followed by the time limits with their articles.

Pure: one function of a ``Procedure`` to standalone SVG text, the same text for the same procedure and
language. It never reads the database, never loads anything external (fonts are named with CJK fallbacks,
not fetched) and escapes every piece of text it writes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from html import escape

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from sanxiang.matters.procedures import DayUnit, LimitChange, LimitEffect, Procedure, Stage, Transition

FONT_FAMILY = (
    "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', "
    "'WenQuanYi Micro Hei', 'Hiragino Sans GB', SimSun, sans-serif"
)
FONT = 14
SMALL = 12
LINE = 18
BOX_W = 220
GAP_Y = 78  # between rows: room for the labels of the main path's arrows
LABEL_W = 170  # main-path labels, right of their arrow
LANE = 16  # spacing of the routed arrows' vertical lanes
MARGIN = 24
LINE_COLOUR = "#444"
# Presentation attributes rather than a <style> element: inline in a page, a <style> would restyle the page.
COLOURS = {
    "stage": 'fill="#f4f7fb" stroke="#1f4e79" stroke-width="1.5"',
    "terminal": 'fill="#e8f1e9" stroke="#2f6b3a" stroke-width="1.5"',
}
# Where routed arrows leave and enter a box's side, as a fraction of its height: chosen so that horizontal
# segments of different kinds in one row never lie on the same line (see _Plan.route).
EXIT, MAIN_ENTRY, SIDE_ENTRY = 0.3, 0.7, 0.5
_TOKENS = re.compile(r"\s+|[^\s\u2e80-\u9fff\uf900-\uffef]+|.")


# -- text ----------------------------------------------------------------------------------------------------


def _width(text: str, size: int) -> float:
    """Approximate advance of ``text``: wide (CJK) characters take a full em, others a little over half."""
    return sum(size if unicodedata.east_asian_width(char) in "WF" else size * 0.58 for char in text)


def _wrap(text: str, width: float, size: int) -> list[str]:
    """Lines of at most ``width``: Latin words stay whole where they fit, CJK breaks between characters."""
    tokens: list[str] = []
    for token in _TOKENS.findall(text):
        if _width(token, size) > width:
            tokens.extend(token)
        else:
            tokens.append(token)
    lines: list[str] = []
    current = ""
    for token in tokens:
        if current and _width(current + token, size) > width:
            lines.append(current.rstrip())
            current = token.lstrip()
        else:
            current += token
    lines.append(current.rstrip())
    return [line for line in lines if line] or [""]


def _unit(unit: DayUnit) -> str:
    return {
        DayUnit.WORKING: pgettext("time limit unit", "working days"),
        DayUnit.CALENDAR: pgettext("time limit unit", "calendar days"),
        DayUnit.MONTH: pgettext("time limit unit", "months"),
    }[unit]


def _effect(change: LimitChange, procedure: Procedure) -> str:
    names = {limit.code: str(limit.label) for limit in procedure.limits}
    texts = {
        LimitEffect.START: _("starts: %(limit)s"),
        LimitEffect.PAUSE: _("pauses: %(limit)s"),
        LimitEffect.RESUME: _("resumes: %(limit)s"),
        LimitEffect.STOP: _("stops: %(limit)s"),
        LimitEffect.EXTEND: _("extends: %(limit)s"),
    }
    return texts[change.effect] % {"limit": names.get(change.limit, change.limit)}


def _notes(procedure: Procedure, basis: str, changes: tuple[LimitChange, ...]) -> list[str]:
    return ([basis] if basis else []) + [_effect(change, procedure) for change in changes]


# -- layout --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Box:
    stage: Stage
    column: int
    row: int


def _main_path(procedure: Procedure) -> list[str]:
    """The stages reached from the initial one by following the first non-optional act out of each."""
    path = [procedure.initial.code]
    while True:
        onward = [t for t in procedure.acts_from(path[-1]) if not t.optional and t.target not in path]
        if not onward:
            return path
        path.append(onward[0].target)


def _layout(procedure: Procedure) -> dict[str, _Box]:
    """Main path in column 0; every other stage in column 1, on the row of its first placed source."""
    main = _main_path(procedure)
    boxes = {code: _Box(procedure.stage(code), 0, row) for row, code in enumerate(main)}
    taken: set[int] = set()
    pending = [stage for stage in procedure.stages if stage.code not in boxes]
    while pending:
        stage, row = _next_branch(procedure, pending, boxes)
        while row in taken:
            row += 1
        taken.add(row)
        boxes[stage.code] = _Box(stage, 1, row)
        pending.remove(stage)
    return boxes


def _next_branch(procedure: Procedure, pending: list[Stage], boxes: dict[str, _Box]) -> tuple[Stage, int]:
    for stage in pending:
        rows = [
            boxes[t.source].row for t in procedure.transitions if t.target == stage.code and t.source in boxes
        ]
        if rows:
            return stage, min(rows)
    # Unreachable from the placed stages: still shown, below everything else.
    return pending[0], max(box.row for box in boxes.values()) + 1


@dataclass
class _Plan:
    """Where everything goes: box positions, the lanes routed arrows run in, and the legend numbers."""

    boxes: dict[str, _Box]
    box_h: int
    top: int
    gap_lanes: dict[str, int] = field(default_factory=dict)  # target stage → lane between the columns
    left_lanes: dict[str, int] = field(default_factory=dict)  # target → lane left of column 0
    right_lanes: dict[str, int] = field(default_factory=dict)  # target → lane right of column 1

    @property
    def left(self) -> int:
        return MARGIN + LANE * (len(self.left_lanes) + 1) if self.left_lanes else MARGIN

    @property
    def gap(self) -> int:
        return LABEL_W + 40 + LANE * len(self.gap_lanes)

    def x(self, column: int) -> int:
        return self.left + column * (BOX_W + self.gap)

    def y(self, row: int) -> int:
        return self.top + row * (self.box_h + GAP_Y)

    def port(self, box: _Box, fraction: float) -> float:
        return self.y(box.row) + self.box_h * fraction

    def lane_x(self, transition: Transition) -> float:
        source, target = self.boxes[transition.source], self.boxes[transition.target]
        if source.column != target.column:
            return self.x(0) + BOX_W + LABEL_W + 30 + LANE * self.gap_lanes[transition.target]
        code = _lane_key(transition)
        if target.column == 0:
            return self.x(0) - LANE * (self.left_lanes[code] + 1)
        return self.x(1) + BOX_W + LANE * (self.right_lanes[code] + 1)

    @property
    def width(self) -> int:
        used = any(box.column for box in self.boxes.values())
        right = self.x(1) + BOX_W + LANE * len(self.right_lanes) if used else self.x(0) + BOX_W + LABEL_W + 20
        return right + MARGIN


def _adjacent(source: _Box, target: _Box) -> bool:
    return source.column == target.column and target.row == source.row + 1


def _lane_key(transition: Transition) -> str:
    """Arrows into one stage share a lane, except acts that stay on their stage: one loop each."""
    if transition.source == transition.target:
        return f"{transition.target}#{transition.act}"
    return transition.target


def _plan(procedure: Procedure, boxes: dict[str, _Box], box_h: int, top: int) -> _Plan:
    plan = _Plan(boxes=boxes, box_h=box_h, top=top)
    # Lanes between the columns: arrows into column 1 nearest column 0, so that in every row the exits of
    # both columns (at EXIT) never share a stretch of line.
    crossing = [t for t in procedure.transitions if boxes[t.source].column != boxes[t.target].column]
    targets = sorted({t.target for t in crossing}, key=lambda code: (-boxes[code].column, boxes[code].row))
    plan.gap_lanes = {code: index for index, code in enumerate(targets)}
    for transition in procedure.transitions:
        source, target = boxes[transition.source], boxes[transition.target]
        if source.column != target.column or _adjacent(source, target):
            continue
        lanes = plan.left_lanes if target.column == 0 else plan.right_lanes
        lanes.setdefault(_lane_key(transition), len(lanes))
    return plan


# -- drawing -------------------------------------------------------------------------------------------------


class _Canvas:
    def __init__(self) -> None:
        self.parts: list[str] = []

    def text(
        self, x: float, y: float, lines: list[tuple[str, int]], anchor: str, bold_first: bool = False
    ) -> None:
        self.parts.append(f'<text x="{x:.0f}" y="{y:.0f}" text-anchor="{anchor}">')
        for index, (line, size) in enumerate(lines):
            dy = 0 if index == 0 else LINE if size == FONT else LINE - 3
            weight = ' font-weight="600"' if bold_first and size == FONT else ""
            self.parts.append(
                f'<tspan x="{x:.0f}" dy="{dy}" font-size="{size}"{weight}>{escape(line, quote=True)}</tspan>'
            )
        self.parts.append("</text>")

    def path(self, points: list[tuple[float, float]], *, dashed: bool) -> None:
        d = "M" + " L".join(f"{px:.0f},{py:.0f}" for px, py in points)
        dash = ' stroke-dasharray="6 4"' if dashed else ""
        self.parts.append(
            f'<path d="{d}" fill="none" stroke="{LINE_COLOUR}" stroke-width="1.4"{dash} '
            'marker-end="url(#arrowhead)"/>'
        )

    def badge(self, x: float, y: float, number: int) -> None:
        self.parts.append(
            f'<g class="badge" data-legend="{number}"><circle cx="{x:.0f}" cy="{y:.0f}" r="9" fill="#fff" '
            f'stroke="{LINE_COLOUR}"/><text x="{x:.0f}" y="{y + 4:.0f}" text-anchor="middle" '
            f'font-size="11">{number}</text></g>'
        )

    def box(self, plan: _Plan, box: _Box, *, initial: bool) -> None:
        x, y = plan.x(box.column), plan.y(box.row)
        shape = "terminal" if box.stage.terminal or initial else "stage"
        rx = plan.box_h // 2 if shape == "terminal" else 6
        self.parts.append(
            f'<g class="{shape}" data-stage="{escape(box.stage.code, quote=True)}">'
            f'<rect x="{x}" y="{y}" width="{BOX_W}" height="{plan.box_h}" rx="{rx}" {COLOURS[shape]}/>'
        )
        lines = _wrap(str(box.stage.label), BOX_W - 20, FONT)
        first = y + plan.box_h / 2 - (len(lines) - 1) * LINE / 2 + FONT * 0.35
        self.text(x + BOX_W / 2, first, [(line, FONT) for line in lines], "middle")
        self.parts.append("</g>")


def _route(plan: _Plan, transition: Transition) -> list[tuple[float, float]]:
    """The arrow's corners: straight down between neighbours, otherwise out of a side along a lane."""
    source, target = plan.boxes[transition.source], plan.boxes[transition.target]
    h = plan.box_h
    if _adjacent(source, target):
        cx = plan.x(source.column) + BOX_W / 2
        return [(cx, plan.y(source.row) + h), (cx, plan.y(target.row) - 2)]
    lane = plan.lane_x(transition)
    left_side = lane < plan.x(source.column)
    sx = plan.x(source.column) + (0 if left_side else BOX_W)
    into_left = lane < plan.x(target.column)
    tx = plan.x(target.column) + (-2 if into_left else BOX_W + 2)
    entry = MAIN_ENTRY if target.column == 0 else SIDE_ENTRY
    sy, ty = plan.port(source, EXIT), plan.port(target, entry)
    return [(sx, sy), (lane, sy), (lane, ty), (tx, ty)]


@dataclass
class _Legend:
    entries: list[tuple[str, list[str]]] = field(default_factory=list)
    index: dict[tuple[str, str, str], int] = field(default_factory=dict)

    def number(self, procedure: Procedure, transition: Transition, boxes: dict[str, _Box]) -> int:
        key = (str(transition.label), transition.basis, transition.target)
        if key not in self.index:
            sources = [t.source for t in procedure.transitions if (str(t.label), t.basis, t.target) == key]
            separator = pgettext("between stage names", ", ")
            names = separator.join(str(boxes[code].stage.label) for code in dict.fromkeys(sources))
            head = _("%(act)s (%(sources)s → %(target)s)") % {
                "act": str(transition.label),
                "sources": names,
                "target": str(boxes[transition.target].stage.label),
            }
            self.entries.append((head, _notes(procedure, transition.basis, transition.limits)))
            self.index[key] = len(self.entries)
        return self.index[key]


def _draw_edges(procedure: Procedure, plan: _Plan, canvas: _Canvas) -> _Legend:
    """Every arrow; then, over them, the main path's labels and the other arrows' numbers."""
    badges = _Canvas()
    legend = _Legend()
    inline: dict[tuple[str, str], list[tuple[str, int]]] = {}
    exits: dict[str, int] = {}
    for transition in procedure.transitions:
        source, target = plan.boxes[transition.source], plan.boxes[transition.target]
        points = _route(plan, transition)
        canvas.path(points, dashed=transition.optional or source.column == 1 or not _adjacent(source, target))
        if _adjacent(source, target) and source.column == 0:
            lines = [(line, FONT) for line in _wrap(str(transition.label), LABEL_W, FONT)]
            for note in _notes(procedure, transition.basis, transition.limits):
                lines += [(line, SMALL) for line in _wrap(note, LABEL_W, SMALL)]
            inline.setdefault((transition.source, transition.target), []).extend(lines)
            continue
        number = legend.number(procedure, transition, plan.boxes)
        if _adjacent(source, target):
            badges.badge(points[0][0] + 14, (points[0][1] + points[1][1]) / 2, number)
            continue
        step = exits.get(transition.source, 0)
        exits[transition.source] = step + 1
        toward = 1 if points[1][0] > points[0][0] else -1
        x = (
            points[0][0] + toward * (14 + 22 * step)
            if abs(points[1][0] - points[0][0]) > 60
            else points[1][0]
        )
        badges.badge(x, points[0][1] if x != points[1][0] else (points[1][1] + points[2][1]) / 2, number)
    for (source_code, _target), lines in inline.items():
        source = plan.boxes[source_code]
        canvas.text(plan.x(0) + BOX_W / 2 + 10, plan.y(source.row) + plan.box_h + 20, lines, "start", True)
    canvas.parts.extend(badges.parts)
    return legend


def _draw_opening(procedure: Procedure, plan: _Plan, canvas: _Canvas) -> None:
    notes = _notes(procedure, procedure.register_basis, procedure.register_limits)
    if not notes:
        return
    cx = plan.x(0) + BOX_W / 2
    canvas.path([(cx, plan.top - 40), (cx, plan.top - 2)], dashed=False)
    lines = [(line, SMALL) for note in notes for line in _wrap(note, LABEL_W + BOX_W / 2, SMALL)]
    canvas.text(cx + 10, plan.top - 40 + SMALL, lines, "start")


def _draw_notes(procedure: Procedure, legend: _Legend, canvas: _Canvas, y: float, width: int) -> float:
    """The legend of numbered arrows, then the time limits with their articles; returns the bottom."""
    lines: list[tuple[str, int]] = []
    wrap = width - 2 * MARGIN
    for number, (head, notes) in enumerate(legend.entries, start=1):
        lines += [(line, SMALL) for line in _wrap(f"{number}. {head}", wrap, SMALL)]
        lines += [(line, SMALL) for note in notes for line in _wrap(f"    {note}", wrap, SMALL)]
    if procedure.limits:
        lines.append((_("Time limits"), FONT))
    for limit in procedure.limits:
        values = {
            "label": str(limit.label),
            "days": limit.days,
            "unit": _unit(limit.unit),
            "basis": limit.basis,
        }
        if limit.basis:
            text = _("%(label)s: %(days)s %(unit)s (%(basis)s)") % values
        else:
            text = _("%(label)s: %(days)s %(unit)s") % values
        lines += [(line, SMALL) for line in _wrap(text, wrap, SMALL)]
    if lines:
        canvas.text(MARGIN, y + FONT, lines, "start")
    return y + FONT + sum(LINE if size == FONT else LINE - 3 for _line, size in lines[1:])


def render_svg(procedure: Procedure) -> str:
    """Standalone SVG text of the procedure's flowchart, in the active language."""
    boxes = _layout(procedure)
    box_lines = max(len(_wrap(str(stage.label), BOX_W - 20, FONT)) for stage in procedure.stages)
    opening = bool(procedure.register_basis or procedure.register_limits)
    plan = _plan(procedure, boxes, box_h=max(44, 16 + box_lines * LINE), top=56 + (48 if opening else 0))
    canvas = _Canvas()
    _draw_opening(procedure, plan, canvas)
    legend = _draw_edges(procedure, plan, canvas)
    for code, box in sorted(boxes.items(), key=lambda item: (item[1].row, item[1].column)):
        canvas.box(plan, box, initial=code == procedure.initial.code)
    rows = max(box.row for box in boxes.values()) + 1
    width = plan.width
    height = _draw_notes(procedure, legend, canvas, plan.y(rows) - GAP_Y / 2, width) + MARGIN
    title = _("Flowchart: %(procedure)s") % {"procedure": str(procedure.label)}
    header = (
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{width}" height="{height:.0f}" '
        f'viewBox="0 0 {width} {height:.0f}" role="img" aria-labelledby="flowchart-title" '
        f'class="flowchart" data-procedure="{escape(procedure.key, quote=True)}" '
        f'font-family="{escape(FONT_FAMILY, quote=True)}" font-size="{FONT}" fill="#1b1b1b">'
    )
    defs = (
        '<defs><marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" '
        f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{LINE_COLOUR}"/></marker></defs>'
    )
    heading = f'<text x="{MARGIN}" y="32" font-size="16" font-weight="700">{escape(title, quote=True)}</text>'
    return (
        f'{header}<title id="flowchart-title">{escape(title, quote=True)}</title>{defs}{heading}'
        f"{''.join(canvas.parts)}</svg>"
    )
