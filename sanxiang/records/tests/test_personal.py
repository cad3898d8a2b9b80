"""Personal data enters the log as a keyed digest that cannot be reversed by enumerating ID numbers."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from django.test import override_settings

from sanxiang.records import personal


def test_keyed_digest_is_stable_and_not_a_plain_hash(tmp_path: Path) -> None:
    with override_settings(SANXIANG_PERSONAL_DIGEST_KEY_PATH=tmp_path / "k"):
        first = personal.personal_digest("11010519491231002X")
        again = personal.personal_digest(" 11010519491231002X ")
    assert first == again
    assert personal.is_personal_digest(first)
    assert hashlib.sha256(b"11010519491231002X").hexdigest() not in first


def test_another_deployment_key_gives_another_digest(tmp_path: Path) -> None:
    with override_settings(SANXIANG_PERSONAL_DIGEST_KEY_PATH=tmp_path / "a"):
        one = personal.personal_digest("张三")
    with override_settings(SANXIANG_PERSONAL_DIGEST_KEY_PATH=tmp_path / "b"):
        other = personal.personal_digest("张三")
    assert one != other


def test_the_key_file_is_private(tmp_path: Path) -> None:
    with override_settings(SANXIANG_PERSONAL_DIGEST_KEY_PATH=tmp_path / "keys" / "p.key"):
        personal.personal_digest("x")
    assert (tmp_path / "keys" / "p.key").stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("value", ["sha256:" + "0" * 64, "hmac-sha256:XYZ", ""])
def test_other_strings_are_not_personal_digests(value: str) -> None:
    assert not personal.is_personal_digest(value)
