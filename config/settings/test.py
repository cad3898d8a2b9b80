"""Test settings: the base configuration with a fast password hasher and an isolated VAR_DIR."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("SANXIANG_VAR_DIR", tempfile.mkdtemp(prefix="sanxiang-test-"))

from config.settings.base import *  # noqa: F403
from config.settings.base import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
LANGUAGE_CODE = "zh-hans"
