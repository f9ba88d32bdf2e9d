"""Field helpers and shapes shared by every schema."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from marshmallow import Schema, ValidationError, fields, missing, post_load, validate

from workflows.inputs import Input


class NonBlank(validate.Validator):
    """Rejects strings that are empty once stripped."""

    error = "不能为空"

    def __call__(self, value: str) -> str:
        if not value.strip():
            raise ValidationError(self.error)
        return value


class NoControlCharacters(validate.Validator):
    """Rejects control characters (NUL, BEL, ...; tab and line breaks are allowed) and lone surrogates:
    PostgreSQL cannot store NUL at all, and neither database can encode a lone surrogate."""

    error = "不能包含控制字符"
    ALLOWED = frozenset("\t\n\r")
    # The same set as a character class, searched in C (the Excel import checks every text cell of a file):
    # Unicode's Cc is U+0000-U+001F and U+007F-U+009F, Cs the surrogates U+D800-U+DFFF.
    FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")

    def __call__(self, value: str) -> str:
        if self.FORBIDDEN.search(value):
            raise ValidationError(self.error)
        return value


# ECMA-262 / Python regex for the same rules (`Cc` is U+0000-U+001F and U+007F-U+009F; tab, LF and CR allowed).
_TEXT_CHAR = r"[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
NO_CONTROL_PATTERN = rf"^{_TEXT_CHAR}*$"
# ... and at least one character that is neither whitespace nor a control character.
NON_BLANK_PATTERN = rf"^{_TEXT_CHAR}*[^\s\x00-\x1f\x7f-\x9f]{_TEXT_CHAR}*$"
TEXT_RULE = "No control characters (tab and line breaks allowed)"
TEXT_RULE_NON_BLANK = "Not blank, no control characters (tab and line breaks allowed)"


def text(
    max_length: int, *, required: bool = False, blank: bool | None = None, allow_none: bool = False, **kw: Any
) -> fields.String:
    """A bounded string: no input may be larger than the column it lands in. Required strings may not
    be blank unless `blank=True`."""
    validators: list[Any] = [validate.Length(max=max_length), NoControlCharacters()]
    non_blank = not (blank if blank is not None else not required)
    if non_blank:
        validators.append(NonBlank())
    # The rules above, in the OpenAPI document too (apispec cannot see custom validators): maxLength comes
    # from Length; the pattern and minLength say "no control characters" and "not blank" to clients.
    metadata = dict(kw.pop("metadata", None) or {})
    metadata.setdefault("pattern", NON_BLANK_PATTERN if non_blank else NO_CONTROL_PATTERN)
    if non_blank:
        metadata.setdefault("minLength", 1)
    rule = TEXT_RULE_NON_BLANK if non_blank else TEXT_RULE
    metadata["description"] = f"{metadata['description']}. {rule}" if metadata.get("description") else rule
    return fields.String(required=required, allow_none=allow_none, validate=validators, metadata=metadata, **kw)


def count(**kw: Any) -> fields.Integer:
    return fields.Integer(strict=True, validate=validate.Range(min=0, max=10_000_000), **kw)


def ident(*, strict: bool = True, **kw: Any) -> fields.Integer:
    """An id. JSON bodies must send a number (strict); query strings are text, so query schemas pass strict=False."""
    return fields.Integer(strict=strict, validate=validate.Range(min=1, max=2**31 - 1), **kw)


def one_of(values: list[str], **kw: Any) -> fields.String:
    return fields.String(validate=validate.OneOf(values), **kw)


def sort_param(keys: set[str], default: str) -> fields.String:
    allowed = sorted(keys)
    pattern = r"^-?(" + "|".join(allowed) + r")(,-?(" + "|".join(allowed) + r"))*\Z"
    return fields.String(
        load_default=None,
        validate=validate.Regexp(pattern, error="sort 只能使用：" + ", ".join(allowed) + "（前缀 - 表示降序）"),
        metadata={
            "description": f"Comma-separated keys, '-' for descending. Keys: {', '.join(allowed)}. Default: {default}."
        },
    )


class ErrorSchema(Schema):
    """The one error shape (documentation only; errors are rendered by service.errors)."""

    status = fields.Integer(metadata={"description": "HTTP status"})
    code = fields.String(metadata={"description": "Machine-readable error code"})
    message = fields.String(metadata={"description": "Human message (Chinese)"})
    errors = fields.Dict(metadata={"description": "Field errors by location: {'json': {'field': ['msg']}}"})
    detail = fields.Dict(
        keys=fields.String(),
        metadata={
            "description": "Only on some rule refusals: the numbers behind it, from the settings in force, e.g. "
            "{'threshold': 100, 'formal_members': 80}. `threshold` is the least count that passes; other keys "
            "name the counts (`formal_members`, `mobile_members`, `units`, `max_units`, `soft_max`)."
        },
    )
    required_scope = fields.String(
        metadata={"description": "Only on 403 `insufficient_scope`: the token scope the operation requires"}
    )
    request_id = fields.String()


class RefSchema(Schema):
    id = fields.Integer()
    name = fields.String()


class HistoryEntrySchema(Schema):
    """One entry of a resource's history (from the audit trail)."""

    at = fields.DateTime()
    actor = fields.String()
    action = fields.String()
    comment = fields.String(allow_none=True)
    state_before = fields.Dict(allow_none=True)
    state_after = fields.Dict(allow_none=True)


