"""The stand-in PDF print of the tests that never read the PDF. WeasyPrint's print of every notice, decision,
送达回证 and review opinion was a third of the case tests' time and a fifth of the review and publicity
tests'. With the stand-in the DOCX is still rendered, converted to HTML, stored and recorded as always, and
the stand-in's digest stands in the PDF's. A test that reads the PDF (its text, its header, its media type)
is marked ``prints_pdf`` and gets the real print. Production never uses any of this."""

from __future__ import annotations

import hashlib

import pytest

from sanxiang.documents import pdf

STAND_IN = b"Not a PDF: the stand-in print of a test that does not read the PDF. HTML sha256: "


def stand_in_pdf(content: bytes, *, title: str) -> bytes:
    """What ``pdf.docx_to_pdf`` prints, without WeasyPrint: the DOCX still goes through ``html_of``, and the
    result names the digest of that HTML, so different documents still store and record different
    digests. It does not start with ``%PDF``: a test that reads it without the mark ``prints_pdf`` fails."""
    page = pdf.html_of(content, title=title)
    return STAND_IN + hashlib.sha256(page.encode()).hexdigest().encode()


def use_stand_in_unless_marked(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """For an autouse fixture of a test package: the stand-in print, unless the test is marked
    ``prints_pdf``."""
    if request.node.get_closest_marker("prints_pdf") is None:
        monkeypatch.setattr(pdf, "docx_to_pdf", stand_in_pdf)
