"""Posted forms through the API's marshmallow schemas: the same validation and Chinese field messages."""

from __future__ import annotations

from typing import Any

from flask import request
from marshmallow import Schema, ValidationError


def _value(raw: str, integer: bool) -> Any:
    raw = raw.strip()
    if integer and raw.lstrip("-").isdigit() and len(raw) < 10:
        return int(raw)
    return raw


def load(schema: Schema, integers: tuple[str, ...] = (), extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """The schema's fields taken from the form (empty inputs left out, integers converted), then loaded.
    Raises FormErrors with one message per field."""
    data: dict[str, Any] = {}
    for name in schema.fields:
        if name in request.form and request.form[name].strip() != "":
            data[name] = _value(request.form[name], name in integers)
    data.update(extra or {})
    try:
        return dict(schema.load(data))
    except ValidationError as exc:
        raise FormErrors(flatten(exc.messages)) from exc


def flatten(messages: Any) -> dict[str, str]:
    """marshmallow's (possibly nested) messages as {top-level field: its first message}."""
    if not isinstance(messages, dict):
        return {"_": _first(messages)}
    return {str(key): _first(value) for key, value in messages.items()}


def _first(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return next((_first(v) for v in value.values()), "")
    if isinstance(value, list):
        return next((_first(v) for v in value), "")
    return str(value)


class FormErrors(Exception):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(errors)
        self.errors = errors
