"""Adjustment cases through the API: ledger writes open them (one per organisation), the superior body decides
in its 待办, and only an approved case changes the organisation — coverage follows at once."""

from __future__ import annotations

from flask import Flask

from tests.support.adjustment import CASES, DOC_NO, cases_of, deregistered_case, org_row, org_with_units, patch_unit, unit_org
from tests.support.world import Api, World


def test_a_deregistration_opens_a_case_and_the_organisation_stays(app: Flask, api: Api, world: World) -> None:
    org, (unit,) = org_with_units(app, world.ids["east_t1"], "branch", [5])
    patch_unit(api, unit, {"operating_status": "deregistered"})
    (case,) = cases_of(api, org)
    assert (case["state"], case["trigger"], case["action"]) == ("proposed", "deregistered", "dissolve")
    assert case["jurisdiction"]["id"] == world.ids["east_t1"] and case["unit"]["id"] == unit
    assert case["next_escalation_level"] == "reminder" and case["next_escalation_at"]
    # The ledger change stands; the organisation is untouched until a decision.
    assert org_row(app, org) == ("active", "branch", world.ids["east_t1"]) and unit_org(app, unit) == org
