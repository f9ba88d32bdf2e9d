"""Errors raised by business rules.

`workflows/` is pure Python: it never imports Flask or SQLAlchemy. The service layer maps these
exceptions to HTTP answers (RuleViolation -> 422, Conflict -> 409).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any, TypeVar

E = TypeVar("E", bound=Enum)


class RuleViolation(Exception):
    """A request breaks a business rule; nothing may be changed.

    `code` is a stable machine-readable English identifier, `message` the Chinese text shown to
    users, `field` the input field the rule is about (if any). `detail` carries the numbers behind the
    refusal (e.g. {"threshold": 100, "formal_members": 80}) so callers need not parse the message: codes
    name the rule, never a configurable number, and the numbers in force travel here.
    """

    def __init__(
        self, code: str, message: str, field: str | None = None, *, detail: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        self.detail: dict[str, Any] | None = dict(detail) if detail else None


class Conflict(RuleViolation):
    """The request is valid but clashes with the current state (another case, another actor)."""


def member_or_refuse(enum: type[E], value: E | str, field: str, label: str) -> E:
    """`value` as a member of `enum`, or the refusal `unknown_<field>`: 不支持的<label>「value」 (422)."""
    try:
        return enum(value)
    except ValueError:
        raise RuleViolation(f"unknown_{field}", f"不支持的{label}「{value}」", field=field) from None
