"""The registry of event types. An entry whose type is not registered, or whose data does not match the
type's schema, is refused: the log's vocabulary is closed and stable. Each type also carries the translated
label every timeline and log page shows for it (``label``), declared with the type in its app's events.py."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django_stubs_ext import StrPromise

_SCALARS: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "bool": (bool,),
    "date": (str,),  # ISO 8601 date text
    "datetime": (str,),  # ISO 8601 datetime text with offset
    "digest": (str,),  # "sha256:<hex>" or "sm3:<hex>"
    "list": (list,),
    "dict": (dict,),
}


@dataclass(frozen=True)
class EventType:
    """One kind of event. ``schema`` maps each data key to a type name; keys ending in '?' are optional.
    ``label`` is the short human name shown on pages (a lazy translation); ``description`` is for readers
    of the code and of the format, in English."""

    code: str
    description: str
    schema: Mapping[str, str] = field(default_factory=dict)
    label: StrPromise | str | None = None

    def display(self) -> str:
        """The translated label; the English description where a type has none."""
        return str(self.label) if self.label is not None else self.description

    def check(self, data: Mapping[str, Any]) -> None:
        required = {key for key in self.schema if not key.endswith("?")}
        allowed = {key.rstrip("?") for key in self.schema}
        missing = required - set(data)
        extra = set(data) - allowed
        if missing or extra:
            raise ValueError(f"{self.code}: missing {sorted(missing)}, unexpected {sorted(extra)}")
        for key, type_name in self.schema.items():
            name = key.rstrip("?")
            value = data.get(name)
            if value is None and key.endswith("?"):
                continue
            expected = _SCALARS[type_name]
            if isinstance(value, bool) and bool not in expected:
                raise ValueError(f"{self.code}.{name}: expected {type_name}")
            if not isinstance(value, expected):
                raise ValueError(f"{self.code}.{name}: expected {type_name}, got {type(value).__name__}")


_registry: dict[str, EventType] = {}


def register(
    code: str,
    description: str,
    schema: Mapping[str, str] | None = None,
    *,
    label: StrPromise | str | None = None,
) -> EventType:
    """Declare an event type. Registering a code twice is a programming error. Every type an app declares
    gives its ``label`` (a test holds them to it); the parameter is optional for types made up in tests."""
    if code in _registry:
        raise ValueError(f"event type {code!r} is already registered")
    for type_name in (schema or {}).values():
        if type_name not in _SCALARS:
            raise ValueError(f"event type {code!r}: unknown field type {type_name!r}")
    event_type = EventType(code=code, description=description, schema=dict(schema or {}), label=label)
    _registry[code] = event_type
    return event_type


def get(code: str) -> EventType:
    try:
        return _registry[code]
    except KeyError:
        raise ValueError(f"unknown event type {code!r}") from None


def all_types() -> list[EventType]:
    return sorted(_registry.values(), key=lambda event_type: event_type.code)


def label(code: str) -> str:
    """What a page shows for an event type: its translated label, else its description, else (a type no
    longer registered, e.g. in an old entry) the code itself."""
    event_type = _registry.get(code)
    return event_type.display() if event_type is not None else code
