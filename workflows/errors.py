"""Errors raised by business rules.

`workflows/` is pure Python: it never imports Flask or SQLAlchemy. The service layer maps these
exceptions to HTTP answers (RuleViolation -> 422, Conflict -> 409).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


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
