"""Benchmark: the portal's decision search (事后公开) over 1,000,000 published decisions on PostgreSQL.

Loads the publications with one INSERT … SELECT over generate_series (server-side, no round trips): Chinese
facts, parties and matters drawn from small vocabularies by independent hashes of the row number, so that a
search term matches from a handful to many thousands of rows. Foreign keys to cases, parties and acts are
not checked during the load (``session_replication_role = replica``, on the bench database only): the search
never joins them. Agencies are real rows (the list joins them).

Then, in the same run and interleaved, it measures

  pk      ``portal.get_public(pk)``: the primary-key fetch of one public publication (the baseline)
  search  ``portal.search(criteria)``: one page of the public list for a random term (≥ 3 characters, served
          by the pg_trgm GIN index), half of them with an agency, kind or year filter

and prints the p95 latency of each and their ratio (target: search p95 ≤ 3 × pk p95).
Run: .venv/bin/python bench/portal_search.py [--rows N] [--queries Q] [--reload]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/sanxiang_portal_bench"
ROOT = Path(__file__).resolve().parent.parent

FACTS = [
    "擅自拆除人民防空工程",
    "擅自改变防空地下室用途",
    "未按规定修建防空地下室",
    "侵占人民防空工程",
    "危害人民防空工程安全",
    "拒不缴纳防空地下室易地建设费",
    "擅自拆除警报设施",
    "阻挠人防工程检查",
    "在人防工程内存放易燃易爆物品",
    "人防工程维护管理不到位",
    "未经批准改造人防工程结构",
    "擅自占用人防疏散通道",
    "违规出租人防工程",
    "未按设计施工防护设备",
    "人防工程竣工未备案",
    "向人防工程排放污水",
    "破坏人防通信设施",
    "堵塞人防工程出入口",
    "擅自拆除防护密闭门",
    "人防工程内违规经营娱乐场所",
]
PLACES = [
    "小店区",
    "迎泽区",
    "杏花岭区",
    "尖草坪区",
    "万柏林区",
    "晋源区",
    "平城区",
    "云冈区",
    "城区",
    "矿区",
]
COMPANIES = ["建设", "置业", "房地产开发", "物业管理", "商贸", "实业", "建筑工程", "市政工程", "投资", "科技"]
KINDS = ["penalty", "license", "inspection", "levy", "fee", "coercion"]
TERMS = [fact[i : i + n] for fact in FACTS for i, n in ((0, 4), (2, 5), (4, 3))] + [
    f"{place}{company}" for place in PLACES[:5] for company in COMPANIES[:4]
]


def setup_django() -> None:
    import psycopg
    from psycopg import sql

    url = os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    if not url.startswith("postgres"):
        sys.exit("this benchmark needs PostgreSQL (DATABASE_URL=postgres://...)")
    base, _, name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("SANXIANG_LOG_KEY_PATH", str(ROOT / "var" / "bench" / "log_ed25519.pem"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def agencies() -> list[int]:
    from sanxiang.organizations.enums import AgencyLevel
    from sanxiang.organizations.models import Agency
    from sanxiang.organizations.tests import factories

    if not Agency.objects.exists():
        province = factories.make_agency(
            "山西省人民防空办公室", level=AgencyLevel.PROVINCE, short_name="省人防办"
        )
        for city in ("太原", "大同", "阳泉", "长治", "晋城", "朔州", "晋中", "运城", "忻州", "临汾", "吕梁"):
            factories.make_agency(f"{city}市人民防空办公室", level=AgencyLevel.CITY, parent=province)
    return list(Agency.objects.order_by("pk").values_list("pk", flat=True))


LOAD = """
INSERT INTO publicity_publication (
  created_at, updated_at, agency_id, case_id, case_act_id, party_id, kind, status, decided_on, due_on,
  due_provisional, must_publish, must_publish_default, must_publish_reason, rule_id, items, extra_terms,
  masked, document, document_digest, original_digest, search_text, confidentiality_digest, published_at,
  public_until, exclusion, exclusion_note, withdrawal_ground, withdrawal_reason)
SELECT now(), now(), a.ids[1 + h.h1 %% array_length(a.ids, 1)], g, g, g, k.kinds[1 + h.h2 %% 6], 'published',
  d.day, d.day + 10, false, true, true, '', %(rule)s, '{}'::jsonb, '[]'::jsonb,
  jsonb_build_object('party_name', t.party, 'document_number', t.number, 'facts', t.facts),
  t.doc, 'sha256:' || md5(t.doc) || md5(t.number), 'sha256:' || md5(t.number) || md5(t.doc),
  t.doc, 'sha256:' || md5(t.doc) || md5(t.number), d.day + interval '3 days', d.day + 1095,
  '', '', '', ''