class LoadsInto(Schema):
    """A request body loaded into the typed input of a service-layer command (service/operations/): set `into`."""

    into: ClassVar[type[Input]]

    @post_load
    def _typed(self, data: dict[str, Any], **_: Any) -> Any:
        return self.into.of(data)


class FieldLoader:
    """`schema.load(row)` for many rows of one shape, field by field: each of the schema's own fields
    deserializes and validates its value (types, validators, defaults, required, the Chinese messages), as
    `Schema.load` would, without its per-call machinery, and a value a field has seen before is not checked
    again (an imported file repeats its kinds, counts and bodies on every row). Only for a flat schema with no
    hooks (`@validates`, `@pre_load`, …), whose fields are pure functions of their value: the constructor
    refuses any other. Errors are raised as `Schema.load` raises them: `{field: [messages]}`."""

    MEMO_LIMIT = 4096  # values remembered per field; past it the memo starts again (memory stays flat)

    def __init__(self, schema: Schema) -> None:
        if any(schema._hooks.values()) or any(f.data_key or f.attribute for f in schema.load_fields.values()):
            raise TypeError(f"{type(schema).__name__} has hooks or renamed fields: use Schema.load")
        self.schema = schema
        self.fields = list(schema.load_fields.items())
        self.memo: dict[str, dict[Any, tuple[bool, Any]]] = {name: {} for name, _ in self.fields}

    def _field(self, name: str, field: fields.Field, raw: Any, data: dict[str, Any]) -> tuple[bool, Any]:
        memo = self.memo[name]
        key: tuple[type, Any] | None = (type(raw), raw)
        try:
            return memo[key]
        except KeyError:
            pass
        except TypeError:  # an unhashable value is checked each time
            key = None
        try:
            found: tuple[bool, Any] = (True, field.deserialize(raw, name, data))
        except ValidationError as exc:
            found = (False, exc.messages)
        if key is not None:
            if len(memo) >= self.MEMO_LIMIT:
                memo.clear()
            memo[key] = found
        return found

    def load(self, data: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        errors: dict[str, Any] = {}
        memos = self.memo
        for name, field in self.fields:
            raw = data.get(name, missing)
            try:  # the memo's hit, inline: most values of a file were seen before
                ok, value = memos[name][(type(raw), raw)]
            except (KeyError, TypeError):
                ok, value = self._field(name, field, raw, data)
            if not ok:
                errors[name] = value
            elif value is not missing:
                out[name] = value
        unknown = set(data) - self.schema.load_fields.keys()
        for name in sorted(unknown):
            errors[name] = [self.schema.error_messages["unknown"]]
        if errors:
            raise ValidationError(errors, data=data, valid_data=out)
        return out


def rules_version() -> fields.String:
    """The version of the rules a case, ticket or agreement started under (read-only; docs/decisions/0065)."""
    return fields.String(
        allow_none=True,
        dump_only=True,
        metadata={
            "description": "The rules it started under: a hash of the rule settings and the code version "
            "(null: created before versions were recorded)"
        },
    )
