"""Typed inputs (workflows/inputs.py): a Patch is only the fields that were sent."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest

from workflows.ledger import NewUnit, UnitChanges


def test_a_patch_knows_what_was_sent() -> None:
    patch = UnitChanges.of({"instructor_id": None, "employees": 70})
    assert "instructor_id" in patch and "employees" in patch and "name" not in patch
    assert patch["instructor_id"] is None and patch.get("name", "unchanged") == "unchanged"
    assert patch.items() == [("employees", 70), ("instructor_id", None)]  # declaration order
    with pytest.raises(KeyError):
        patch["name"]
    with pytest.raises(FrozenInstanceError):
        patch.employees = 1  # type: ignore[misc]


def test_setting_adds_a_sent_field() -> None:
    patch = UnitChanges.of({"name": "新名称"})
    changed = patch.setting(instructor_id=None)
    assert changed.items() == [("name", "新名称"), ("instructor_id", None)]
    assert "instructor_id" not in patch  # the original is unchanged


def test_a_new_input_takes_its_defaults_and_refuses_unknown_fields() -> None:
    required = {"credit_code": "x", "name": "n", "kind": "enterprise", "jurisdiction_id": 1}
    unit = NewUnit.of({**required, "employees": 5, "formal_members": 0})
    assert (unit.probationary_members, unit.operating_status, unit.party_members_total) == (0, "operating", None)
    with pytest.raises(TypeError):
        NewUnit.of({"credit_code": "x", "nope": 1})
