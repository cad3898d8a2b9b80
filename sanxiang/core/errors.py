"""The domain error tree. Actions raise these; views turn them into translated messages.

    SanxiangError
    ├── NotFoundOrForbidden   same error for "not found" and "not allowed" (jurisdiction must not leak)
    ├── InvalidInput          bad input; nothing was written (carries per-field or per-row messages)
    ├── RuleViolation         a legal or procedural rule refuses the act (message names the article)
    └── ConfigurationError    the deployment is missing something it needs (a key, an OpenSSL algorithm)

Every message is user-facing and translated at the raise site.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


class SanxiangError(Exception):
    """Base of every domain error; ``message`` is translated and safe to show to the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFoundOrForbidden(SanxiangError):
    """The object does not exist or the user may not see it; callers never learn which."""


class InvalidInput(SanxiangError):
    """Input failed validation. ``errors`` maps a field or row label to its messages."""

    def __init__(self, message: str, errors: Mapping[str, Sequence[str]] | None = None) -> None:
        super().__init__(message)
        self.errors: dict[str, list[str]] = {key: list(value) for key, value in (errors or {}).items()}


class RuleViolation(SanxiangError):
    """A legal or procedural rule refuses the act. The message names the rule's article."""


class ConfigurationError(SanxiangError):
    """The deployment lacks something the action needs."""
