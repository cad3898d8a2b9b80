"""Template versions and the 行政处罚法 第59条 template check; the default templates; the template pages
with the personas (administrator, officer, outsider, supervisor, anonymous)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation
from docx import Document

from conftest import World
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.documents import actions, elements, kinds, rendering, selectors
from sanxiang.documents.models import DocumentTemplate
from sanxiang.records.models import PendingEntry

NOW = dt.datetime(2026, 9, 1, 2, tzinfo=dt.UTC)
TODAY = dt.date(2026, 9, 1)


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with clock.frozen_now(NOW), translation.override("en"):
        yield


def _without(text: str) -> bytes:
    """The default decision template with every paragraph containing ``text`` removed."""
    document = Document(io.BytesIO(selectors.default_template("penalty_decision")))
    for paragraph in list(document.paragraphs):
        if text in paragraph.text:
            paragraph._element.getparent().remove(paragraph._element)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _upload(
    world: World, content: bytes, *, kind: str = "penalty_decision", day: dt.date = TODAY
) -> DocumentTemplate:
    return actions.check_upload_template(
        actor_user=world.admin_user,
        agency=world.taiyuan,
        kind=kind,
        content=content,
        filename="决定书.docx",
        effective_from=day,
    )


def _state() -> tuple[int, int]:
    return DocumentTemplate.objects.count(), PendingEntry.objects.count()


@pytest.mark.parametrize("kind", [kind.code for kind in kinds.KINDS])
def test_every_kind_has_a_default_template_that_renders(kind: str) -> None:
    content = selectors.default_template(kind)
    assert rendering.is_docx(content)
    assert rendering.render(content, {"party_name": "某公司"}).startswith(b"PK")


def test_the_default_decision_has_every_element_of_article_59() -> None:
    content = selectors.default_template("penalty_decision")
    assert elements.missing_elements(rendering.placeholders(content), rendering.fixed_text(content)) == []


@pytest.mark.parametrize(
    ("removed", "named"),
    [
        ("{{ party_address }}", "address"),
        ("in evidence", "facts and evidence"),
        ("{{ legal_bases }}", "legal basis"),
        ("{{ performance }}", "performance"),
        ("六十日", "60 days"),
        ("{{ issued_on }}", "date"),
        ("（印章）", "seal"),
    ],
)
def test_a_decision_template_lacking_an_element_is_refused_article_59(
    world: World, removed: str, named: str
) -> None:
    """行政处罚法 第59条: the refusal names the missing element; nothing is written."""
    before = _state()
    with pytest.raises(RuleViolation, match=named):
        _upload(world, _without(removed))
    assert _state() == before


def test_remedy_must_state_six_months_for_litigation_article_59() -> None:
    variables = {name for element in elements.ARTICLE_59 for name in element.variables}
    text = "行政复议 六十日 行政诉讼 三个月 印章"
    assert elements.missing_elements(variables, text) == [str(elements.ARTICLE_59[5].label)]


def test_versions_follow_each_other_and_the_one_in_force_applies(world: World) -> None:
    content = selectors.default_template("penalty_notice")
    first = _upload(world, content, kind="penalty_notice")
    second = _upload(world, content, kind="penalty_notice", day=TODAY + dt.timedelta(days=10))
    assert (first.version, second.version) == (1, 2)
    assert selectors.template_in_force(world.taiyuan, "penalty_notice", on=TODAY)[0] == first
    assert (
        selectors.template_in_force(world.taiyuan, "penalty_notice", on=TODAY + dt.timedelta(days=10))[0]
        == second
    )
    assert selectors.template_in_force(world.datong, "penalty_notice", on=TODAY)[0] is None
    entry = PendingEntry.objects.filter(event_type="document_template.uploaded").latest("pk")
    assert f"sha256:{second.sha256}".encode() in entry.body


def test_a_template_cannot_take_effect_in_the_past(world: World) -> None:
    before = _state()
    with pytest.raises(InvalidInput):
        _upload(
            world,
            selectors.default_template("penalty_notice"),
            kind="penalty_notice",
            day=TODAY - dt.timedelta(days=1),
        )
    assert _state() == before


def test_a_template_must_be_a_word_document(world: World) -> None:
    with pytest.raises(InvalidInput):
        _upload(world, b"%PDF-1.7", kind="penalty_notice")


def test_a_template_version_cannot_be_updated(world: World) -> None:
    row = _upload(world, selectors.default_template("penalty_notice"), kind="penalty_notice")
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentTemplate.objects.filter(pk=row.pk).update(version=9)


def test_administrator_uploads_on_the_page(client: Client, world: World) -> None:
    client.force_login(world.admin_user)
    url = reverse("documents:template_list", args=[world.taiyuan.pk])
    assert client.get(reverse("documents:template_home"))["Location"] == url
    upload = SimpleUploadedFile("告知书.docx", selectors.default_template("penalty_notice"))
    response = client.post(url, {"kind": "penalty_notice", "effective_from": "2026-09-01", "file": upload})
    assert response.status_code == 302
    assert DocumentTemplate.objects.get().version == 1
    download = client.get(
        reverse("documents:template_download", args=[world.taiyuan.pk, "penalty_notice", 1])
    )
    assert download.content.startswith(b"PK")


def test_a_refused_upload_shows_the_missing_element(client: Client, world: World) -> None:
    client.force_login(world.admin_user)
    url = reverse("documents:template_list", args=[world.taiyuan.pk])
    upload = SimpleUploadedFile("决定书.docx", _without("（印章）"))
    response = client.post(url, {"kind": "penalty_decision", "effective_from": "2026-09-01", "file": upload})
    assert response.status_code == 400
    assert "行政机关的印章（第五十九条）" in response.content.decode()
    assert not DocumentTemplate.objects.exists()


@pytest.mark.parametrize("name", ["officer", "outsider", "supervisor"])
def test_other_personas_get_404(client: Client, world: World, name: str) -> None:
    client.force_login(getattr(world, f"{name}_user"))
    for url in (
        reverse("documents:template_list", args=[world.taiyuan.pk]),
        reverse("documents:template_download", args=[world.taiyuan.pk, "penalty_notice", 0]),
    ):
        assert client.get(url).status_code == 404


def test_anonymous_is_sent_to_sign_in(client: Client, world: World) -> None:
    response = client.get(reverse("documents:template_list", args=[world.taiyuan.pk]))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
