"""The registry of event types. An entry whose type is not registered, or whose data does not match the
type's schema, is refused: the log's vocabulary is closed and stable."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

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
    """One kind of event. ``schema`` maps each data key to a type name; keys ending in '?' are optional."""

    code: str
    description: str
    schema: Mapping[str, str] = field(default_factory=dict)

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


def register(code: str, description: str, schema: Mapping[str, str] | None = None) -> EventType:
    """Declare an event type. Registering a code twice is a programming error."""
    if code in _registry:
        raise ValueError(f"event type {code!r} is already registered")
    for type_name in (schema or {}).values():
        if type_name not in _SCALARS:
            raise ValueError(f"event type {code!r}: unknown field type {type_name!r}")
    event_type = EventType(code=code, description=description, schema=dict(schema or {}))
    _registry[code] = event_type
    return event_type


def get(code: str) -> EventType:
    try:
        return _registry[code]
    except KeyError:
        raise ValueError(f"unknown event type {code!r}") from None


def all_types() -> list[EventType]:
    return sorted(_registry.values(), key=lambda event_type: event_type.code)
