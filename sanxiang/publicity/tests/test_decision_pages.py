"""The portal's decision pages over HTTP (anonymous): only published, corrected and withdrawn publications;
Chinese text search, filters by agency, kind and year; each entry with its digest, leaf index, served
document, record entry and a proof that checks against the signed checkpoint; open data in the 双公示 layout.
Drafts,
approvals, exclusions and expired publications are 404 for everyone here."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import re

import pytest
from django.test import Client
from django.urls import reverse

from sanxiang.cases.tests.case_factories import Desk
from sanxiang.publicity import actions
from sanxiang.publicity.masking import leaks
from sanxiang.publicity.models import Publication
from sanxiang.publicity.tests.helpers import decided_penalty, draft_of, published
from sanxiang.records import checkpoints, integrator, merkle

HEX = re.compile(r"[0-9a-f]{64}")


def _page(client: Client, name: str, *args: object, **params: str) -> str:
    response = client.get(reverse(name, args=args), params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def shown(desk: Desk) -> Publication:
    case = decided_penalty(desk, parties=[desk.person], facts="赵六擅自拆除防空地下室，电话13800000000。")
    publication = published(desk, case)
    integrator.integrate()
    return publication


def test_the_list_shows_published_decisions_only(client: Client, desk: Desk, shown: Publication) -> None:
    draft = draft_of(decided_penalty(desk))
    page = _page(client, "publicity:decisions")
    assert f'data-publication="{shown.pk}"' in page
    assert f'data-publication="{draft.pk}"' not in page


@pytest.mark.parametrize("status", ["draft", "approved", "excluded", "expired"])
def test_a_publication_that_is_not_public_is_404_for_everyone(
    client: Client, desk: Desk, shown: Publication, status: str
) -> None:
    Publication.objects.filter(pk=shown.pk).update(status=status, exclusion="privacy")
    for user in (None, desk.world.officer_user, desk.world.supervisor_user):
        if user is not None:
            client.force_login(user)
        for name in ("publicity:decision", "publicity:document", "publicity:entry", "publicity:proof"):
            assert client.get(reverse(name, args=[shown.pk])).status_code == 404


def test_search_finds_chinese_text_and_filters(client: Client, desk: Desk, shown: Publication) -> None:
    """Trigram search (FTS5 on SQLite, pg_trgm on PostgreSQL) over the masked text; two-character queries
    fall back to a plain scan."""
    hit = f'data-publication="{shown.pk}"'
    assert hit in _page(client, "publicity:decisions", q="防空地下室")
    assert hit in _page(client, "publicity:decisions", q="拆除")
    assert hit not in _page(client, "publicity:decisions", q="消防通道")
    assert hit not in _page(client, "publicity:decisions", q="13800000000")  # only masked text is searched
    assert hit in _page(
        client, "publicity:decisions", agency=str(desk.world.taiyuan.pk), kind="penalty", year="2026"
    )
    assert hit not in _page(client, "publicity:decisions", agency=str(desk.world.datong.pk))
    assert hit not in _page(client, "publicity:decisions", kind="license")
    assert hit not in _page(client, "publicity:decisions", year="2025")
    assert hit not in _page(client, "publicity:inspection_results")


def test_no_page_shows_an_identity_number_or_mobile(client: Client, desk: Desk, shown: Publication) -> None:
    """R-PUB-11 over the served pages (digests, which are hex, are left out of the check)."""
    pages = [
        _page(client, "publicity:decisions"),
        _page(client, "publicity:decision", shown.pk),
        _page(client, "publicity:document", shown.pk),
        _page(client, "publicity:export_json"),
        _page(client, "publicity:export_csv"),
    ]
    for page in pages:
        assert leaks(HEX.sub("", page)) == []


def test_the_detail_shows_the_digest_and_leaf_index(client: Client, shown: Publication) -> None:
    page = _page(client, "publicity:decision", shown.pk)
    assert shown.document_digest in page
    assert 'id="leaf-index">' in page
    assert "publicity/verify.js" in page
    assert checkpoints.verifier_key() in page


def test_the_served_document_matches_its_recorded_digest_and_the_proof_verifies(
    client: Client, shown: Publication
) -> None:
    """What the browser checks, done here in Python: document → digest in the entry → leaf → root of the
    signed checkpoint (docs/records-format.md §5)."""
    document = client.get(reverse("publicity:document", args=[shown.pk])).content
    entry = client.get(reverse("publicity:entry", args=[shown.pk])).content
    assert "sha256:" + hashlib.sha256(document).hexdigest() == shown.document_digest
    assert json.loads(entry)["data"]["document_digest"] == shown.document_digest
    response = client.get(reverse("publicity:proof", args=[shown.pk]))
    assert response["Content-Disposition"].endswith('.proof"')
    head, note = response.content.decode().split("\n\n", 1)
    lines = head.split("\n")
    assert lines[0] == "c2sp.org/tlog-proof@v1"
    index = int(lines[1].removeprefix("index "))
    path = [base64.b64decode(line) for line in lines[2:]]
    origin, size, root = note.split("\n")[:3]
    tree = merkle.TreeHasher("sha256")
    assert origin
    assert merkle.verify_inclusion(
        tree, index=index, size=int(size), leaf=tree.leaf(entry), proof=path, root=base64.b64decode(root)
    )
    assert client.get(reverse("records:checkpoint")).content.decode() == note


def test_open_data_in_the_two_publicity_layout(client: Client, desk: Desk, shown: Publication) -> None:
    """R-PUB-13: the 双公示 items, the current state, the digest and a withdrawal's reason."""
    user = desk.world.officer_user
    actions.check_open_withdrawal(shown, actor_user=user, ground="revoked", ground_on=shown.decided_on)
    actions.check_withdraw_publication(shown, actor_user=user, reason="复议撤销")
    data = json.loads(_page(client, "publicity:export_json"))
    assert data["fields"][:4] == ["相对人名称", "统一社会信用代码", "法定代表人", "决定书文号"]
    (item,) = data["items"]
    assert (item["当前状态"], item["撤回原因"]) == ("已撤回", "复议撤销")
    assert item["统一社会信用代码"] == "1101**********002X"
    rows = list(csv.DictReader(io.StringIO(_page(client, "publicity:export_csv").lstrip("\ufeff"))))
    assert rows[0]["文档摘要"] == shown.document_digest


def test_the_list_needs_a_fixed_number_of_queries(
    client: Client, desk: Desk, shown: Publication, django_assert_max_num_queries: object
) -> None:
    for _ in range(3):
        published(desk)
    with django_assert_max_num_queries(6):  # type: ignore[operator]
        _page(client, "publicity:decisions")


def test_search_follows_a_correction(client: Client, desk: Desk, shown: Publication) -> None:
    """The search index follows the served text (FTS5 triggers on SQLite; the column itself on PostgreSQL)."""
    actions.check_correct_publication(
        shown,
        actor_user=desk.world.officer_user,
        requested_by="赵六",
        request="事实表述有误",
        changes={"facts": "赵六擅自改造人防工程出入口。"},
    )
    hit = f'data-publication="{shown.pk}"'
    assert hit in _page(client, "publicity:decisions", q="改造人防工程")
    assert hit not in _page(client, "publicity:decisions", q="防空地下室")


@pytest.mark.postgres
def test_postgres_has_the_trigram_index(db: None) -> None:
    """Migration 0002 on PostgreSQL: pg_trgm and a GIN index over the search text."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'publicity_publication_search_trgm'"
        )
        (definition,) = cursor.fetchone()
    assert "gin_trgm_ops" in definition
