"""Posted forms through the API's marshmallow schemas: the same validation and Chinese field messages."""

from __future__ import annotations

from typing import Any

from flask import request
from marshmallow import Schema, ValidationError

from workflows.errors import Conflict, RuleViolation


def _value(raw: str, integer: bool) -> Any:
    raw = raw.strip()
    if integer and raw.lstrip("-").isdigit() and len(raw) < 10:
        return int(raw)
    return raw


def load(schema: Schema, integers: tuple[str, ...] = (), extra: dict[str, Any] | None = None) -> Any:
    """The schema's fields taken from the form (empty inputs left out, integers converted), then loaded —
    a dict, or the command's typed input where the schema loads into one (schemas.common.LoadsInto).
    Raises FormErrors with one message per field."""
    data: dict[str, Any] = {}
    for name in schema.fields:
        if name in request.form and request.form[name].strip() != "":
            data[name] = _value(request.form[name], name in integers)
    data.update(extra or {})
    try:
        return schema.load(data)
    except ValidationError as exc:
        raise FormErrors(flatten(exc.messages)) from exc


# What one entry of a repeated field is called ("第4位当选人") and what its inner fields are called, so a
# message about one row says which row and which of its fields.
ROW_LABELS = {"elected": "位当选人", "roster": "名党员", "unit_ids": "个单位", "approver_ids": "位审批人"}
INNER_LABELS = {
    "name": "姓名",
    "votes": "得票",
    "member_type": "党员类别",
    "unit_id": "所在单位",
}


def elected() -> list[dict[str, Any]]:
    """The general meeting's result as typed: one elected person per line, name then votes ("陈建国 110").
    What does not parse is passed on as typed, for the schema to refuse with its field message."""
    out: list[dict[str, Any]] = []
    for line in request.form.get("elected", "").splitlines():
        parts = line.replace("，", " ").replace(",", " ").split()
        if not parts:
            continue
        name, votes = (" ".join(parts[:-1]), parts[-1]) if len(parts) > 1 else (parts[0], "")
        out.append({"name": name, "votes": int(votes) if votes.isdigit() and len(votes) < 7 else votes})
    return out


def flatten(messages: Any) -> dict[str, str]:
    """marshmallow's (possibly nested) messages as {top-level field: a readable message}: a message about a
    row of a repeated field names the row and its field ("第4位当选人：姓名不能为空"), every row's, joined."""
    if not isinstance(messages, dict):
        return {"_": _first(messages)}
    return {str(key): _readable(str(key), value) for key, value in messages.items()}


def _readable(field: str, value: Any) -> str:
    if not isinstance(value, dict):
        return _first(value)
    parts: list[str] = []
    for key, inner in value.items():
        if isinstance(key, int):
            row = f"第{key + 1}{ROW_LABELS.get(field, '项')}"
            if isinstance(inner, dict):
                parts.extend(f"{row}：{INNER_LABELS.get(str(k), str(k))}{_first(v)}" for k, v in inner.items())
            else:
                parts.append(f"{row}：{_first(inner)}")
        else:
            parts.append(f"{INNER_LABELS.get(str(key), str(key))}{_first(inner)}")
    return "；".join(parts)


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


def refusal(exc: Exception) -> dict[str, Any]:
    """How a task page re-renders a refused action, as its render's keywords: a conflict (someone acted
    first) plainly, 409; a rule or an invalid field with the form as sent, 422, beside its input or above
    the form ("_") when the form has no input for it."""
    if isinstance(exc, FormErrors):
        return {"status": 422, "errors": exc.errors}
    if isinstance(exc, Conflict):
        return {"status": 409, "conflict": exc.message}
    assert isinstance(exc, RuleViolation)
    return {"status": 422, "errors": {exc.field or "_": exc.message}}
