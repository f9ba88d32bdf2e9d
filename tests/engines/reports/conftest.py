"""A small hand-counted ledger (the expectations in the tests are counted from this docstring).

east_t1 (东一镇):
  u1  enterprise, own branch                         -> own
  u2  enterprise, joint branch J                     -> joint
  u3  enterprise, joint branch J                     -> joint
  u4  social_org, own branch AND an instructor       -> own (an organisation wins)
  u6  enterprise, instructor only                    -> instructor only
  u7  enterprise, nothing, reason, open case 10 days -> neither
  u8  enterprise, deregistered (was nothing)         -> out of the denominator
  u9  enterprise, 10 employees                       -> out of scope
east_t2 (东二街道):
  u5  enterprise, joint branch J (J covers u2, u3, u5 once each)   -> joint
  u10 social_org, nothing, open case 30 days (submitted)           -> neither
  a withdrawn case 90 days old (not open)
east (东县 itself): u12 enterprise, own general branch  -> own (direct)
east_ic (东县物流行业党委): no unit -> no rate
west_t1 (西一镇): u11 enterprise, nothing -> neither (outside east)

Party work (五个同步 4; today 2026-09-25, activities count from 2025-09-25, inspections of 2026):
  activities: u1 2026-03-01 (counts), u4 2025-09-25 (the window's first day: counts), u2 2025-09-24 (a day
  before: does not), u7 2026-09-01 withdrawn (does not), u8 deregistered and u9 out of scope (not in the
  denominator, not counted), u5 2026-05-05 (counts), u11 (west)
    -> east_t1 2 of 6, east_t2 1 of 2, east direct 0 of 1, east 3 of 9; enterprise 2 of 7, social_org 1 of 2
  inspections: u1 2026 checked, u6 2026 not checked, u7 2025 checked (last year), u9 2026 (out of scope),
  u10 2026 checked, u11 2026 not checked (west)
    -> east_t1 1 of 2, east_t2 1 of 1, east 2 of 3; enterprise 1 of 2, social_org 1 of 1
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from flask import Flask

from tests.support import coverage as h
from tests.support.synchronisation import activity_row, inspection_row
from tests.support.world import World


@dataclass
class Ledger:
    units: dict[str, int]
    cases: dict[str, int]
    joint: int


@pytest.fixture
def ledger(app: Flask, world: World) -> Ledger:
    ids = world.ids
    t1, t2 = ids["east_t1"], ids["east_t2"]
    instructor = world.users["instructor@east_t1"]
    joint = h.org(app, t1, "joint_branch")
    u = {
        "u1": h.unit(app, t1, org_id=h.org(app, t1)),
        "u2": h.unit(app, t1, org_id=joint),
        "u3": h.unit(app, t1, org_id=joint),
        "u4": h.unit(app, t1, kind="social_org", employees=35, org_id=h.org(app, t1), instructor=instructor),
        "u6": h.unit(app, t1, instructor=instructor, name="只有指导员的企业"),
        "u7": h.unit(app, t1, reason="党员人数不足，正在培养", name="应建未建甲公司", employees=300),
        "u8": h.unit(app, t1, deregistered=True),
        "u9": h.unit(app, t1, employees=10),
        "u5": h.unit(app, t2, org_id=joint),
        "u10": h.unit(app, t2, kind="social_org", employees=40, name="应建未建乙协会"),
        "u11": h.unit(app, ids["west_t1"]),
        "u12": h.unit(app, ids["east"], org_id=h.org(app, ids["east"], "general_branch")),
    }
    cases = {
        "u7": h.case(app, t1, [u["u7"]], age_days=10),
        "u10": h.case(app, t2, [u["u10"]], state="submitted", age_days=30),
        "old": h.case(app, t2, [u["u10"]], state="withdrawn", age_days=90),
    }
    for name, held_on, withdrawn in (
        ("u1", date(2026, 3, 1), False),
        ("u4", date(2025, 9, 25), False),
        ("u2", date(2025, 9, 24), False),
        ("u7", date(2026, 9, 1), True),
        ("u8", date(2026, 1, 10), False),
        ("u9", date(2026, 1, 10), False),
        ("u5", date(2026, 5, 5), False),
        ("u11", date(2026, 5, 5), False),
    ):
        activity_row(app, u[name], held_on, withdrawn=withdrawn)
    for name, year, checked in (
        ("u1", 2026, True),
        ("u6", 2026, False),
        ("u7", 2025, True),
        ("u9", 2026, False),
        ("u10", 2026, True),
        ("u11", 2026, False),
    ):
        inspection_row(app, u[name], year, checked=checked)
    return Ledger(u, cases, joint)
