"""Print a rendered DOCX to PDF: the document (paragraphs, tables with merged cells, images such as seals,
the header and footer) is turned into HTML by ``docx_html`` and printed by WeasyPrint (PDF/A-2b) with the
CJK fonts of Debian's fonts-noto-cjk embedded as subsets. No office suite, no network. Pure conversion:
never stores or records anything.

WeasyPrint subsets fonts with HarfBuzz when libharfbuzz-subset0 is installed (a quarter of a second per
document); without it, it falls back to fontTools, which is correct but takes 15–25 seconds on the Noto CJK
collection. The Makefile's Debian packages include it.
"""

from __future__ import annotations

import logging
import warnings

from sanxiang.documents.docx_html import html_of

__all__ = ["PDF_VARIANT", "docx_to_pdf", "html_of"]

PDF_VARIANT = "pdf/a-2b"
# WeasyPrint logs one INFO line per step, and some at import: quiet them before it is first imported.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def docx_to_pdf(content: bytes, *, title: str) -> bytes:
    """The PDF/A-2b print of a DOCX."""
    from weasyprint import HTML  # late: importing it parses its stylesheets (and logs)

    page = html_of(content, title=title)
    with warnings.catch_warnings():
        # WeasyPrint opens its sRGB output-intent profile (PDF/A) and never closes it; the file object is
        # dropped by reference counting inside write_pdf, so its ResourceWarning is raised (and ignored) here.
        warnings.simplefilter("ignore", ResourceWarning)
        rendered = HTML(string=page).render()
        return bytes(rendered.write_pdf(pdf_variant=PDF_VARIANT))
