"""Printing a DOCX to PDF: the text is extractable and Chinese, the CJK fonts are embedded, the file
declares PDF/A-2b; tables and bold survive the conversion to HTML."""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from pypdf import PdfReader

from sanxiang.documents import pdf, rendering, selectors


def _docx() -> bytes:
    context = {
        "party_name": "山西某建设有限公司",
        "facts": "擅自拆除人民防空工程。",
        "number": "晋人防罚决字〔2026〕1号",
    }
    return rendering.render(selectors.default_template("penalty_decision"), context)


def test_the_text_is_extractable_and_chinese() -> None:
    reader = PdfReader(io.BytesIO(pdf.docx_to_pdf(_docx(), title="行政处罚决定书")))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "行政处罚决定书" in text
    assert "山西某建设有限公司" in text
    assert "晋人防罚决字〔2026〕1号" in text


def test_the_fonts_are_embedded_and_the_file_is_pdfa() -> None:
    printed = pdf.docx_to_pdf(_docx(), title="行政处罚决定书")
    reader = PdfReader(io.BytesIO(printed))
    pages: list[Any] = list(reader.pages)  # pypdf's objects are typed loosely; these are dictionaries
    fonts: list[Any] = [font.get_object() for page in pages for font in page["/Resources"]["/Font"].values()]
    descendants = [font["/DescendantFonts"][0].get_object() for font in fonts if "/DescendantFonts" in font]
    assert descendants
    assert all(
        "/FontFile2" in d["/FontDescriptor"] or "/FontFile3" in d["/FontDescriptor"] for d in descendants
    )
    root: Any = reader.trailer["/Root"]
    metadata = root["/Metadata"].get_object().get_data()
    assert b"pdfaid" in metadata  # the XMP metadata declares the PDF/A part and conformance
    assert b">2<" in metadata or b'part="2"' in metadata
    assert "/OutputIntents" in root


def test_tables_and_bold_reach_the_html() -> None:
    document = Document()
    run = document.add_paragraph().add_run("粗体标题")
    run.bold = True
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "证据名称"
    table.cell(0, 1).text = "现场照片"
    out = io.BytesIO()
    document.save(out)
    html = pdf.html_of(out.getvalue(), title="测试")
    assert "font-weight:bold" in html
    assert "<td><p" in html
    assert "现场照片" in html
