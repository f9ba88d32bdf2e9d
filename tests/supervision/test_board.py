"""The supervision board: warning lights at their edges (the light shown and the SQL filter agree), the list
filters, per-body counts and rates, and the handler inbox."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from service.clock import FixedClock
from tests.support.supervision import (
    TICKETS,
    acknowledged,
    draft,
    get_ticket,
    issued,
    move,
    ok,
    rectifying,
    report,
    submitted,
)
from tests.support.world import Api


def ids(api: Api, query: str, as_: str = "supervisor@city") -> list[int]:
    res = api.get(f"{TICKETS}?page_size=200{query}", as_=as_)
    assert res.status_code == 200, res.json
    return [t["id"] for t in res.json]


def light(api: Api, ticket_id: int) -> tuple[str | None, str | None]:
    t = get_ticket(api, ticket_id)
    return t["warning_level"], t["warning_label"]


def filtered_light(api: Api, ticket_id: int) -> str | None:
    """The light the SQL filter puts the ticket under (None: under none)."""
    hits = [level for level in ("green", "yellow", "red") if ticket_id in ids(api, f"&warning_level={level}")]
    assert len(hits) <= 1, hits
    return hits[0] if hits else None


# rectify_by 2026-10-09; working days: 09-28, 09-29, 09-30, [holiday 10-01..10-07], 10-08, 10-09, 10-10 (Sat)
@pytest.mark.parametrize(
    ("day", "hour", "expected"),
    [
        (date(2026, 9, 28), 2, "green"),  # 4 working days left (09-29, 09-30, 10-08, 10-09)
        (date(2026, 9, 29), 2, "yellow"),  # 3 left: yellow within 3 working days
        (date(2026, 10, 3), 2, "yellow"),  # the holiday: still 2 left
        (date(2026, 10, 9), 2, "yellow"),  # the deadline day: 0 left, not yet overdue
        (date(2026, 10, 9), 15, "yellow"),  # 23:59 in Beijing
        (date(2026, 10, 9), 16, "red"),  # 00:00 on 10-10 in Beijing: overdue
    ],
)
def test_light_on_the_rectification_deadline_at_its_edges(
    api: Api, clock: FixedClock, day: date, hour: int, expected: str
) -> None:
    t = acknowledged(api)
    move(clock, day, hour)
    labels = {"green": "绿灯 正常", "yellow": "黄灯 临期", "red": "红灯 逾期"}
    assert light(api, t["id"]) == (expected, labels[expected])
    assert filtered_light(api, t["id"]) == expected
    overdue = ids(api, "&overdue=true")
    assert (t["id"] in overdue) is (expected == "red")
    assert (t["id"] in ids(api, "&overdue=false")) is (expected != "red")


def test_an_issued_ticket_follows_the_acknowledgement_deadline(api: Api, clock: FixedClock) -> None:
    t = issued(api)  # acknowledge_by 2026-09-29, rectify_by 2026-10-09
    assert get_ticket(api, t["id"])["tracked_deadline"] == "2026-09-29"
    assert light(api, t["id"])[0] == "yellow"  # two working days to sign
    move(clock, date(2026, 9, 30))
    assert light(api, t["id"])[0] == "red" and filtered_light(api, t["id"]) == "red"
    ok(api.post(f"{TICKETS}/{t['id']}/acknowledge", as_="handler@east_t1"))
    # signed late, but the rectification deadline is 10-09: two working days left
    got = get_ticket(api, t["id"])
    assert (got["tracked_deadline"], got["warning_level"]) == ("2026-10-09", "yellow")
    assert filtered_light(api, t["id"]) == "yellow"


def test_no_light_in_draft_submitted_and_closed(api: Api) -> None:
    d = draft(api)
    s = submitted(api)
    for ticket_id in (d["id"], s["id"]):
        assert light(api, ticket_id) == (None, None)
        assert filtered_light(api, ticket_id) is None
        assert ticket_id in ids(api, "&overdue=false")


def test_list_filters_by_state_priority_body_and_title(api: Api) -> None:
    a = issued(api, "east_t1", title="东一镇覆盖率滞后")
    b = issued(api, "east_t2", priority="urgent")
    c = issued(api, "west_t1", as_="supervisor@city")
    d = draft(api, "east_t1")
    everything = ids(api, "")
    assert {a["id"], b["id"], c["id"], d["id"]} <= set(everything)
    assert set(ids(api, "&state=draft")) == {d["id"]}
    assert set(ids(api, "&priority=urgent")) == {b["id"]}
    east = api.world.ids["east"]
    assert set(ids(api, f"&jurisdiction_id={east}")) == {a["id"], b["id"], d["id"]}
    assert set(ids(api, f"&jurisdiction_id={api.world.ids['east_t2']}")) == {b["id"]}
    assert set(ids(api, "&q=覆盖率")) == {a["id"]}
    assert ids(api, "&sort=-id") == sorted(everything, reverse=True)
    res = api.get(f"{TICKETS}?page_size=2", as_="supervisor@city")
    assert len(res.json) == 2 and json.loads(res.headers["X-Pagination"])["total"] == 4
    assert api.get(f"{TICKETS}?warning_level=blue", as_="supervisor@city").status_code == 422
    assert api.get(f"{TICKETS}?sort=secret", as_="supervisor@city").status_code == 422
    # a body outside the caller's subtree is not found, not an empty list
    assert api.get(f"{TICKETS}?jurisdiction_id={api.world.ids['west']}", as_="supervisor@east").status_code == 404


def test_each_side_sees_its_tickets_and_drafts_stay_with_the_issuer(api: Api) -> None:
    from_east = issued(api, "east_t1")
    from_city = issued(api, "east", as_="supervisor@city")
    to_west = issued(api, "west_t1", as_="supervisor@city")
    drafted = draft(api, "east_t1")
    assert set(ids(api, "", as_="supervisor@east")) == {from_east["id"], from_city["id"], drafted["id"]}
    # the township sees what was issued to it, not the county's draft nor the county's own ticket
    assert set(ids(api, "", as_="handler@east_t1")) == {from_east["id"]}
    assert set(ids(api, "", as_="handler@west_t1")) == {to_west["id"]}
    assert api.get(f"{TICKETS}/{drafted['id']}", as_="handler@east_t1").status_code == 404
    assert api.get(f"{TICKETS}/{from_city['id']}", as_="supervisor@east_t1").status_code == 404


def _board(api: Api, as_: str = "supervisor@city", query: str = "") -> dict[str, Any]:
    return ok(api.get(f"{TICKETS}/board{query}", as_=as_))


def test_board_counts_and_rates_per_body(api: Api, clock: FixedClock) -> None:
    # east_t1: one closed on time, one closed late, one open and overdue later, one draft (not counted),
    # one cancelled (not counted); east_t2: one open; west_t1 (issued by the city): one closed on time
    on_time = submitted(api, "east_t1")
    ok(api.post(f"{TICKETS}/{on_time['id']}/close", as_="supervisor@east", json={}))
    late = rectifying(api, "east_t1")
    overdue = acknowledged(api, "east_t1", rectification_workdays=None, rectification_deadline="2026-09-30")
    draft(api, "east_t1")
    cancelled = issued(api, "east_t1")
    ok(api.post(f"{TICKETS}/{cancelled['id']}/cancel", as_="supervisor@east", json={"reason": "重复"}))
    issued(api, "east_t2", rectification_workdays=20)  # nobody at east_t2 signs for it
    west = submitted(api, "west_t1", as_="supervisor@city")
    ok(api.post(f"{TICKETS}/{west['id']}/close", as_="supervisor@city", json={}))
    move(clock, date(2026, 10, 12))
    ok(report(api, late))
    ok(api.post(f"{TICKETS}/{late['id']}/close", as_="supervisor@east", json={}))

    board = _board(api)
    assert board["as_of"] == "2026-10-12"
    rows = {b["body"]["code"]: b for b in board["bodies"]}
    assert list(rows) == ["east_t1", "east_t2", "west_t1"]  # ordered by the tree
    t1 = rows["east_t1"]
    assert {k: t1[k] for k in ("total", "closed", "closed_on_time", "open", "overdue", "yellow", "green")} == {
        "total": 3,
        "closed": 2,
        "closed_on_time": 1,
        "open": 1,
        "overdue": 1,
        "yellow": 0,
        "green": 0,
    }
    assert t1["closure_rate"] == pytest.approx(0.6667) and t1["on_time_rate"] == 0.5
    t2 = rows["east_t2"]
    # issued 09-25 with 20 working days; still signing: acknowledge_by 09-29 has passed
    assert (t2["total"], t2["closed"], t2["open"], t2["overdue"]) == (1, 0, 1, 1)
    assert t2["closure_rate"] == 0.0 and t2["on_time_rate"] is None  # no closed ticket: no on-time rate
    assert (rows["west_t1"]["closure_rate"], rows["west_t1"]["on_time_rate"]) == (1.0, 1.0)
    totals = board["totals"]
    assert (totals["total"], totals["closed"], totals["closed_on_time"], totals["overdue"]) == (5, 3, 2, 2)
    assert totals["closure_rate"] == 0.6 and totals["on_time_rate"] == pytest.approx(0.6667)
    # scoped: the county sees its townships only; filters narrow further
    east = _board(api, "supervisor@east")
    assert [b["body"]["code"] for b in east["bodies"]] == ["east_t1", "east_t2"]
    only_t2 = _board(api, "supervisor@city", f"?jurisdiction_id={api.world.ids['east_t2']}")
    assert [b["body"]["code"] for b in only_t2["bodies"]] == ["east_t2"]
    assert _board(api, "handler@west_t1")["totals"]["total"] == 1
    assert overdue["id"] in ids(api, "&overdue=true")


def test_board_lights_follow_the_calendar(api: Api, clock: FixedClock) -> None:
    acknowledged(api, "east_t1")  # rectify_by 10-09
    acknowledged(api, "east_t1", rectification_workdays=10)  # 10-15
    acknowledged(api, "west_t1", as_="supervisor@city", rectification_workdays=1)  # 09-28
    move(clock, date(2026, 9, 29))
    rows = {b["body"]["code"]: b for b in _board(api)["bodies"]}
    assert (rows["east_t1"]["green"], rows["east_t1"]["yellow"], rows["east_t1"]["overdue"]) == (1, 1, 0)
    assert (rows["west_t1"]["green"], rows["west_t1"]["yellow"], rows["west_t1"]["overdue"]) == (0, 0, 1)


def test_empty_board(api: Api) -> None:
    board = _board(api, "supervisor@east_t1")
    assert board["bodies"] == []
    assert board["totals"]["total"] == 0 and board["totals"]["closure_rate"] is None


def test_handler_inbox_lists_what_my_body_owes_nearest_deadline_first(api: Api, clock: FixedClock) -> None:
    late = rectifying(api, "east_t1", rectification_workdays=10)  # 10-15
    to_sign = issued(api, "east_t1", rectification_workdays=20)  # sign by 09-29
    to_start = acknowledged(api, "east_t1", rectification_workdays=6)  # 10-10
    returned = submitted(api, "east_t1", rectification_workdays=7)  # 10-12
    ok(api.post(f"{TICKETS}/{returned['id']}/return", as_="supervisor@east", json={"reason": "材料不全"}))
    waiting = submitted(api, "east_t1")  # with the supervisor: not in the inbox
    draft(api, "east_t1")  # not issued: not in the inbox
    issued(api, "east_t2")  # another body
    res = api.get(f"{TICKETS}/inbox", as_="handler@east_t1")
    assert res.status_code == 200
    got = [(t["id"], t["pending_action"], t["tracked_deadline"]) for t in res.json]
    assert got == [
        (to_sign["id"], "acknowledge", "2026-09-29"),
        (to_start["id"], "start_rectification", "2026-10-10"),
        (returned["id"], "submit_report", "2026-10-12"),
        (late["id"], "submit_report", "2026-10-15"),
    ]
    labels = {t["id"]: t["pending_action_label"] for t in res.json}
    assert labels[to_sign["id"]] == "待签收" and labels[returned["id"]] == "已退回，待重新报送整改情况"
    assert waiting["id"] not in {t["id"] for t in res.json}
    assert json.loads(res.headers["X-Pagination"])["total"] == 4
    # the handler of the county above has its own (empty) inbox; other roles have none
    assert api.get(f"{TICKETS}/inbox", as_="handler@east").json == []
    assert api.get(f"{TICKETS}/inbox", as_="supervisor@east_t1").status_code == 403
