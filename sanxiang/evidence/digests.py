"""Whole-file digests computed while the bytes stream in: SHA-256 always, and SM3 (GB/T 32905, 国密) as
well when the deployment asks for it (``SANXIANG_EVIDENCE_SM3``; R-REC-04 prefers SM3, R-SEC-03). SM3 comes
from the platform's OpenSSL through hashlib; asking for it where OpenSSL lacks it is a configuration error,
raised before any byte is accepted. Pure hashing: reads settings only through ``conf``; never touches
storage.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.utils.translation import gettext as _

from sanxiang.core.errors import ConfigurationError
from sanxiang.evidence import conf


def new_sm3() -> Any:
    """A fresh SM3 hasher; ConfigurationError when the platform's OpenSSL does not provide SM3."""
    try:
        return hashlib.new("sm3")
    except ValueError:
        raise ConfigurationError(
            _(
                "SM3 digests of evidence are required (SANXIANG_EVIDENCE_SM3) but this platform's OpenSSL "
                "does not provide SM3."
            )
        ) from None


class Digests:
    """SHA-256, and SM3 when asked, fed the same bytes. ``hexdigest`` is the SHA-256 (the file's identity in
    storage and in the register); ``sm3_hexdigest`` is empty when SM3 is off."""

    def __init__(self, *, sm3: bool) -> None:
        self.sha256 = hashlib.sha256()
        self.sm3 = new_sm3() if sm3 else None

    @classmethod
    def for_deployment(cls) -> Digests:
        return cls(sm3=conf.sm3_required())

    def update(self, block: bytes) -> None:
        self.sha256.update(block)
        if self.sm3 is not None:
            self.sm3.update(block)

    def parts(self) -> list[Any]:
        """The underlying hashers, for feeding each from its own thread (pipeline.pour)."""
        return [self.sha256] if self.sm3 is None else [self.sha256, self.sm3]

    def hexdigest(self) -> str:
        return self.sha256.hexdigest()

    def sm3_hexdigest(self) -> str:
        return self.sm3.hexdigest() if self.sm3 is not None else ""
