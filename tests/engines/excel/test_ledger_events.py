"""Ledger events (五个同步's hook): every unit write — the API's create and update, an Excel import's created and
updated rows — reaches the subscribers once, in the write's transaction, with the values before and after."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest
from flask import Flask

from service.auth import Actor
from service.operations.reference import ledger_events
from service.operations.reference.ledger_events import UnitChange
from tests.support.excel import imported, xlsx
from tests.support.factories import new_credit_code, unit_payload
from tests.support.world import Api, World


@pytest.fixture
def seen() -> Iterator[list[tuple[str, UnitChange]]]:
    calls: list[tuple[str, UnitChange]] = []

    def subscriber(actor: Actor, changes: Sequence[UnitChange]) -> None:
        calls.extend((actor.label, c) for c in changes)

    ledger_events.subscribe(subscriber)
    yield calls
    ledger_events._subscribers.remove(subscriber)


def test_api_create_and_update_reach_subscribers(api: Api, world: World, seen: list[tuple[str, UnitChange]]) -> None:
    resp = api.post("/api/v1/units", json=unit_payload(world.ids["east_t1"], employees=60), as_="handler@east_t1")
    assert resp.status_code == 201, resp.json
    unit = resp.json
    ((_, created),) = seen
    assert created.created and created.unit_id == unit["id"] and created.after["employees"] == 60
    etag = f'"ledger_units-{unit["id"]}-v{unit["version"]}"'
    resp = api.patch(
        f"/api/v1/units/{unit['id']}", json={"employees": 20}, as_="handler@east_t1", headers={"If-Match": etag}
    )
    assert resp.status_code == 200, resp.json
    (_, updated) = seen[1]
    assert not updated.created and updated.moved("employees") and not updated.moved("name")
    assert (updated.before or {})["employees"] == 60 and updated.after["employees"] == 20
    # A PATCH that changes nothing calls for nothing.
    etag = f'"ledger_units-{unit["id"]}-v{resp.json["version"]}"'
    api.patch(f"/api/v1/units/{unit['id']}", json={"employees": 20}, as_="handler@east_t1", headers={"If-Match": etag})
    assert len(seen) == 2


def test_an_import_passes_created_and_updated_rows_once(
    app: Flask, api: Api, world: World, seen: list[tuple[str, UnitChange]]
) -> None:
    a, b = new_credit_code(), new_credit_code()
    rows = [[a, "甲企业", "非公企业", "east_t1", 60, 3], [b, "乙企业", "非公企业", "east_t1", 70, 4]]
    assert imported(app, api, xlsx(rows))["created_count"] == 2
    assert sorted(c.after["credit_code"] for _, c in seen) == sorted([a, b]) and all(c.created for _, c in seen)
    seen.clear()
    assert imported(app, api, xlsx(rows))["unchanged_count"] == 2
    assert seen == []
    rows[0][5] = 0
    assert imported(app, api, xlsx(rows))["updated_count"] == 1
    ((_, change),) = seen
    assert change.after["credit_code"] == a and change.moved("formal_members")
    assert (change.before or {})["formal_members"] == 3 and change.after["formal_members"] == 0
