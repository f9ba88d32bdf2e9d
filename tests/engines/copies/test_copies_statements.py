"""The 待阅 list's statement count is fixed whatever its rows: the COUNT, the page, one query per subject type
for the subjects as they are now and one for the senders' names (authentication's token lookup aside)."""

from __future__ import annotations

from flask import Flask

from tests.support.database import statements
from tests.support.establishment import CASES, submitted_branch
from tests.support.supervision import TICKETS, issued
from tests.support.world import Api

LIST_BUDGET = 5  # COUNT, page, cases, tickets, senders


def _copy_some(api: Api, n: int) -> None:
    for i in range(n):
        case = submitted_branch(api)
        sender = "approver@east_t1" if i % 2 else "handler@east_t1"
        r = api.post(
            f"{CASES}/{case['id']}/copies", as_=sender, json={"user_ids": [api.world.users["supervisor@east"]]}
        )
        assert r.status_code == 201, r.json
        ticket = issued(api)
        r = api.post(
            f"{TICKETS}/{ticket['id']}/copies",
            as_="handler@east_t1",
            json={"user_ids": [api.world.users["supervisor@east"]]},
        )
        assert r.status_code == 201, r.json


def _count(app: Flask, api: Api) -> tuple[int, int]:
    api.get("/api/v1/copies", as_="supervisor@east")  # warm
    with statements(app) as seen:
        r = api.get("/api/v1/copies?page_size=50", as_="supervisor@east")
    assert r.status_code == 200
    return len(r.json), len([s for s in seen if "api_tokens" not in s])


def test_the_list_costs_the_same_whatever_its_rows(app: Flask, api: Api) -> None:
    _copy_some(api, 1)
    rows_few, few = _count(app, api)
    _copy_some(api, 4)
    rows_many, many = _count(app, api)
    assert (rows_few, rows_many) == (2, 10)
    assert few == many <= LIST_BUDGET
