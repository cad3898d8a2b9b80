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


def _seal_png() -> bytes:
    """A red 40×40 PNG standing for an office's seal."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 40), (200, 0, 0)).save(out, format="PNG")
    return out.getvalue()


def _office_template() -> bytes:
    """An office's own template built with python-docx: a header with the office's name, a footer with a
    PAGE field, a seal image, a table whose first row spans two columns (gridSpan) and whose first column
    merges two rows (vMerge), and enough text for two pages."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    document = Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "山西省人民防空办公室执法文书"
    footer = section.footer.paragraphs[0]
    footer.add_run("第")
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "9"), ("end", None)):
        run = footer.add_run()
        if kind is not None:
            mark = OxmlElement("w:fldChar")
            mark.set(qn("w:fldCharType"), kind)
            run._element.append(mark)
        elif text == " PAGE ":
            instruction = OxmlElement("w:instrText")
            instruction.text = text
            run._element.append(instruction)
        else:
            run.text = text
    footer.add_run("页")
    document.add_paragraph("{{ party_name }}")
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "证据清单"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "书证"
    table.cell(1, 1).text = "现场照片"
    table.cell(2, 1).text = "询问笔录"
    document.add_paragraph().add_run().add_picture(io.BytesIO(_seal_png()), width=Cm(4))
    for number in range(60):
        document.add_paragraph(f"第{number + 1}段：当事人擅自拆除人民防空工程防护设备。")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_merged_cells_become_colspan_and_rowspan() -> None:
    page = pdf.html_of(
        rendering.render(_office_template(), {"party_name": "山西某建设有限公司"}), title="测试"
    )
    assert 'colspan="2"' in page
    assert 'rowspan="2"' in page
    assert page.count("证据清单") == 1
    assert page.count("书证") == 1  # the continued cell of the vertical merge is left out
    assert "data:image/png;base64," in page
    assert "width:113.4pt;height:113.4pt" in page  # 4 cm, at its size


def test_the_pdf_keeps_the_seal_the_header_and_footer_and_the_merged_table() -> None:
    docx = rendering.render(_office_template(), {"party_name": "山西某建设有限公司"})
    reader = PdfReader(io.BytesIO(pdf.docx_to_pdf(docx, title="测试")))
    pages: list[Any] = list(reader.pages)
    assert len(pages) >= 2
    texts = [page.extract_text() for page in pages]
    assert all("山西省人民防空办公室执法文书" in text for text in texts)  # the header on every page
    assert "第1页" in texts[0].replace(" ", "")
    assert "第2页" in texts[1].replace(" ", "")
    assert "第9页" not in "".join(texts).replace(" ", "")  # the field's cached value is not printed
    assert "".join(texts).count("书证") == 1
    images = [
        x.get_object()
        for page in pages
        for x in page["/Resources"].get("/XObject", {}).values()
        if x.get_object().get("/Subtype") == "/Image"
    ]
    assert images, "the seal is printed"
