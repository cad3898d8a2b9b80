"""The flowchart (执法流程图) of a procedure, drawn as SVG from its definition in ``matters.procedures``,
never by hand: stages top to bottom with the main path in one column and optional branches beside it,
arrows labelled with their act and its article, the time limits with their basis listed under the chart.

Pure: one function of a ``Procedure`` to standalone SVG text, the same text for the same procedure and
language. It never reads the database, never loads anything external (fonts are named with CJK fallbacks,
not fetched), and every piece of text it writes is escaped.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from html import escape

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from sanxiang.matters.procedures import DayUnit, LimitEffect, Procedure, Stage, Transition

FONT_FAMILY = (
    "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', "
    "'WenQuanYi Micro Hei', 'Hiragino Sans GB', SimSun, sans-serif"
)
FONT = 14
SMALL = 12
LINE = 18
BOX_W = 220
GAP_X = 220  # between the main column and the branch column: room for the branch arrows' labels
GAP_Y = 74  # between rows: room for the labels of the main path's arrows
LEFT = 190  # room for arrows that skip stages or go back, routed on the left
TOP = 56
LABEL_W = 190
# Presentation attributes rather than a <style> element: inline in a page, a <style> would restyle the page.
COLOURS = {
    "stage": 'fill="#f4f7fb" stroke="#1f4e79" stroke-width="1.5"',
    "terminal": 'fill="#e8f1e9" stroke="#2f6b3a" stroke-width="1.5"',
}


@dataclass(frozen=True)
class _Box:
    stage: Stage
    column: int
    row: int


def _width(text: str, size: int) -> float:
    """Approximate advance of ``text``: wide (CJK) characters take a full em, others about half."""
    return sum(size if unicodedata.east_asian_width(char) in "WF" else size * 0.55 for char in text)


def _wrap(text: str, width: float, size: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for char in text:
        if current and _width(current + char, size) > width:
            lines.append(current)
            current = char.lstrip()
        else:
            current += char
    if current or not lines:
        lines.append(current)
    return lines


def _main_path(procedure: Procedure) -> list[str]:
    """The stages reached from the initial one by following the first non-optional act out of each."""
    path = [procedure.initial.code]
    while True:
        onward = [t for t in procedure.acts_from(path[-1]) if not t.optional and t.target not in path]
        if not onward:
            return path
        path.append(onward[0].target)


def _layout(procedure: Procedure) -> dict[str, _Box]:
    main = _main_path(procedure)
    boxes = {code: _Box(procedure.stage(code), 0, row) for row, code in enumerate(main)}
    taken: set[int] = set()
    pending = [stage for stage in procedure.stages if stage.code not in boxes]
    while pending:
        placed = False
        for stage in pending:
            sources = [
                t.source for t in procedure.transitions if t.target == stage.code and t.source in boxes
            ]
            if sources:
                row = min(boxes[source].row for source in sources)
                while row in taken:
                    row += 1
                taken.add(row)
                boxes[stage.code] = _Box(stage, 1, row)
                pending.remove(stage)
                placed = True
                break
        if not placed:  # unreachable stages: still shown, below everything else
            stage = pending.pop(0)
            row = max([box.row for box in boxes.values()] + [len(main) - 1]) + 1
            taken.add(row)
            boxes[stage.code] = _Box(stage, 1, row)
    return boxes


def _unit(unit: DayUnit) -> str:
    return {
        DayUnit.WORKING: pgettext("time limit unit", "working days"),
        DayUnit.CALENDAR: pgettext("time limit unit", "calendar days"),
        DayUnit.MONTH: pgettext("time limit unit", "months"),
    }[unit]


def _effect(effect: LimitEffect, limit: str) -> str:
    texts = {
        LimitEffect.START: _("starts: %(limit)s"),
        LimitEffect.PAUSE: _("pauses: %(limit)s"),
        LimitEffect.RESUME: _("resumes: %(limit)s"),
        LimitEffect.STOP: _("stops: %(limit)s"),
        LimitEffect.EXTEND: _("extends: %(limit)s"),
    }
    return texts[effect] % {"limit": limit}


def _edge_lines(procedure: Procedure, transition: Transition) -> list[tuple[str, int]]:
    """The label of an arrow: the act (bold), its article, and the time limits it starts or stops."""
    names = {limit.code: str(limit.label) for limit in procedure.limits}
    lines = [(line, FONT) for line in _wrap(str(transition.label), LABEL_W, FONT)]
    notes = [transition.basis] if transition.basis else []
    notes += [_effect(change.effect, names.get(change.limit, change.limit)) for change in transition.limits]
    for note in notes:
        lines += [(line, SMALL) for line in _wrap(note, LABEL_W, SMALL)]
    return lines


class _Canvas:
    def __init__(self, box_h: int) -> None:
        self.box_h = box_h
        self.parts: list[str] = []

    def x(self, column: int) -> int:
        return LEFT + column * (BOX_W + GAP_X)

    def y(self, row: int) -> int:
        return TOP + row * (self.box_h + GAP_Y)

    def text(self, x: float, y: float, lines: list[tuple[str, int]], anchor: str, cls: str = "") -> None:
        attrs = f' class="{cls}"' if cls else ""
        self.parts.append(f'<text x="{x:.0f}" y="{y:.0f}" text-anchor="{anchor}"{attrs}>')
        for index, (line, size) in enumerate(lines):
            dy = 0 if index == 0 else LINE if size == FONT else LINE - 3
            weight = ' font-weight="600"' if size == FONT and cls == "act" else ""
            self.parts.append(
                f'<tspan x="{x:.0f}" dy="{dy}" font-size="{size}"{weight}>{escape(line, quote=True)}</tspan>'
            )
        self.parts.append("</text>")

    def box(self, box: _Box, initial: bool) -> None:
        x, y = self.x(box.column), self.y(box.row)
        shape = "terminal" if box.stage.terminal or initial else "stage"
        rx = self.box_h // 2 if shape == "terminal" else 6
        self.parts.append(
            f'<g class="{shape}" data-stage="{escape(box.stage.code, quote=True)}">'
            f'<rect x="{x}" y="{y}" width="{BOX_W}" height="{self.box_h}" rx="{rx}" {COLOURS[shape]}/>'
        )
        lines = _wrap(str(box.stage.label), BOX_W - 20, FONT)
        first = y + self.box_h / 2 - (len(lines) - 1) * LINE / 2 + FONT * 0.35
        self.text(x + BOX_W / 2, first, [(line, FONT) for line in lines], "middle")
        self.parts.append("</g>")


def _edge(canvas: _Canvas, source: _Box, target: _Box, lines: list[tuple[str, int]], lane: int) -> None:
    """One arrow, routed by where its ends are; ``lane`` spreads the arrows routed on the left."""
    h = canvas.box_h
    label: tuple[float, float, str]
    sx, sy, tx, ty = (
        canvas.x(source.column),
        canvas.y(source.row),
        canvas.x(target.column),
        canvas.y(target.row),
    )
    dashed = ' stroke-dasharray="6 4"' if source.column or target.column else ""
    if source.column == target.column and target.row == source.row + 1:
        cx = sx + BOX_W / 2
        path = f"M{cx:.0f},{sy + h} L{cx:.0f},{ty - 2}"
        label = (cx + 10, sy + h + 20, "start")
    elif source.column == 0 and target.column == 1:
        path = f"M{sx + BOX_W},{sy + h / 2:.0f} L{tx - 2},{ty + h / 2:.0f}"
        label = ((sx + BOX_W + tx) / 2, min(sy, ty) + h / 2 - 8 - (len(lines) - 1) * LINE, "middle")
    elif source.column == 1 and target.column == 0:
        path = f"M{sx},{sy + h * 3 / 4:.0f} L{tx + BOX_W + 2},{ty + h / 4:.0f}"
        label = ((sx + tx + BOX_W) / 2, (sy + ty + h) / 2 + 16, "middle")
    else:
        lx = canvas.x(0) - 16 - 12 * lane
        start, end = (sx, sy + h / 2), (tx, ty + h / 2)
        if source.column == 1 and target.column == 1:
            lx = canvas.x(1) + BOX_W + 16 + 12 * lane
            start, end = (sx + BOX_W, sy + h / 2), (tx + BOX_W, ty + h / 2)
        points = (start, (lx, start[1]), (lx, end[1]), end)
        path = "M" + " L".join(f"{px:.0f},{py:.0f}" for px, py in points)
        side = "end" if lx < canvas.x(0) else "start"
        label = (lx - 6 if side == "end" else lx + 6, (start[1] + end[1]) / 2, side)
        dashed = ' stroke-dasharray="6 4"'
    canvas.parts.append(
        f'<path d="{path}" fill="none" stroke="#444" stroke-width="1.4"{dashed} '
        'marker-end="url(#arrowhead)"/>'
    )
    canvas.text(label[0], label[1], lines, label[2], "act")


def _limits_note(procedure: Procedure, canvas: _Canvas, y: float) -> float:
    if not procedure.limits:
        return y
    lines = [(_("Time limits"), FONT)]
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
        lines += [(line, SMALL) for line in _wrap(text, 2 * BOX_W + GAP_X + LEFT - 40, SMALL)]
    canvas.text(24, y, lines, "start", "limits")
    return y + len(lines) * LINE


def render_svg(procedure: Procedure) -> str:
    """Standalone SVG text of the procedure's flowchart, in the active language."""
    boxes = _layout(procedure)
    box_lines = max(len(_wrap(str(stage.label), BOX_W - 20, FONT)) for stage in procedure.stages)
    canvas = _Canvas(box_h=max(44, 16 + box_lines * LINE))
    rows = max(box.row for box in boxes.values()) + 1
    title = _("Flowchart: %(procedure)s") % {"procedure": str(procedure.label)}
    lane = 0
    for transition in procedure.transitions:
        source, target = boxes[transition.source], boxes[transition.target]
        routed_left = source.column == target.column and target.row != source.row + 1
        _edge(canvas, source, target, _edge_lines(procedure, transition), lane)
        lane += routed_left
    edges, canvas.parts = canvas.parts, []
    for code, box in sorted(boxes.items(), key=lambda item: (item[1].row, item[1].column)):
        canvas.box(box, initial=code == procedure.initial.code)
    stages = canvas.parts
    canvas.parts = []
    height = _limits_note(procedure, canvas, canvas.y(rows) + 10) + 16
    width = LEFT + 2 * BOX_W + GAP_X + 160
    header = (
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{width}" height="{height:.0f}" '
        f'viewBox="0 0 {width} {height:.0f}" role="img" aria-labelledby="flowchart-title" '
        f'class="flowchart" data-procedure="{escape(procedure.key, quote=True)}" '
        f'font-family="{escape(FONT_FAMILY, quote=True)}" font-size="{FONT}">'
    )
    defs = (
        '<defs><marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#444"/></marker></defs>'
    )
    heading = f'<text x="24" y="30" font-size="16" font-weight="700">{escape(title, quote=True)}</text>'
    body = "".join([*edges, *stages, *canvas.parts])
    return (
        f'{header}<title id="flowchart-title">{escape(title, quote=True)}</title>{defs}{heading}{body}</svg>'
    )
