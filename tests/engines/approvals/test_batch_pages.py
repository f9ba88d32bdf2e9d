"""批量审批 on 待办 through the test client: the rows' checkboxes and the batch bar with its confirm texts, the
result page listing each task's outcome in Chinese, a return without a reason refused per task, a batch that
names nothing refused whole (422, nothing changed), and the urge count on the row."""

from __future__ import annotations

import re
from datetime import date

from flask import Flask

from service.clock import FixedClock
from tests.support.console import Console
from tests.support.establishment import (
    TASKS,
    make_unit,
    new_case,
    submit,
    submitted_branch,
    task_for,
    write_fingerprint,
)
from tests.support.supervision import move
from tests.support.world import Api

A = "approver@east_t1"


def committee_request(api: Api) -> int:
    unit = make_unit(api, formal_members=100, employees=400)
    case_id = int(new_case(api, [unit["id"]], "primary_committee")["id"])
    submit(api, case_id)
    return case_id


def rows_of(page: str) -> dict[str, tuple[str, str | None, str]]:
    """The result table: task id -> (result, code, the outcome in words)."""
    found = re.findall(
        r'<tr data-task="(\d+)" data-result="(\w+)"(?: data-code="(\w+)")?>.*?<td data-label="说明">(.*?)</td>',
        page,
        re.S,
    )
    return {t: (result, code or None, text) for t, result, code, text in found}


def test_the_inbox_offers_the_batch_bar(api: Api, console: Console) -> None:
    case_id = committee_request(api)
    task = task_for(api, A, case_id)["id"]
    page = console.get("/inbox", as_=A).get_data(as_text=True)
    assert f'name="task_ids" value="{task}" form="batch"' in page
    assert 'id="batch"' in page and 'value="approve"' in page and 'value="return"' in page
    assert page.count("data-confirm=") >= 2 and "不能撤回" in page
    assert "批量同意" in page and "批量退回" in page
    assert "console/confirm_button.js" in page  # the buttons ask, each with its own words


def test_batch_approve_then_the_result_page(api: Api, console: Console) -> None:
    first, second = committee_request(api), committee_request(api)
    committee = submitted_branch(api)["id"]  # a committee vote: not in a batch
    ids = [task_for(api, A, c)["id"] for c in (first, second, committee)]

    res = console.post("/inbox/batch", as_=A, data={"action": "approve", "task_ids": [str(i) for i in ids]})

    assert res.status_code == 200
    page = res.get_data(as_text=True)
    assert "批量同意" in page and "共3项，已办理2项" in page
    got = rows_of(page)
    assert got[str(ids[0])][0] == got[str(ids[1])][0] == "done"
    assert got[str(ids[0])][2].startswith("已同意")
    assert got[str(ids[2])][:2] == ("refused", "batch_committee_vote")
    assert "集体表决" in got[str(ids[2])][2]
    # the decided tasks left the inbox, the refused one is still there
    assert {t["id"] for t in api.get(f"{TASKS}/inbox", as_=A).json} == {ids[2]}


def test_batch_return_needs_the_reason(api: Api, app: Flask, console: Console) -> None:
    task = task_for(api, A, committee_request(api))["id"]
    before = write_fingerprint(app)
    res = console.post("/inbox/batch", as_=A, data={"action": "return", "task_ids": str(task), "comment": ""})
    assert res.status_code == 200
    got = rows_of(res.get_data(as_text=True))
    assert got[str(task)][:2] == ("refused", "reason_required") and "理由" in got[str(task)][2]
    assert write_fingerprint(app) == before
    res = console.post("/inbox/batch", as_=A, data={"action": "return", "task_ids": str(task), "comment": "请补充"})
    assert rows_of(res.get_data(as_text=True))[str(task)][0] == "done"


def test_a_batch_that_names_nothing_is_refused_whole(api: Api, app: Flask, console: Console) -> None:
    committee_request(api)
    before = write_fingerprint(app)
    for data in ({"action": "approve"}, {"action": "reject", "task_ids": "1"}, {"action": "approve", "task_ids": "x"}):
        res = console.post("/inbox/batch", as_=A, data=data)
        assert res.status_code == 422, data
        assert "未办理任何待办" in res.get_data(as_text=True)
    assert write_fingerprint(app) == before


def test_a_conflict_names_who_acted(api: Api, console: Console, colleagues: object) -> None:
    task = task_for(api, A, committee_request(api))["id"]
    assert api.post(f"{TASKS}/{task}/decide", as_="approver2@east_t1", json={"action": "approve"}).status_code == 200
    res = console.post("/inbox/batch", as_=A, data={"action": "approve", "task_ids": str(task)})
    result, code, text = rows_of(res.get_data(as_text=True))[str(task)]
    assert (result, code) == ("conflict", "step_already_decided")
    assert text.startswith("approver2@east_t1已先行办理")


def test_the_row_says_how_often_it_was_urged(api: Api, console: Console, clock: FixedClock) -> None:
    task = task_for(api, A, submitted_branch(api)["id"])["id"]
    assert "已催办" not in console.get("/inbox", as_=A).get_data(as_text=True)
    move(clock, date(2026, 11, 3))
    assert api.post(f"{TASKS}/{task}/urge", as_="portal@east", json={}).status_code == 201
    page = console.get("/inbox", as_=A).get_data(as_text=True)
    assert 'data-urges="1"' in page and "已催办 1 次" in page
