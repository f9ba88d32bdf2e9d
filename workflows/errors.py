"""Errors raised by business rules.

`workflows/` is pure Python: it never imports Flask or SQLAlchemy. The service layer maps these
exceptions to HTTP answers (RuleViolation -> 422, Conflict -> 409).
"""

from __future__ import annotations


class RuleViolation(Exception):
    """A request breaks a business rule; nothing may be changed.

    `code` is a stable machine-readable English identifier, `message` the Chinese text shown to
    users, `field` the input field the rule is about (if any).
    """

    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


class Conflict(RuleViolation):
    """The request is valid but clashes with the current state (another case, another actor)."""
