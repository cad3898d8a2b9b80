"""Turn a rendered DOCX into the HTML that ``pdf`` prints: paragraphs (alignment, indent, bold, size,
underline), tables with merged cells (``w:gridSpan`` → colspan, ``w:vMerge`` → rowspan), images (an office's
seal or logo, inline or anchored, DrawingML or VML) embedded as data URIs at their size, and the first
section's header and footer repeated on every page (WeasyPrint running elements; a PAGE field prints the
page number). Pure conversion of bytes to text: never stores, records or reads anything else.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Iterator
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.section import Section
from docx.text.paragraph import Paragraph
from lxml import etree  # type: ignore[import-untyped]  # lxml ships no stubs; python-docx uses it

ALIGN = {
    WD_ALIGN_PARAGRAPH.CENTER: "center",
    WD_ALIGN_PARAGRAPH.RIGHT: "right",
    WD_ALIGN_PARAGRAPH.JUSTIFY: "justify",
    WD_ALIGN_PARAGRAPH.DISTRIBUTE: "justify",
}
BASE_PT = 12
EMU_PER_PT = 12_700
FAMILIES = "'Noto Serif CJK SC','Noto Sans CJK SC',serif"  # Debian fonts-noto-cjk
IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/svg+xml"})
PAGE_NUMBER = '<span class="page-number"></span>'
NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "v": "urn:schemas-microsoft-com:vml",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
}
BLIPS = etree.XPath(".//a:blip", namespaces=NS)
VML_IMAGES = etree.XPath(".//v:imagedata", namespaces=NS)
EXTENT = etree.XPath("ancestor::wp:inline/wp:extent | ancestor::wp:anchor/wp:extent", namespaces=NS)
SIMPLE_FIELDS = etree.XPath(".//w:fldSimple", namespaces=NS)
INSTRUCTIONS = etree.XPath(".//w:instrText", namespaces=NS)
ALTERNATE = f"{{{NS['mc']}}}AlternateContent"
R_EMBED = f"{{{NS['r']}}}embed"
R_ID = f"{{{NS['r']}}}id"


class _Story:
    """The parent python-docx wants for a paragraph: something with the part (for its style)."""

    def __init__(self, part: Any) -> None:
        self.part = part


def html_of(content: bytes, *, title: str) -> str:
    document = Document(io.BytesIO(content))
    section = document.sections[0]
    header = _margin_part(section, "header")
    footer = _margin_part(section, "footer")
    body = "".join(_blocks(document.element.body, document.part))
    style = _stylesheet(section, header=bool(header), footer=bool(footer))
    return (
        f'<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{style}</style></head><body>{header}{footer}{body}</body></html>"
    )


def _stylesheet(section: Section, *, header: bool, footer: bool) -> str:
    width, height = _pt(section.page_width, 595), _pt(section.page_height, 842)
    margins = " ".join(
        f"{_pt(value, 72)}pt"
        for value in (section.top_margin, section.right_margin, section.bottom_margin, section.left_margin)
    )
    boxes = ("@top-center{content:element(header);width:100%}" if header else "") + (
        "@bottom-center{content:element(footer);width:100%}" if footer else ""
    )
    return (
        f"@page{{size:{width}pt {height}pt;margin:{margins};{boxes}}}"
        f"body{{font-family:{FAMILIES};font-size:{BASE_PT}pt;line-height:1.6}}"
        "p{margin:0 0 4pt 0;white-space:pre-wrap}table{border-collapse:collapse;width:100%;margin:6pt 0}"
        "td{border:0.5pt solid #000;padding:3pt 5pt;vertical-align:top}img{vertical-align:middle}"
        "header{position:running(header);font-size:10.5pt}footer{position:running(footer);font-size:10.5pt}"
        ".page-number::before{content:counter(page)}"
    )


def _margin_part(section: Section, name: str) -> str:
    """The header or footer of the section as a running element, or "" when it has none of its own."""
    part = section.header if name == "header" else section.footer
    if part.is_linked_to_previous:  # no definition: reading it would add one
        return ""
    inner = "".join(_blocks(part._element, part.part))
    if not _has_content(part._element):
        return ""
    return f"<{name}>{inner}</{name}>"


def _has_content(element: Any) -> bool:
    texts = "".join(element.itertext()).strip()
    return bool(texts or BLIPS(element) or VML_IMAGES(element) or _page_fields(element))


def _page_fields(element: Any) -> list[Any]:
    simple = SIMPLE_FIELDS(element)
    instructions = INSTRUCTIONS(element)
    return [f for f in simple if "PAGE" in f.get(qn("w:instr"), "")] + [
        i for i in instructions if (i.text or "").strip().startswith("PAGE")
    ]


def _pt(value: object, default: float) -> float:
    return round(float(getattr(value, "pt", default)), 1) if value is not None else default


def _blocks(container: Any, part: Any) -> Iterator[str]:
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            yield _paragraph(Paragraph(child, _Story(part)), child, part)
        elif child.tag == qn("w:tbl"):
            yield _table(child, part)
        elif child.tag == qn("w:sdt"):  # content controls wrap paragraphs and tables
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(content, part)


def _paragraph(paragraph: Paragraph, element: Any, part: Any) -> str:
    styles = []
    alignment = paragraph.alignment or paragraph.style.paragraph_format.alignment  # type: ignore[union-attr]
    if alignment in ALIGN:
        styles.append(f"text-align:{ALIGN[alignment]}")
    indent = paragraph.paragraph_format.first_line_indent
    if indent is not None:
        styles.append(f"text-indent:{_pt(indent, 0)}pt")
    runs = "".join(_inline(element, part)) or "&nbsp;"
    return f'<p style="{";".join(styles)}">{runs}</p>'


def _inline(element: Any, part: Any) -> Iterator[str]:
    """The runs of a paragraph in order, those inside hyperlinks and simple fields included."""
    in_field = False  # between a PAGE field's instruction and its end, the cached number is skipped
    for child in element.iterchildren():
        if child.tag == qn("w:r"):
            state = _field_state(child)
            if state == "page":
                in_field = True
                yield PAGE_NUMBER
            elif state == "end":
                in_field = False
            elif not in_field:
                yield _run(child, part)
        elif child.tag == qn("w:fldSimple") and "PAGE" in child.get(qn("w:instr"), ""):
            yield PAGE_NUMBER
        elif child.tag in {qn("w:hyperlink"), qn("w:fldSimple"), qn("w:smartTag"), qn("w:ins")}:
            yield from _inline(child, part)


def _field_state(run: Any) -> str:
    instruction = run.find(qn("w:instrText"))
    if instruction is not None and (instruction.text or "").strip().startswith("PAGE"):
        return "page"
    mark = run.find(qn("w:fldChar"))
    if mark is not None and mark.get(qn("w:fldCharType")) == "end":
        return "end"
    return ""


def _run(run: Any, part: Any) -> str:
    pieces = []
    for child in run.iterchildren():
        if child.tag == qn("w:t"):
            pieces.append(html.escape(child.text or ""))
        elif child.tag in {qn("w:br"), qn("w:cr")}:
            pieces.append("<br>")
        elif child.tag == qn("w:tab"):
            pieces.append("    ")
        elif child.tag in {qn("w:drawing"), qn("w:pict"), ALTERNATE}:
            pieces.extend(_images(child, part))
    text = "".join(pieces)
    styles = _run_styles(run.find(qn("w:rPr")))
    return f'<span style="{";".join(styles)}">{text}</span>' if styles and text else text


def _run_styles(properties: Any) -> list[str]:
    if properties is None:
        return []
    styles = []
    bold = properties.find(qn("w:b"))
    if bold is not None and bold.get(qn("w:val"), "true") not in {"0", "false"}:
        styles.append("font-weight:bold")
    size = properties.find(qn("w:sz"))
    if size is not None and (size.get(qn("w:val")) or "").isdigit():
        styles.append(f"font-size:{int(size.get(qn('w:val'))) / 2:g}pt")
    underline = properties.find(qn("w:u"))
    if underline is not None and underline.get(qn("w:val"), "single") != "none":
        styles.append("text-decoration:underline")
    return styles


def _images(element: Any, part: Any) -> Iterator[str]:
    """The pictures of a drawing (DrawingML, inline or anchored) or of a VML picture, as <img> data URIs."""
    blips = BLIPS(element)
    for blip in blips:
        extent = next(iter(EXTENT(blip)), None)
        size = (int(extent.get("cx")), int(extent.get("cy"))) if extent is not None else None
        yield _img(part, blip.get(R_EMBED), size)
        if element.tag == ALTERNATE:
            return  # mc:Choice and mc:Fallback show the same picture
    if not blips:
        for image in VML_IMAGES(element):
            yield _img(part, image.get(R_ID), None)


def _img(part: Any, relationship: str | None, size: tuple[int, int] | None) -> str:
    target = part.related_parts.get(relationship) if relationship else None
    if target is None or target.content_type not in IMAGE_TYPES:
        return ""
    data = base64.b64encode(target.blob).decode("ascii")
    style = ""
    if size is not None and size[0] > 0 and size[1] > 0:
        style = f' style="width:{size[0] / EMU_PER_PT:.1f}pt;height:{size[1] / EMU_PER_PT:.1f}pt"'
    return f'<img alt="" src="data:{target.content_type};base64,{data}"{style}>'


def _table(table: Any, part: Any) -> str:
    """A table with its merged cells: a cell spanning grid columns gets colspan; a vertical merge
    (``w:vMerge`` restart, then continue) one cell with rowspan, the continued cells left out."""
    rows = table.findall(qn("w:tr"))
    grid = [_row_cells(row) for row in rows]
    out = []
    for index, cells in enumerate(grid):
        tds = []
        for column, span, merge, cell in cells:
            if merge == "continue":
                continue
            attributes = f' colspan="{span}"' if span > 1 else ""
            if merge == "restart":
                rowspan = 1 + _continued(grid, index + 1, column)
                attributes += f' rowspan="{rowspan}"' if rowspan > 1 else ""
            inner = "".join(_blocks(cell, part))
            tds.append(f"<td{attributes}>{inner}</td>")
        out.append(f"<tr>{''.join(tds)}</tr>")
    return f"<table>{''.join(out)}</table>"


def _row_cells(row: Any) -> list[tuple[int, int, str, Any]]:
    """(grid column, columns spanned, vertical merge state, cell) of each cell of a row."""
    column = 0
    properties = row.find(qn("w:trPr"))
    before = properties.find(qn("w:gridBefore")) if properties is not None else None
    if before is not None:
        column = int(before.get(qn("w:val"), "0"))
    cells = []
    for cell in row.findall(qn("w:tc")):
        tc_pr = cell.find(qn("w:tcPr"))
        span_element = tc_pr.find(qn("w:gridSpan")) if tc_pr is not None else None
        span = int(span_element.get(qn("w:val"), "1")) if span_element is not None else 1
        merge_element = tc_pr.find(qn("w:vMerge")) if tc_pr is not None else None
        merge = "" if merge_element is None else merge_element.get(qn("w:val"), "continue")
        cells.append((column, span, merge, cell))
        column += span
    return cells


def _continued(grid: list[list[tuple[int, int, str, Any]]], start: int, column: int) -> int:
    """How many rows from ``start`` continue the vertical merge at ``column``."""
    count = 0
    for cells in grid[start:]:
        if not any(c == column and merge == "continue" for c, _span, merge, _cell in cells):
            break
        count += 1
    return count
