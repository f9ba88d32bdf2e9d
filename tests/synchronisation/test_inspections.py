"""Annual inspections through the API: one record per unit per year (409 on a second), the date within the
year and not in the future, corrections audited, and the supervisors' list of units inspected without their
party work checked."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from service.clock import FixedClock
from service.models import Unit
from tests.support.access.matrix import etag
from tests.support.database import fingerprint
from tests.support.synchronisation import INSPECTIONS, inspection, ok, unit_since
from tests.support.world import Api, World


def test_record_once_a_year_and_correct(app: Flask, api: Api, world: World, clock: FixedClock) -> None:
    unit = unit_since(api, world, clock, "2024-05-01")
    i = ok(api.post(INSPECTIONS, as_="supervisor@east", json=inspection(unit, party_work_checked=False)), 201)
    assert (i["year"], i["result_label"], i["party_work_checked"], i["jurisdiction_name"]) == (
        2026,
        "合格",
        False,
        "东一镇",
    )
    before = fingerprint(app)
    second = api.post(INSPECTIONS, as_="handler@east_t1", json=inspection(unit, inspected_on="2026-07-01"))
    assert second.status_code == 409 and second.json["code"] == "inspection_exists"
    assert fingerprint(app) == before
    # Last year's is another record.
    ok(api.post(INSPECTIONS, as_="handler@east_t1", json=inspection(unit, year=2025, inspected_on="2025-12-31")), 201)
    i = ok(
        api.post(
            f"{INSPECTIONS}/{i['id']}/correct",
            as_="handler@east_t1",
            json={
                "inspected_on": "2026-06-12",
                "result": "basically_passed",
                "party_work_checked": True,
                "reason": "补录党建工作检查",
            },
        )
    )
    assert (i["inspected_on"], i["result"], i["party_work_checked"]) == ("2026-06-12", "basically_passed", True)
    last = i["history"][-1]
    assert last["action"] == "annual_inspection.correct" and last["state_before"]["party_work_checked"] is False


@pytest.mark.parametrize(
    ("change", "status", "field"),
    [
        ({"inspected_on": "2026-09-26"}, 422, "inspected_on"),  # tomorrow
        ({"inspected_on": "2025-12-31"}, 422, "inspected_on"),  # outside the year
        ({"year": 2027, "inspected_on": "2027-01-04"}, 422, "year"),
        ({"result": "good"}, 422, "result"),
        ({"party_work_checked": "yes"}, 422, "party_work_checked"),
        ({"year": 1999}, 422, "year"),
    ],
)
def test_bad_inspections_change_nothing(
    app: Flask, api: Api, world: World, clock: FixedClock, change: dict[str, Any], status: int, field: str
) -> None:
    unit = unit_since(api, world, clock, "2024-05-01")
    before = fingerprint(app)
    res = api.post(INSPECTIONS, as_="supervisor@east", json={**inspection(unit), **change})
    assert res.status_code == status, res.get_data(as_text=True)
    assert field in res.json["errors"]["json"]
    assert fingerprint(app) == before


def test_a_correction_keeps_the_date_within_the_year(api: Api, world: World, clock: FixedClock) -> None:
    unit = unit_since(api, world, clock, "2024-05-01")
    i = ok(api.post(INSPECTIONS, as_="supervisor@east", json=inspection(unit)), 201)
    res = api.post(
        f"{INSPECTIONS}/{i['id']}/correct",
        as_="supervisor@east",
        json={"inspected_on": "2025-06-12", "result": "passed", "party_work_checked": True, "reason": "改"},
    )
    assert res.status_code == 422 and "inspected_on" in res.json["errors"]["json"]
    res = api.post(
        f"{INSPECTIONS}/{i['id']}/correct",
        as_="supervisor@east",
        json={"inspected_on": "2026-06-12", "result": "passed", "party_work_checked": True, "reason": " "},
    )
    assert res.status_code == 422


def test_units_inspected_without_party_work_checked(api: Api, world: World, clock: FixedClock) -> None:
    checked = unit_since(api, world, clock, "2024-05-01")
    unchecked = unit_since(api, world, clock, "2024-05-01")
    west = unit_since(api, world, clock, "2024-05-01", code="west_t1")
    ok(api.post(INSPECTIONS, as_="supervisor@east", json=inspection(checked)), 201)
    ok(api.post(INSPECTIONS, as_="supervisor@east", json=inspection(unchecked, party_work_checked=False)), 201)
    ok(api.post(INSPECTIONS, as_="supervisor@west_t1", json=inspection(west, party_work_checked=False)), 201)
    listed = api.get(f"{INSPECTIONS}?year=2026&party_work_checked=false", as_="supervisor@east")
    assert [x["unit"]["id"] for x in listed.json] == [unchecked]
    everyone = api.get(f"{INSPECTIONS}?year=2026&party_work_checked=false", as_="supervisor@city")
    assert {x["unit"]["id"] for x in everyone.json} == {unchecked, west}
    assert (
        api.post(
            INSPECTIONS, as_="supervisor@east", json=inspection(west, year=2025, inspected_on="2025-03-01")
        ).status_code
        == 404
    )
    # Instructors read the list but do not record inspections.
    assert api.get(f"{INSPECTIONS}?party_work_checked=false", as_="instructor@east").status_code == 200
    assert (
        api.post(
            INSPECTIONS, as_="instructor@east", json=inspection(checked, year=2025, inspected_on="2025-03-01")
        ).status_code
        == 403
    )


def test_nothing_is_recorded_for_a_deregistered_unit(app: Flask, api: Api, world: World, clock: FixedClock) -> None:
    unit = unit_since(api, world, clock, "2024-05-01")
    res = api.patch(
        f"/api/v1/units/{unit}",
        as_="admin@city",
        json={"operating_status": "deregistered"},
        headers={"If-Match": etag(app, Unit, unit)},
    )
    assert res.status_code == 200, res.get_data(as_text=True)
    refused = api.post(INSPECTIONS, as_="supervisor@east", json=inspection(unit))
    assert refused.status_code == 409 and refused.json["code"] == "unit_deregistered"
