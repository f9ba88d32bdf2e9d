"""Codes and fields name rules, never the configurable numbers in them (issue 8): a changed setting must not
leave `primary_committee_needs_100_formal` refusing 80 members. The numbers in force travel in the message
and in the error's `detail`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support import ROOT

SCANNED = ("workflows", "service", "schemas", "workers")
OLD = (
    "branch_needs_3_formal",
    "joint_needs_3_formal_total",
    "general_branch_needs_51_formal",
    "primary_committee_needs_100_formal",
    "functional_needs_4_mobile",
    "branch_over_50_needs_reason",
    "branch_over_50_reason",
)
# A whole string literal or identifier in snake case with a number as one of its words: `needs_51_formal`.
NUMBERED_NAME = re.compile(r"""["']([a-z]+(?:_[a-z0-9]+)*_[0-9]+(?:_[a-z0-9]+)*)["']""")


def _sources() -> list[Path]:
    return sorted(p for d in SCANNED for p in (ROOT / d).rglob("*.py"))


@pytest.mark.parametrize("old", OLD)
def test_old_names_appear_nowhere_in_the_code(old: str) -> None:
    assert [str(p.relative_to(ROOT)) for p in _sources() if old in p.read_text(encoding="utf-8")] == []


def test_no_code_or_field_embeds_a_number() -> None:
    found = {
        f"{p.relative_to(ROOT)}: {m.group(1)}" for p in _sources() for m in NUMBERED_NAME.finditer(p.read_text("utf-8"))
    }
    assert found == set()


def test_the_new_codes_are_the_ones_the_rules_raise() -> None:
    text = (ROOT / "workflows" / "establishment.py").read_text(encoding="utf-8")
    for code in (
        "branch_needs_more_formal",
        "joint_needs_more_formal_total",
        "general_branch_needs_more_formal",
        "primary_committee_needs_more_formal",
        "functional_needs_more_mobile",
        "branch_oversize_needs_reason",
        "branch_oversize_reason",
    ):
        assert f'"{code}"' in text, code
