"""The record log's integrity page: the supervisors and administrators of a top-level agency see the log's
size, root, latest checkpoint and verifier key, start a verification (a task, eager here) and find its result
recorded in the log itself (``records.verified``) and listed on the page; an edited entry is reported with
its index; a second run while one runs is refused. Everyone else — the agency's officers, a city's
administrator, another agency's officer — gets a 404, the anonymous public is sent to log in, and nothing is
written for them."""

from __future__ import annotations

import json

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from conftest import World
from sanxiang.records import checkpoints, guards, integrator, verification, verify, writer
from sanxiang.records.models import Entry

VERIFIED = "records.verified"


@pytest.fixture
def signed_log(world: World, settings: object, tmp_path: object) -> None:
    settings.SANXIANG_LOG_KEY_PATH = tmp_path / "log.pem"  # type: ignore[attr-defined,operator]
    for n in range(5):
        with transaction.atomic():
            writer.append(
                "agency.updated",
                agency_id=world.taiyuan.pk,
                actor=writer.SYSTEM,
                subject=writer.Subject("agency", str(world.taiyuan.pk)),
                data={"fields": {"name": [f"old{n}", f"new{n}"]}},
            )
    checkpoints.publish()


def _urls(agency_id: int) -> dict[str, str]:
    return {
        name: reverse(f"organizations:{name}", args=[agency_id])
        for name in ("log_integrity", "log_verify", "log_verify_progress")
    }


def _runs() -> list[dict[str, object]]:
    integrator.integrate()  # the test's transaction never commits, so integrate as a commit would
    entries = Entry.objects.filter(event_type=VERIFIED).order_by("index")
    return [json.loads(bytes(entry.body)) for entry in entries]


@pytest.mark.usefixtures("signed_log")
def test_the_provincial_supervisor_sees_the_log_and_its_checkpoint(client: Client, world: World) -> None:
    client.force_login(world.supervisor_user)
    response = client.get(_urls(world.province.pk)["log_integrity"])
    html = response.content.decode()
    assert response.status_code == 200
    log = integrator.get_log()
    assert f'<dd id="log-size">{log.size}</dd>' in html
    assert bytes(log.root).hex() in html
    assert checkpoints.verifier_key() in html
    assert 'id="verify-form"' in html
    detail = client.get(reverse("organizations:agency_detail", args=[world.province.pk])).content.decode()
    assert 'id="log-integrity-link"' in detail


@pytest.mark.usefixtures("signed_log")
def test_a_verification_is_recorded_in_the_log_and_listed(client: Client, world: World) -> None:
    client.force_login(world.supervisor_user)
    urls = _urls(world.province.pk)
    size_before = integrator.get_log().size
    response = client.post(urls["log_verify"])
    assert response.status_code == 302
    [run] = _runs()
    assert run["actor"]["user"] == world.supervisor_user.pk  # type: ignore[index]
    assert run["agency"] == world.province.pk
    assert run["data"] == {  # verified at the size before its own entry
        "size": size_before,
        "checkpoints": 1,
        "ok": True,
        "first_bad_index": None,
        "problem_count": 0,
        "problems": [],
        "root": run["data"]["root"],  # type: ignore[index]
    }
    html = client.get(urls["log_integrity"]).content.decode()
    assert 'data-ok="true"' in html
    assert client.get(urls["log_verify_progress"]).json() == {"running": False}


@pytest.mark.usefixtures("signed_log")
def test_an_edited_entry_is_reported_with_its_index(client: Client, world: World) -> None:
    guards.remove(connection)
    with connection.cursor() as cursor:
        cursor.execute('UPDATE records_entry SET body = %s WHERE "index" = 2', [b'{"forged":true}'])
    guards.install(connection)
    client.force_login(world.supervisor_user)
    client.post(_urls(world.province.pk)["log_verify"])
    [run] = _runs()
    data = run["data"]
    assert data["ok"] is False  # type: ignore[index]
    assert data["first_bad_index"] == 2  # type: ignore[index]
    assert data["problem_count"] >= 1  # type: ignore[index]
    html = client.get(_urls(world.province.pk)["log_integrity"]).content.decode()
    assert 'data-ok="false"' in html


@pytest.mark.usefixtures("signed_log")
def test_a_second_run_is_refused_while_one_runs(client: Client, world: World) -> None:
    client.force_login(world.supervisor_user)
    urls = _urls(world.province.pk)
    log = verification.check_start(actor=writer.Actor(user_id=world.supervisor_user.pk))
    try:
        state = client.get(urls["log_verify_progress"]).json()
        assert state == {"running": True, "done": 0, "total": log.size, "percent": 0}
        response = client.post(urls["log_verify"], follow=True)
        assert "already running" in response.content.decode() or "正在" in response.content.decode()
        assert _runs() == []
        assert 'id="verify-form"' not in client.get(urls["log_integrity"]).content.decode()
    finally:
        verification.abandon(log)


@pytest.mark.usefixtures("signed_log")
@pytest.mark.parametrize("persona", ["officer_user", "colleague_user", "outsider_user", "admin_user"])
def test_anyone_else_gets_404_and_nothing_is_written(client: Client, world: World, persona: str) -> None:
    """Officers of the agency, a city's administrator and another agency's officer: a 404 as for a missing
    agency, on every URL, and no verification recorded."""
    client.force_login(getattr(world, persona))
    size = integrator.get_log().size
    for agency in (world.province, world.taiyuan, world.datong):
        urls = _urls(agency.pk)
        assert client.get(urls["log_integrity"]).status_code == 404
        assert client.post(urls["log_verify"]).status_code == 404
        assert client.get(urls["log_verify_progress"]).status_code == 404
    assert (integrator.get_log().size, _runs()) == (size, [])
    detail = client.get(reverse("organizations:agency_detail", args=[world.taiyuan.pk])).content.decode()
    assert 'id="log-integrity-link"' not in detail


@pytest.mark.usefixtures("signed_log")
def test_only_a_top_level_agency_has_the_page(client: Client, world: World) -> None:
    """The provincial supervisor also sees 太原, but the log is the deployment's: only the province has it."""
    client.force_login(world.supervisor_user)
    assert client.get(_urls(world.taiyuan.pk)["log_integrity"]).status_code == 404
    assert client.post(_urls(world.taiyuan.pk)["log_verify"]).status_code == 404
    assert _runs() == []


@pytest.mark.usefixtures("signed_log")
def test_the_anonymous_public_is_sent_to_log_in(client: Client, world: World) -> None:
    size = integrator.get_log().size
    for url in _urls(world.province.pk).values():
        for response in (client.get(url), client.post(url)):
            assert response.status_code in (302, 405)
            if response.status_code == 302:
                assert "login" in response["Location"]
    assert (integrator.get_log().size, _runs()) == (size, [])


@pytest.mark.usefixtures("signed_log")
def test_progress_is_reported_after_each_span() -> None:
    seen: list[int] = []
    log = integrator.get_log()
    report = verify.verify_log(log, chunk=2, progress=seen.append)
    assert report.ok, report.problems
    assert seen == sorted(seen)
    assert seen[-1] == log.size
    assert len(seen) == (log.size + 1) // 2
