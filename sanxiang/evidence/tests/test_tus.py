"""The tus endpoint over HTTP: creation, resumption, checksums, digests, type checks, termination, expiry."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import stat

import pytest
from django.core.management import call_command
from django.test import Client
from pytest_django.fixtures import Settings

from conftest import PASSWORD, World
from sanxiang.core import clock
from sanxiang.evidence import actions, tus, uploads
from sanxiang.evidence.enums import DeviceCheck, DeviceStatus
from sanxiang.evidence.models import EvidenceFile, Upload
from sanxiang.evidence.tests.conftest import Registered, Store, files_under, mp4_bytes, records
from sanxiang.evidence.tests.helpers import checksum, create, head, metadata, patch
from sanxiang.records import writer


@pytest.fixture
def officer(world: World) -> Client:
    client = Client()
    assert client.login(username="officer", password=PASSWORD)
    return client


def test_options_advertise_the_extensions(client: Client, store: Store) -> None:
    response = client.options("/evidence/uploads/")
    assert response.status_code == 204
    assert response["Tus-Version"] == "1.0.0"
    assert set(response["Tus-Extension"].split(",")) == {"creation", "expiration", "checksum", "termination"}
    assert response["Tus-Checksum-Algorithm"] == "sha1,sha256"


def test_anonymous_cannot_create(client: Client, world: World, store: Store) -> None:
    assert create(client, 1000).status_code == 401
    assert not Upload.objects.exists()


def test_upload_in_chunks_stores_a_read_only_original_and_records_it(officer: Client, store: Store) -> None:
    data = mp4_bytes(300_000)
    meta = metadata(filename="现场.mp4", capture_start="2026-11-26T09:00:00+08:00", location="小店区")
    created = create(officer, len(data), meta)
    assert created.status_code == 201
    location = created["Location"]
    assert "Upload-Expires" in created
    first = patch(officer, location, 0, data[:100_000], Upload_Checksum=checksum("sha1", data[:100_000]))
    assert (first.status_code, first["Upload-Offset"]) == (204, "100000")
    assert head(officer, location)["Upload-Offset"] == "100000"
    last = patch(
        officer, location, 100_000, data[100_000:], Upload_Checksum=checksum("sha256", data[100_000:])
    )
    digest = hashlib.sha256(data).hexdigest()
    assert (last.status_code, last[tus.DIGEST_HEADER]) == (204, digest)
    evidence = EvidenceFile.objects.get()
    assert (evidence.sha256, evidence.size, evidence.media_type) == (digest, len(data), "video/mp4")
    [stored] = files_under(store.root)
    assert stored.read_bytes() == data
    assert not stat.S_IMODE(stored.stat().st_mode) & 0o222
    assert files_under(store.uploads) == []
    [added] = records("evidence.added")
    assert added["data"]["digest"] == f"sha256:{digest}"
    assert added["data"]["subject"] == {"kind": "case", "id": "42"}
    assert added["data"]["location"] == "小店区"
    assert added["data"]["certificate"] == evidence.certificate_number != ""
    assert added["data"]["device_check"] == DeviceCheck.NONE


def test_a_mismatching_chunk_is_refused_and_not_stored(officer: Client, store: Store) -> None:
    data = mp4_bytes(20_000)
    location = create(officer, len(data))["Location"]
    patch(officer, location, 0, data[:10_000])
    wrong = patch(officer, location, 10_000, data[10_000:], Upload_Checksum=checksum("sha1", b"other"))
    assert wrong.status_code == 460
    assert head(officer, location)["Upload-Offset"] == "10000"
    [partial] = files_under(store.uploads)
    assert partial.stat().st_size == 10_000
    assert patch(officer, location, 10_000, data[10_000:]).status_code == 204
    assert EvidenceFile.objects.get().sha256 == hashlib.sha256(data).hexdigest()


def test_a_wrong_whole_file_digest_keeps_nothing(officer: Client, store: Store) -> None:
    data = mp4_bytes(20_000)
    location = create(officer, len(data), metadata(sha256="0" * 64))["Location"]
    assert patch(officer, location, 0, data).status_code == 460
    assert not Upload.objects.exists()
    assert not EvidenceFile.objects.exists()
    assert files_under(store.uploads) == files_under(store.root) == []
    assert records("evidence.added") == []
    [refused] = records("evidence.upload_refused")
    assert refused["data"]["reason"] == "digest"
    assert refused["data"]["declared"] == "sha256:" + "0" * 64
    assert refused["data"]["digest"] == f"sha256:{hashlib.sha256(data).hexdigest()}"


def test_a_right_whole_file_digest_is_accepted(officer: Client, store: Store) -> None:
    data = mp4_bytes(20_000)
    location = create(officer, len(data), metadata(sha256=hashlib.sha256(data).hexdigest()))["Location"]
    assert patch(officer, location, 0, data).status_code == 204


@pytest.mark.parametrize("head_bytes", [b"\x7fELF\x02\x01\x01\x00", b"MZ\x90\x00"])
def test_a_renamed_executable_is_refused(officer: Client, store: Store, head_bytes: bytes) -> None:
    data = head_bytes + bytes(20_000)
    location = create(officer, len(data), metadata(filename="record.mp4", filetype="video/mp4"))["Location"]
    assert patch(officer, location, 0, data).status_code == 415
    assert not Upload.objects.exists()
    assert records("evidence.upload_refused")[0]["data"]["filename"] == "record.mp4"
    assert files_under(store.uploads) == files_under(store.root) == []


def test_wrong_offset_conflicts(officer: Client, store: Store) -> None:
    location = create(officer, 20_000)["Location"]
    assert patch(officer, location, 5, b"x").status_code == 409


def test_too_large_is_refused_at_creation(officer: Client, store: Store, settings: Settings) -> None:
    settings.SANXIANG_EVIDENCE_MAX_BYTES = 1000
    assert create(officer, 1001).status_code == 413


def test_bad_metadata_is_refused_at_creation(officer: Client, store: Store) -> None:
    assert create(officer, 100, tus.encode_metadata({"subject": "42"})).status_code == 400
    assert create(officer, 100, "subject !!!").status_code == 400


def test_termination_removes_an_unfinished_upload(officer: Client, store: Store) -> None:
    location = create(officer, 20_000)["Location"]
    patch(officer, location, 0, mp4_bytes(10_000))
    assert officer.delete(location, headers={"Tus-Resumable": "1.0.0"}).status_code == 204
    assert head(officer, location).status_code == 404
    assert files_under(store.uploads) == []


def test_a_finished_upload_cannot_be_terminated(officer: Client, store: Store) -> None:
    location = create(officer, 1000)["Location"]
    patch(officer, location, 0, mp4_bytes(1000))
    assert officer.delete(location, headers={"Tus-Resumable": "1.0.0"}).status_code == 403
    assert EvidenceFile.objects.count() == 1


def test_an_expired_upload_is_gone(officer: Client, store: Store) -> None:
    location = create(officer, 20_000)["Location"]
    with clock.frozen_now(clock.now() + dt.timedelta(days=4)):
        assert head(officer, location).status_code == 404


def test_another_officer_cannot_touch_my_upload(officer: Client, world: World, store: Store) -> None:
    location = create(officer, 20_000)["Location"]
    colleague = Client()
    colleague.login(username="colleague", password=PASSWORD)
    assert head(colleague, location).status_code == 404
    assert patch(colleague, location, 0, mp4_bytes(100)).status_code == 404


def test_a_device_token_attributes_the_upload(client: Client, camera: Registered, store: Store) -> None:
    data = mp4_bytes(5000)
    location = create(client, len(data), Sanxiang_Device_Token=camera.token)["Location"]
    assert patch(client, location, 0, data, Sanxiang_Device_Token=camera.token).status_code == 204
    evidence = EvidenceFile.objects.get()
    assert (evidence.device, evidence.device_check) == (camera.device, DeviceCheck.REGISTERED)
    assert records("evidence.added")[0]["data"]["device"] == "TY-CAM-001"


def test_a_bad_device_token_is_refused(client: Client, camera: Registered, store: Store) -> None:
    assert create(client, 100, Sanxiang_Device_Token="nope").status_code == 401


@pytest.mark.parametrize(
    ("number", "expected"), [("NOT-REGISTERED", DeviceCheck.UNKNOWN), ("TY-CAM-001", DeviceCheck.RETIRED)]
)
def test_unknown_or_retired_devices_are_flagged(
    officer: Client, camera: Registered, store: Store, number: str, expected: DeviceCheck
) -> None:
    if expected == DeviceCheck.RETIRED:
        actions.do_set_device_status(
            actor=writer.SYSTEM, device=camera.device, status=DeviceStatus.RETIRED, note="broken lens"
        )
    location = create(officer, 5000, metadata(device=number))["Location"]
    patch(officer, location, 0, mp4_bytes(5000))
    evidence = EvidenceFile.objects.get()
    assert evidence.device_check == expected
    assert evidence.flagged


def test_a_browser_session_needs_the_csrf_token(world: World, store: Store) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.login(username="officer", password=PASSWORD)
    assert create(browser, 1000).status_code == 403
    browser.get("/")  # sets the CSRF cookie
    token = browser.cookies["csrftoken"].value
    assert create(browser, 1000, X_CSRFToken=token).status_code == 201


def test_protocol_errors_change_nothing(officer: Client, store: Store) -> None:
    location = create(officer, 1000)["Location"]
    assert officer.head(location).status_code == 412  # no Tus-Resumable
    assert patch(officer, location, 0, b"x", Upload_Checksum="md5 AAAA").status_code == 400
    wrong_type = officer.patch(
        location, data=b"x", content_type="application/octet-stream", headers={"Tus-Resumable": "1.0.0"}
    )
    assert wrong_type.status_code == 415
    assert head(officer, location)["Upload-Offset"] == "0"


def test_a_head_finishes_an_upload_whose_server_died_before_registering_it(
    officer: Client, store: Store
) -> None:
    data = mp4_bytes(3000)
    location = create(officer, len(data))["Location"]
    upload = Upload.objects.get()
    uploads.partial_path(upload.id).write_bytes(data)  # fsync'd and counted, then the process died
    Upload.objects.filter(pk=upload.pk).update(offset=len(data))
    answer = head(officer, location)
    assert answer[tus.DIGEST_HEADER] == hashlib.sha256(data).hexdigest()
    assert EvidenceFile.objects.get().size == len(data)


def test_expire_discards_stale_unfinished_uploads(officer: Client, store: Store) -> None:
    create(officer, 20_000)
    with clock.frozen_now(clock.now() + dt.timedelta(days=4)):
        call_command("evidence", "expire", stdout=io.StringIO())
    assert not Upload.objects.exists()
    assert files_under(store.uploads) == []
