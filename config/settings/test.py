"""Test settings: the base configuration with a fast password hasher and an isolated VAR_DIR."""

from __future__ import annotations

import os
import tempfile

# One VAR_DIR per test process: pytest-xdist workers inherit the controller's environment, and a shared
# directory let two workers' demo runs and key generation race on the same files. A process this one starts
# (a tus server in a resume test) inherits the worker's directory, as it should.
_OWNER = os.environ.get("PYTEST_XDIST_WORKER", "controller")
if "SANXIANG_VAR_DIR" not in os.environ or os.environ.get("SANXIANG_TEST_VAR_OWNER") != _OWNER:
    os.environ["SANXIANG_VAR_DIR"] = tempfile.mkdtemp(prefix=f"sanxiang-test-{_OWNER}-")
    os.environ["SANXIANG_TEST_VAR_OWNER"] = _OWNER

from config.settings.base import *  # noqa: F403, E402 - VAR_DIR is set first
from config.settings.base import STORAGES  # noqa: E402 - VAR_DIR is set first

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
LANGUAGE_CODE = "zh-hans"
