"""Render a Word template (docxtpl, Jinja placeholders such as ``{{ party_name }}``) with a document's
context, and read a template's placeholders and fixed text (for the 第59条 check). Pure: bytes in, bytes
out; never stores, records or reads the database. python-docx, docxtpl and Jinja are imported on use: together
they weigh about 20 MiB, which a server process that prints nothing need not carry.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from sanxiang.core.errors import InvalidInput

DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_MEDIA_TYPE = "application/pdf"


def render(template: bytes, context: Mapping[str, Any]) -> bytes:
    """The DOCX of ``template`` filled in with ``context`` (missing values print empty)."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    document = DocxTemplate(io.BytesIO(template))
    try:
        document.render(dict(context), autoescape=True)
    except TemplateError as error:
        raise InvalidInput(_("The template cannot be filled in: %(error)s") % {"error": error}) from None
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def placeholders(template: bytes) -> set[str]:
    """The context names a template uses."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    try:
        return set(DocxTemplate(io.BytesIO(template)).get_undeclared_template_variables())
    except TemplateError as error:
        raise InvalidInput(_("The template has a syntax error: %(error)s") % {"error": error}) from None


def fixed_text(template: bytes) -> str:
    """The template's text (paragraphs and table cells), placeholders included."""
    from docx import Document

    document = Document(io.BytesIO(template))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def is_docx(content: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False