FROM generate_series(1, %(rows)s) AS g
CROSS JOIN LATERAL (
  SELECT abs(hashtext(g || 'a')) AS h1, abs(hashtext(g || 'k')) AS h2, abs(hashtext(g || 'd')) AS h3,
         abs(hashtext(g || 'p')) AS h4, abs(hashtext(g || 'f')) AS h5, abs(hashtext(g || 'g')) AS h6
) AS h
CROSS JOIN (SELECT %(agencies)s::int[] AS ids) AS a
CROSS JOIN (SELECT %(kinds)s::text[] AS kinds) AS k
CROSS JOIN LATERAL (SELECT DATE '2019-01-01' + h.h3 %% 2880 AS day) AS d
CROSS JOIN LATERAL (
  SELECT party, number, facts,
         '相对人名称：' || party || E'\\n决定书文号：' || number || E'\\n违法事实：' || facts || E'\\n' AS doc
  FROM (SELECT
    (%(places)s::text[])[1 + h.h4 %% 10] || '某' || (%(companies)s::text[])[1 + (h.h4 / 10) %% 10]
      || '有限公司' || (h.h4 %% 997)::text AS party,
    '晋人防罚决〔' || (2019 + g %% 8)::text || '〕' || g::text || '号' AS number,
    '经查，当事人' || (%(facts)s::text[])[1 + h.h5 %% 20]
      || '，位于' || (%(places)s::text[])[1 + h.h6 %% 10]
      || '，' || (%(facts)s::text[])[1 + (h.h5 / 20) %% 20] || '。' AS facts) AS parts
) AS t
"""


def load(rows: int) -> None:
    from django.db import connection

    from sanxiang.publicity.models import PublicationRule

    ids = agencies()
    rule = PublicationRule.objects.filter(agency=None, kind="penalty").values_list("pk", flat=True).first()
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
        cursor.execute("TRUNCATE publicity_publication CASCADE")
        cursor.execute("DROP INDEX IF EXISTS publicity_publication_search_trgm")  # built once after the load
        cursor.execute(
            LOAD,
            {
                "rule": rule,
                "rows": rows,
                "agencies": ids,
                "kinds": KINDS,
                "places": PLACES,
                "companies": COMPANIES,
                "facts": FACTS,
            },
        )
        cursor.execute("SET session_replication_role = DEFAULT")
        cursor.execute(
            "CREATE INDEX publicity_publication_search_trgm ON publicity_publication "
            "USING gin (search_text gin_trgm_ops)"
        )
        cursor.execute("ANALYZE publicity_publication")
    print(f"loaded {rows:,} publications in {time.perf_counter() - started:.1f} s")


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def measure(queries: int) -> None:
    from sanxiang.publicity import portal
    from sanxiang.publicity.models import Publication

    rng = random.Random(20261127)
    low, high = (
        Publication.objects.order_by("pk").values_list("pk", flat=True)[:1][0],
        Publication.objects.order_by("-pk").values_list("pk", flat=True)[:1][0],
    )
    ids = agencies()
    pk_times: list[float] = []
    search_times: list[float] = []
    for n in range(queries):
        started = time.perf_counter()
        assert portal.get_public(rng.randint(low, high)) is not None
        pk_times.append(time.perf_counter() - started)
        extra: dict[str, object] = {}
        if n % 2:
            choice = n % 6
            extra = (
                {"agency_id": rng.choice(ids)}
                if choice == 1
                else {"kind": rng.choice(KINDS)}
                if choice == 3
                else {"year": rng.randint(2019, 2026)}
            )
        # Two in three queries a common phrase (thousands of matches), one in three a decision number (one).
        query = rng.choice(TERMS) if n % 3 else f"〕{rng.randint(1, high - low + 1)}号"
        criteria = portal.Criteria(query=query, **extra)  # type: ignore[arg-type]
        started = time.perf_counter()
        portal.search(criteria)
        search_times.append(time.perf_counter() - started)
    pk95, search95 = p95(pk_times) * 1000, p95(search_times) * 1000
    print(f"pk fetch  p95 {pk95:7.2f} ms  (median {statistics.median(pk_times) * 1000:.2f} ms)")
    print(f"search    p95 {search95:7.2f} ms  (median {statistics.median(search_times) * 1000:.2f} ms)")
    print(f"ratio search/pk p95: {search95 / pk95:.2f}x (target <= 3x)")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--reload", action="store_true", help="load again even if the rows are there")
    args = parser.parse_args()
    setup_django()
    from sanxiang.publicity.models import Publication

    if args.reload or Publication.objects.count() != args.rows:
        load(args.rows)
    measure(args.queries)


if __name__ == "__main__":
    main()
