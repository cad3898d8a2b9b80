"""Print a rendered DOCX to PDF: the document's paragraphs (alignment, indent, bold, size) and tables are
turned into HTML here and printed by WeasyPrint (PDF/A-2b) with the CJK fonts of Debian's fonts-noto-cjk
embedded as subsets. No office suite, no network. Pure conversion: never stores or records anything.

WeasyPrint subsets fonts with HarfBuzz when libharfbuzz-subset0 is installed (a quarter of a second per
document); without it, it falls back to fontTools, which is correct but takes 15–25 seconds on the Noto CJK
collection. The Makefile's Debian packages include it.
"""

from __future__ import annotations

import gc
import html
import io
import logging
import warnings
from collections.abc import Iterator

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.section import Section
from docx.table import Table
from docx.text.paragraph import Paragraph

PDF_VARIANT = "pdf/a-2b"
ALIGN = {
    WD_ALIGN_PARAGRAPH.CENTER: "center",
    WD_ALIGN_PARAGRAPH.RIGHT: "right",
    WD_ALIGN_PARAGRAPH.JUSTIFY: "justify",
    WD_ALIGN_PARAGRAPH.DISTRIBUTE: "justify",
}
BASE_PT = 12
# WeasyPrint logs one INFO line per step, and some at import: quiet them before it is first imported.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
FAMILIES = "'Noto Serif CJK SC','Noto Sans CJK SC',serif"  # Debian fonts-noto-cjk


def docx_to_pdf(content: bytes, *, title: str) -> bytes:
    """The PDF/A-2b print of a DOCX."""
    from weasyprint import HTML  # late: importing it parses its stylesheets (and logs)

    page = html_of(content, title=title)
    with warnings.catch_warnings():
        # WeasyPrint 70 opens its sRGB output-intent profile (PDF/A) and never closes it: the file is
        # released here, with its ResourceWarning, rather than at some later garbage collection.
        warnings.simplefilter("ignore", ResourceWarning)
        rendered = HTML(string=page).render()
        printed = bytes(rendered.write_pdf(pdf_variant=PDF_VARIANT))
        del rendered
        gc.collect()
    return printed


def html_of(content: bytes, *, title: str) -> str:
    document = Document(io.BytesIO(content))
    body = "".join(_blocks(document))
    style = _stylesheet(document.sections[0])
    return (
        f'<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{style}</style></head><body>{body}</body></html>"
    )


def _stylesheet(section: Section) -> str:
    width, height = _pt(section.page_width, 595), _pt(section.page_height, 842)
    margins = " ".join(
        f"{_pt(value, 72)}pt"
        for value in (section.top_margin, section.right_margin, section.bottom_margin, section.left_margin)
    )
    return (
        f"@page{{size:{width}pt {height}pt;margin:{margins}}}"
        f"body{{font-family:{FAMILIES};font-size:{BASE_PT}pt;line-height:1.6}}"
        "p{margin:0 0 4pt 0;white-space:pre-wrap}table{border-collapse:collapse;width:100%;margin:6pt 0}"
        "td{border:0.5pt solid #000;padding:3pt 5pt;vertical-align:top}"
    )


def _pt(value: object, default: float) -> float:
    return round(float(getattr(value, "pt", default)), 1) if value is not None else default


def _blocks(document: object) -> Iterator[str]:
    body = document.element.body  # type: ignore[attr-defined]  # python-docx is untyped here
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield _paragraph(Paragraph(child, document))  # type: ignore[arg-type]
        elif tag == "tbl":
            yield _table(Table(child, document))  # type: ignore[arg-type]


def _paragraph(paragraph: Paragraph) -> str:
    styles = []
    alignment = paragraph.alignment or paragraph.style.paragraph_format.alignment  # type: ignore[union-attr]
    if alignment in ALIGN:
        styles.append(f"text-align:{ALIGN[alignment]}")
    indent = paragraph.paragraph_format.first_line_indent
    if indent is not None:
        styles.append(f"text-indent:{_pt(indent, 0)}pt")
    runs = "".join(_run(run) for run in paragraph.runs) or "&nbsp;"
    return f'<p style="{";".join(styles)}">{runs}</p>'


def _run(run: object) -> str:
    text = html.escape(run.text).replace("\n", "<br>").replace("\t", "    ")  # type: ignore[attr-defined]
    styles = []
    if run.bold:  # type: ignore[attr-defined]
        styles.append("font-weight:bold")
    size = run.font.size  # type: ignore[attr-defined]
    if size is not None:
        styles.append(f"font-size:{_pt(size, BASE_PT)}pt")
    if run.underline:  # type: ignore[attr-defined]
        styles.append("text-decoration:underline")
    return f'<span style="{";".join(styles)}">{text}</span>' if styles else text


def _table(table: Table) -> str:
    rows = []
    for row in table.rows:
        cells = "".join(
            "<td>" + "".join(_paragraph(paragraph) for paragraph in cell.paragraphs) + "</td>"
            for cell in row.cells
        )
        rows.append(f"<tr>{cells}</tr>")
    return f"<table>{''.join(rows)}</table>"
