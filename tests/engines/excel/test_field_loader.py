"""The import's row check (schemas.common.FieldLoader) answers exactly what the unit API's schema answers:
the same values, defaults and Chinese messages, field by field, however often a value repeats."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from marshmallow import Schema, ValidationError, fields, validates

from schemas.common import FieldLoader, NoControlCharacters
from schemas.units import UnitCreateFields, UnitUpdateFields

GOOD: dict[str, Any] = {
    "credit_code": "91350100000000001X",
    "name": "甲企业",
    "kind": "enterprise",
    "jurisdiction_id": 3,
    "employees": 60,
    "formal_members": 3,
}
ROWS: list[dict[str, Any]] = [
    GOOD,
    {**GOOD, "probationary_members": 2, "operating_status": "suspended", "industry": None, "instructor_id": None},
    {k: v for k, v in GOOD.items() if k != "name"},  # required field missing
    {**GOOD, "name": ""},  # blank
    {**GOOD, "name": "  "},
    {**GOOD, "name": None},  # null where not allowed
    {**GOOD, "name": "x" * 201},  # too long
    {**GOOD, "address": "路\x00号"},  # control character
    {**GOOD, "address": "路\t号\n"},  # allowed whitespace
    {**GOOD, "employees": -1},
    {**GOOD, "employees": 10_000_001},
    {**GOOD, "employees": True},  # strict integer
    {**GOOD, "employees": "60"},
    {**GOOD, "employees": 1.5},
    {**GOOD, "kind": "个体户"},
    {**GOOD, "operating_status": "closed"},
    {**GOOD, "jurisdiction_id": 0},
    {**GOOD, "instructor_id": 2**31},
    {**GOOD, "no_org_reason": ["unhashable"]},
    {**GOOD, "unknown_field": 1},
    {"employees": -1, "kind": "x", "name": None},  # several errors at once
]


def _outcome(load: Any, row: dict[str, Any]) -> tuple[bool, Any]:
    try:
        return True, load(dict(row))
    except ValidationError as exc:
        return False, exc.messages


@pytest.mark.parametrize("schema", [UnitCreateFields, UnitUpdateFields])
def test_each_row_loads_as_the_schema_loads_it(schema: type[Schema]) -> None:
    loader = FieldLoader(schema())
    for _ in range(2):  # the second pass answers from the memo
        for row in ROWS:
            assert _outcome(loader.load, row) == _outcome(schema().load, row), row


def test_the_memo_stays_bounded_and_keeps_answering() -> None:
    loader = FieldLoader(UnitUpdateFields())
    for n in range(FieldLoader.MEMO_LIMIT + 10):
        assert loader.load({"name": f"企业{n}", "employees": n % 7}) == {"name": f"企业{n}", "employees": n % 7}
    assert all(len(m) <= FieldLoader.MEMO_LIMIT for m in loader.memo.values())


def test_a_schema_with_hooks_is_refused() -> None:
    class Hooked(Schema):
        name = fields.String()

        @validates("name")
        def check(self, value: str, **_: Any) -> None:
            raise ValidationError("no")

    with pytest.raises(TypeError):
        FieldLoader(Hooked())


def test_the_control_character_rule_is_unicodes_cc_and_cs() -> None:
    rule = NoControlCharacters()
    refused = {chr(c) for c in range(0x110000) if rule.FORBIDDEN.search(chr(c))}
    by_category = {
        chr(c)
        for c in range(0x110000)
        if unicodedata.category(chr(c)) in ("Cc", "Cs") and chr(c) not in NoControlCharacters.ALLOWED
    }
    assert refused == by_category
