"""拿回 (take back): an approver takes their approval back — on a countersign step still open, or, when it closed
the step and opened the next level, while nobody touched that next step (which is then cancelled, the step
reopening with the approver's task open again). The rule at its edges, then through the API and the console."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from tests.support.console import Console
from tests.support.establishment import (
    DOC_NO,
    TASKS,
    assert_error,
    audit_actions,
    decide,
    get_case,
    make_unit,
    new_case,
    route,
    submit,
    submitted_branch,
    task_for,
    tasks_for,
    write_fingerprint,
)
from tests.support.world import Api, World
from workflows import approval as engine
from workflows.approval import Action, StepStatus
from workflows.errors import Conflict, RuleViolation

A, B, C = "approver@east_t1", "approver2@east_t1", "approver3@east_t1"
COUNTY = "approver@east"

# -- the rule ----------------------------------------------------------------------------------------------------


def _step(mode: str, *approved: str) -> engine.StepState:
    step = engine.new_step(mode, ["a", "b"])
    for who in approved:
        step = engine.decide(step, who, Action.APPROVE).step
    return step


@pytest.mark.parametrize(
    ("mode", "approved", "who", "kw", "status"),
    [
        ("countersign", ["a"], "a", {}, StepStatus.PENDING),  # open countersign: my own approval
        ("countersign", ["a", "b"], "b", {"moved_on": True}, StepStatus.PENDING),  # I closed it, next untouched
        ("any_one", ["a"], "a", {"moved_on": True}, StepStatus.PENDING),
        ("sequential", ["a", "b"], "b", {"moved_on": True}, StepStatus.PENDING),
    ],
)
def test_taking_back_reopens(mode: str, approved: list[str], who: str, kw: dict[str, Any], status: StepStatus) -> None:
    out = engine.take_back(_step(mode, *approved), who, **kw)
    assert out.status is status and who in out.may_act
    assert not out.step.has_decided(who)
    # and deciding again counts once
    again = engine.decide(out.step, who, Action.APPROVE).step
    assert again.has_decided(who)


@pytest.mark.parametrize(
    ("mode", "approved", "who", "kw", "error", "code"),
    [
        ("countersign", [], "a", {}, Conflict, "nothing_to_take_back"),
        ("countersign", ["a"], "b", {}, Conflict, "nothing_to_take_back"),
        ("countersign", ["a"], "z", {}, RuleViolation, "not_an_approver"),
        ("countersign", ["a", "b"], "a", {"moved_on": True}, Conflict, "not_the_closing_approver"),
        ("countersign", ["a", "b"], "b", {}, Conflict, "no_next_step"),  # the final level: the reply is issued
        (
            "countersign",
            ["a", "b"],
            "b",
            {"moved_on": True, "touched_by": ("李四", "签收")},
            Conflict,
            "next_step_touched",
        ),
    ],
)
def test_take_back_refusals(
    mode: str, approved: list[str], who: str, kw: dict[str, Any], error: type[Exception], code: str
) -> None:
    with pytest.raises(error) as caught:
        engine.take_back(_step(mode, *approved), who, **kw)
    assert getattr(caught.value, "code", None) == code
    if code == "next_step_touched":
        assert "李四签收" in str(caught.value)


# -- the rule in a sequence still open: the latest approval, while the next approver's turn is untouched -------------

NAMES = {"a": "甲", "b": "乙", "c": "丙", "d": "丁", "z": "某"}


def _sequence(*actions: tuple[str, Action, dict[str, Any]]) -> engine.StepState:
    """A sequence a → b → c after these actions (who, what, keywords of decide)."""
    step = engine.new_step("sequential", ["a", "b", "c"])
    for who, act, kw in actions:
        step = engine.decide(step, who, act, **kw).step
    return step


def _ok(who: str) -> tuple[str, Action, dict[str, Any]]:
    return (who, Action.APPROVE, {})


@pytest.mark.parametrize(
    ("done", "who", "back_to"),
    [
        ([_ok("a")], "a", "a"),  # the first in the sequence, b's turn untouched
        ([_ok("a"), _ok("b")], "b", "b"),  # the middle one, c's turn untouched
        ([_ok("a"), ("a", Action.TAKE_BACK, {}), _ok("a")], "a", "a"),  # approved again after a take-back
    ],
)
def test_the_latest_approval_of_a_sequence_comes_back(
    done: list[tuple[str, Action, dict[str, Any]]], who: str, back_to: str
) -> None:
    step = engine.new_step("sequential", ["a", "b", "c"])
    for person, act, kw in done:
        step = (
            engine.take_back(step, person) if act is Action.TAKE_BACK else engine.decide(step, person, act, **kw)
        ).step
    out = engine.take_back(step, who, comment="再核实")
    assert out.status is StepStatus.PENDING
    assert out.step.current == back_to and out.may_act == (back_to,)
    assert out.step.decisions[-1] == engine.Decision(who, Action.TAKE_BACK, comment="再核实")
    # deciding again passes the turn on once more
    assert engine.decide(out.step, who, Action.APPROVE).step.current == {"a": "b", "b": "c"}[who]


@pytest.mark.parametrize(
    ("after", "what"),
    [
        (("b", Action.COMMENT, {"comment": "看过"}), "评论"),
        (("b", Action.DELEGATE, {"delegate_to": "d"}), "转办"),
        (("b", Action.CONSULT, {"delegate_to": "d"}), "委派"),
    ],
)
def test_a_touched_turn_keeps_the_approval(after: tuple[str, Action, dict[str, Any]], what: str) -> None:
    step = _sequence(_ok("a"), after)
    with pytest.raises(Conflict) as caught:
        engine.take_back(step, "a", name_of=NAMES.__getitem__)
    assert caught.value.code == "next_approver_touched"
    assert str(caught.value) == f"下一审批人乙已{what}，不能拿回"


@pytest.mark.parametrize(
    ("placed", "change", "people"),
    [
        ("before", Action.ADD_APPROVERS, ["d"]),
        ("after", Action.ADD_APPROVERS, ["d"]),
        (None, Action.REMOVE_APPROVERS, ["c"]),
    ],
)
def test_approvers_changed_around_the_next_one_keeps_the_approval(
    placed: str | None, change: Action, people: list[str]
) -> None:
    step = _sequence(_ok("a"))
    step = engine.change_approvers(step, "b", change, people, reason="调整", placed=placed)
    with pytest.raises(Conflict) as caught:
        engine.take_back(step, "a", name_of=NAMES.__getitem__)
    assert caught.value.code == "next_approver_touched"
    assert f"下一审批人乙已{engine.ACTION_LABELS_ZH[change]}" in str(caught.value)


def test_a_taken_back_successor_still_touched_the_turn() -> None:
    step = engine.take_back(_sequence(_ok("a"), _ok("b")), "b").step  # c's turn untouched: b takes it back
    with pytest.raises(Conflict) as caught:
        engine.take_back(step, "a", name_of=NAMES.__getitem__)
    assert caught.value.code == "next_approver_touched" and "乙已同意" in str(caught.value)


def test_only_the_latest_approval_of_a_sequence() -> None:
    step = _sequence(_ok("a"), _ok("b"))
    with pytest.raises(Conflict) as caught:
        engine.take_back(step, "a", name_of=NAMES.__getitem__)
    assert caught.value.code == "not_the_latest_approver"
    assert str(caught.value) == "乙已在您之后同意，只有最近一位同意的审批人可以拿回"


@pytest.mark.parametrize(
    ("done", "who", "kw", "error", "code"),
    [
        ([], "a", {}, Conflict, "nothing_to_take_back"),  # the first one's turn: nothing approved yet
        ([_ok("a")], "b", {}, Conflict, "nothing_to_take_back"),  # the next one has not approved
        ([_ok("a")], "z", {}, RuleViolation, "not_an_approver"),
        ([_ok("a"), _ok("b"), _ok("c")], "c", {}, Conflict, "no_next_step"),  # the last one closed the final level
        ([_ok("a"), _ok("b"), _ok("c")], "b", {"moved_on": True}, Conflict, "not_the_closing_approver"),
        (
            [_ok("a"), _ok("b"), _ok("c")],
            "c",
            {"moved_on": True, "touched_by": ("东县审批人", "签收")},
            Conflict,
            "next_step_touched",
        ),
        ([_ok("a"), ("b", Action.REJECT, {"comment": "不全"})], "a", {}, Conflict, "step_already_decided"),
        ([_ok("a"), ("b", Action.RETURN, {"comment": "补充"})], "a", {}, Conflict, "step_already_decided"),
        ([("a", Action.RETURN, {"comment": "补充"})], "a", {}, Conflict, "nothing_to_take_back"),
    ],
)
def test_sequence_refusals(
    done: list[tuple[str, Action, dict[str, Any]]], who: str, kw: dict[str, Any], error: type[Exception], code: str
) -> None:
    with pytest.raises(error) as caught:
        engine.take_back(_sequence(*done), who, **kw)
    assert getattr(caught.value, "code", None) == code


def test_the_last_of_a_sequence_takes_back_across_levels() -> None:
    """The last approval closes the step: the moved-on rule applies, as for every mode."""
    out = engine.take_back(_sequence(_ok("a"), _ok("b"), _ok("c")), "c", moved_on=True)
    assert out.status is StepStatus.PENDING and out.step.current == "c"


@pytest.mark.parametrize("mode", ["any_one", "committee_vote"])
def test_other_open_modes_still_refuse(mode: str) -> None:
    """An open any-one or committee step holds no approval (the first decision closes it): nothing to take back;
    once closed, only the moved-on rule (test_taking_back_reopens)."""
    with pytest.raises(Conflict) as caught:
        engine.take_back(engine.new_step(mode, ["a", "b"]), "a")
    assert caught.value.code == "nothing_to_take_back"


def test_a_rejection_cannot_be_taken_back() -> None:
    step = engine.decide(engine.new_step("countersign", ["a", "b"]), "a", Action.REJECT, comment="不全").step
    with pytest.raises(Conflict) as caught:
        engine.take_back(step, "a", moved_on=True)
    assert caught.value.code in ("nothing_to_take_back", "step_already_decided")


# -- through the API ---------------------------------------------------------------------------------------------


def _primary(api: Api) -> int:
    """A primary committee case: east_t1 reviews (countersign A, B), then the county approves."""
    route(api, "east_t1", "countersign", [A, B], level="superior_review")
    unit = make_unit(api, formal_members=100, employees=400)
    cid = int(new_case(api, [unit["id"]], "primary_committee")["id"])
    submit(api, cid)
    return cid


def _take_back(api: Api, task: int, user: str) -> Any:
    return api.post(f"{TASKS}/{task}/take-back", as_=user, json={"comment": "还需核实人数"})


def test_take_back_across_levels_while_the_next_is_untouched(app: Flask, api: Api, colleagues: World) -> None:
    cid = _primary(api)
    assert decide(api, task_for(api, A, cid)["id"], A).status_code == 200
    mine = task_for(api, B, cid)["id"]
    assert decide(api, mine, B).status_code == 200
    assert [s["status"] for s in get_case(api, cid)["steps"]] == ["approved", "pending"]
    assert tasks_for(api, COUNTY, cid)

    assert_error(_take_back(api, task_id_of_a(api, cid), A), 409, "not_the_closing_approver")
    r = _take_back(api, mine, B)
    assert r.status_code == 200, r.json
    assert r.json["status"] == "open" and r.json["outcome"] is None
    case = get_case(api, cid)
    assert [s["status"] for s in case["steps"]] == ["pending", "cancelled"]
    assert case["state"] == "submitted"
    assert tasks_for(api, COUNTY, cid) == []
    assert task_for(api, B, cid)["id"] == mine
    assert "task.take_back" in audit_actions(api, cid)
    # deciding again moves the case on again: a new step at the next level
    assert decide(api, mine, B).status_code == 200
    assert [s["status"] for s in get_case(api, cid)["steps"]] == ["approved", "cancelled", "pending"]


def task_id_of_a(api: Api, cid: int) -> int:
    step = get_case(api, cid)["steps"][0]
    return int(next(t["id"] for t in step["tasks"] if t["position"] == 0))


def test_take_back_refused_once_the_next_step_was_touched(app: Flask, api: Api, colleagues: World) -> None:
    cid = _primary(api)
    assert decide(api, task_for(api, A, cid)["id"], A).status_code == 200
    mine = task_for(api, B, cid)["id"]
    assert decide(api, mine, B).status_code == 200
    county = task_for(api, COUNTY, cid)["id"]
    assert api.post(f"{TASKS}/{county}/claim", as_=COUNTY).status_code == 200
    before = write_fingerprint(app)
    r = _take_back(api, mine, B)
    assert_error(r, 409, "next_step_touched")
    assert "签收" in r.json["message"]
    assert write_fingerprint(app) == before


def test_take_back_inside_an_open_countersign(api: Api, colleagues: World) -> None:
    route(api, "east_t1", "countersign", [A, B])
    cid = submitted_branch(api)["id"]
    mine = task_for(api, A, cid)["id"]
    assert decide(api, mine, A).status_code == 200
    assert _take_back(api, mine, A).status_code == 200
    assert task_for(api, A, cid)["status"] == "open"
    assert decide(api, task_for(api, B, cid)["id"], B).status_code == 200
    assert get_case(api, cid)["state"] == "submitted"  # A must approve again
    assert decide(api, mine, A, approval_doc_no=DOC_NO).status_code == 200
    assert get_case(api, cid)["state"] == "approved"
    assert_error(_take_back(api, mine, A), 409, "no_next_step")  # the reply is issued
    assert_error(_take_back(api, mine, B), 403, "forbidden")


def _notices(api: Api, user: str, task: int) -> list[dict[str, Any]]:
    return [n for n in api.get("/api/v1/notifications", as_=user).json if n["task_id"] == task]


def _allowed(api: Api, task: int, user: str) -> list[str]:
    return list(api.get(f"{TASKS}/{task}", as_=user).json["allowed_actions"])


def test_take_back_in_an_open_sequence(app: Flask, api: Api, colleagues: World) -> None:
    route(api, "east_t1", "sequential", [A, B, C])
    cid = submitted_branch(api)["id"]
    mine = task_for(api, A, cid)["id"]
    assert decide(api, mine, A).status_code == 200
    turn = task_for(api, B, cid)["id"]
    assert [n["settled"] for n in _notices(api, B, turn)] == [False]
    assert "take_back" in _allowed(api, mine, A)

    r = _take_back(api, mine, A)
    assert r.status_code == 200, r.json
    assert r.json["status"] == "open" and r.json["outcome"] is None
    assert task_for(api, A, cid)["id"] == mine and tasks_for(api, B, cid) == []
    tasks = get_case(api, cid)["steps"][0]["tasks"]
    assert [(t["status"], t["assignee_id"]) for t in tasks if t["assignee_id"] == colleagues.users[B]] == [
        ("cancelled", colleagues.users[B]),
        ("waiting", colleagues.users[B]),
    ]
    assert [n["settled"] for n in _notices(api, B, turn)] == [True]  # B's turn withdrawn: 已处理
    assert get_case(api, cid)["state"] == "submitted"
    assert audit_actions(api, cid).count("task.take_back") == 1
    assert "take_back" not in _allowed(api, mine, A)

    # approving again passes the turn to B afresh, who is told again
    assert decide(api, mine, A).status_code == 200
    again = task_for(api, B, cid)["id"]
    assert again != turn and [n["settled"] for n in _notices(api, B, again)] == [False]


def test_take_back_refused_once_the_next_approver_acted(app: Flask, api: Api, colleagues: World) -> None:
    route(api, "east_t1", "sequential", [A, B, C])
    cid = submitted_branch(api)["id"]
    mine = task_for(api, A, cid)["id"]
    assert decide(api, mine, A).status_code == 200
    turn = task_for(api, B, cid)["id"]
    assert api.post(f"{TASKS}/{turn}/comment", as_=B, json={"comment": "在看"}).status_code == 200
    assert "take_back" not in _allowed(api, mine, A)
    before = write_fingerprint(app)
    r = _take_back(api, mine, A)
    assert_error(r, 409, "next_approver_touched")
    assert r.json["message"] == f"下一审批人{B}已评论，不能拿回"
    assert write_fingerprint(app) == before

    assert decide(api, turn, B).status_code == 200
    r = _take_back(api, mine, A)
    assert_error(r, 409, "not_the_latest_approver")
    assert B in r.json["message"]
    assert "take_back" in _allowed(api, turn, B)  # B's approval is now the latest, C's turn untouched
    assert _take_back(api, turn, B).status_code == 200
    assert task_for(api, B, cid)["id"] == turn and tasks_for(api, C, cid) == []
    assert_error(_take_back(api, turn, A), 403, "forbidden")


# -- the console -----------------------------------------------------------------------------------------------


def test_take_back_through_the_console(api: Api, colleagues: World, console: Console) -> None:
    cid = _primary(api)
    assert decide(api, task_for(api, A, cid)["id"], A).status_code == 200
    mine = task_for(api, B, cid)["id"]
    assert decide(api, mine, B).status_code == 200
    # the case page (from 已办) links to the task where it can be taken back
    case_page = console.get(f"/cases/{cid}", as_=B).get_data(as_text=True)
    assert f'href="/tasks/{mine}"' in case_page.split('id="take-back-link"')[1]
    assert 'id="take-back-link"' not in console.get(f"/cases/{cid}", as_=A).get_data(as_text=True)
    page = console.get(f"/tasks/{mine}", as_=B).get_data(as_text=True)
    assert 'id="form-take_back"' in page and "已转入的下一环节将取消" in page
    res = console.post(f"/tasks/{mine}/take-back", as_=B, data={"comment": "再核实"})
    assert res.status_code == 302 and res.headers["Location"] == f"/tasks/{mine}"
    page = console.get(f"/tasks/{mine}", as_=B).get_data(as_text=True)
    assert 'id="form-take_back"' not in page and 'id="form-decide"' in page
    assert 'id="take-back-link"' not in console.get(f"/cases/{cid}", as_=B).get_data(as_text=True)
    assert "拿回" in page.split('id="history"')[1]


def test_take_back_within_a_sequence_through_the_console(api: Api, colleagues: World, console: Console) -> None:
    route(api, "east_t1", "sequential", [A, B, C])
    cid = submitted_branch(api)["id"]
    mine = task_for(api, A, cid)["id"]
    assert decide(api, mine, A).status_code == 200
    case_page = console.get(f"/cases/{cid}", as_=A).get_data(as_text=True)
    assert f'href="/tasks/{mine}"' in case_page.split('id="take-back-link"')[1]
    page = console.get(f"/tasks/{mine}", as_=A).get_data(as_text=True)
    assert 'id="form-take_back"' in page and "下一位审批人的待办将收回" in page
    turn = task_for(api, B, cid)["id"]
    assert api.post(f"{TASKS}/{turn}/comment", as_=B, json={"comment": "在看"}).status_code == 200
    # the page was shown before B commented: the command refuses, saying who acted
    res = console.post(f"/tasks/{mine}/take-back", as_=A, data={"comment": "再核实"})
    assert res.status_code == 409
    assert f"下一审批人{B}已评论，不能拿回" in res.get_data(as_text=True)
    assert 'id="form-take_back"' not in console.get(f"/tasks/{mine}", as_=A).get_data(as_text=True)


def test_take_back_inside_a_countersign_asks_without_a_next_turn(api: Api, colleagues: World, console: Console) -> None:
    route(api, "east_t1", "countersign", [A, B])
    cid = submitted_branch(api)["id"]
    mine = task_for(api, A, cid)["id"]
    assert decide(api, mine, A).status_code == 200
    page = console.get(f"/tasks/{mine}", as_=A).get_data(as_text=True)
    form = page.split('id="form-take_back"')[1].split("</form>")[0]
    assert "拿回后您的同意作废，此待办回到您处重新办理。确定？" in form
