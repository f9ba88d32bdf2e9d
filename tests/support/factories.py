"""Valid input builders for tests."""

from __future__ import annotations

from itertools import count
from typing import Any

from workflows import credit_code
from workflows.ledger import NewUnit

_seq = count(1)


def new_credit_code(first: str = "91") -> str:
    return credit_code.make(f"{first}350100{next(_seq):08d}0")


def unit_payload(jurisdiction_id: int, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "credit_code": new_credit_code(),
        "name": f"测试企业{next(_seq)}有限公司",
        "kind": "enterprise",
        "jurisdiction_id": jurisdiction_id,
        "industry": "制造业",
        "employees": 60,
        "formal_members": 3,
        "probationary_members": 1,
        "mobile_members": 0,
        "investor_or_head": "张三",
    }
    data.update(overrides)
    return data


def new_unit(jurisdiction_id: int, **overrides: Any) -> NewUnit:
    """`unit_payload` as the typed input `units.create` takes."""
    return NewUnit(**unit_payload(jurisdiction_id, **overrides))
