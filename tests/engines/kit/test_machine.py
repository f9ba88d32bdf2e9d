"""The shared-machine wrapper (workflows/machine.py), on a toy workflow (no database). The establishment
machine built with it: tests/establishment/test_machine.py."""

from __future__ import annotations

import json
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

import pytest

from workflows.errors import Conflict, RuleViolation
from workflows.machine import StateDef, TransitionDef, WorkflowDefinition


class Row:
    """Stands in for a SQLAlchemy row: only a `state` attribute."""

    def __init__(self, state: str) -> None:
        self.state = state


class EqualToEverything(Row):
    # A primary-key style __eq__ must not matter: rows are never added to the machine.
    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = object.__hash__


def _needs_ok(model: Any, kwargs: Mapping[str, Any]) -> bool:
    if kwargs.get("ok") == "raise":
        raise RuleViolation("specific_reason", "具体原因")
    return kwargs.get("ok")  # type: ignore[return-value]  # deliberately returns False/None sometimes


def _toy() -> WorkflowDefinition:
    return WorkflowDefinition(
        name="toy",
        label_zh="示例",
        states=[StateDef("draft", "草稿"), StateDef("review", "审核中"), StateDef("done", "完成", terminal=True)],
        transitions=[
            TransitionDef("send", ("draft",), "review", "送审"),
            TransitionDef("finish", ("review",), "done", "完成审核", conditions=(_needs_ok,)),
            TransitionDef("back", ("review",), "draft", "退回"),
        ],
        initial="draft",
    )


TOY = _toy()


# -- generic wrapper ---------------------------------------------------------------------------------------


def test_fire_moves_plain_object_without_adding_it_to_the_machine() -> None:
    row = Row("draft")
    TOY.fire(row, "send")
    assert row.state == "review"
    assert TOY.machine.models == []
    # Nothing is bound onto the row (no `send` method, no `is_review`).
    assert not hasattr(row, "send")
    assert not hasattr(row, "is_review")


def test_fire_ignores_model_equality() -> None:
    rows = [EqualToEverything("draft") for _ in range(3)]
    for row in rows:
        TOY.fire(row, "send")
    assert [r.state for r in rows] == ["review"] * 3


def test_machine_is_shared_and_keeps_no_rows() -> None:
    machine = TOY.machine
    rows = [Row("draft") for _ in range(500)]
    for row in rows:
        TOY.fire(row, "send")
    assert TOY.machine is machine
    assert machine.models == []
    assert {r.state for r in rows} == {"review"}


def test_library_trigger_works_on_model_none_machine() -> None:
    # The behaviour `fire` relies on, checked directly against transitions 0.9.3.
    row = Row("draft")
    assert TOY.machine.events["send"].trigger(row) is True
    assert row.state == "review"


@pytest.mark.parametrize(
    ("state", "event"),
    [("draft", "finish"), ("draft", "back"), ("review", "send"), ("done", "send"), ("done", "back")],
)
def test_event_not_valid_from_state_is_conflict(state: str, event: str) -> None:
    row = Row(state)
    with pytest.raises(Conflict) as exc:
        TOY.fire(row, event, ok=True)
    assert exc.value.code == "transition_not_allowed"
    assert row.state == state
    assert TOY.state_label(state) in exc.value.message
    assert TOY.event_label(event) in exc.value.message


def test_conflict_message_is_chinese_with_labels() -> None:
    with pytest.raises(Conflict) as exc:
        TOY.fire(Row("done"), "send")
    assert exc.value.message == "当前状态「完成」不能执行「送审」"


def test_unknown_event_is_conflict() -> None:
    row = Row("draft")
    with pytest.raises(Conflict) as exc:
        TOY.fire(row, "explode")
    assert exc.value.code == "transition_not_allowed"
    assert "explode" in exc.value.message
    assert row.state == "draft"


def test_unknown_current_state_is_conflict() -> None:
    row = Row("archived")
    with pytest.raises(Conflict) as exc:
        TOY.fire(row, "send")
    assert exc.value.code == "unknown_state"
    assert row.state == "archived"


@pytest.mark.parametrize("result", [False, None, 0, "yes"])
def test_condition_not_true_is_never_a_silent_noop(result: object) -> None:
    row = Row("review")
    with pytest.raises(RuleViolation) as exc:
        TOY.fire(row, "finish", ok=result)
    assert exc.value.code == "transition_condition_failed"
    assert "完成审核" in exc.value.message
    assert not isinstance(exc.value, Conflict)
    assert row.state == "review"


def test_condition_raising_keeps_its_specific_reason() -> None:
    row = Row("review")
    with pytest.raises(RuleViolation) as exc:
        TOY.fire(row, "finish", ok="raise")
    assert exc.value.code == "specific_reason"
    assert row.state == "review"


def test_condition_receives_kwargs_and_passes() -> None:
    row = Row("review")
    TOY.fire(row, "finish", ok=True)
    assert row.state == "done"


def test_allowed_events_and_terminal() -> None:
    assert TOY.allowed_events("draft") == ["send"]
    assert TOY.allowed_events("review") == ["finish", "back"]
    assert TOY.allowed_events("done") == []
    assert TOY.is_terminal("done") and not TOY.is_terminal("draft")
    with pytest.raises(ValueError):
        TOY.allowed_events("nowhere")


def test_enum_states_are_stored_as_plain_values() -> None:
    class S(StrEnum):
        OPEN = "open"
        CLOSED = "closed"

    wf = WorkflowDefinition(
        name="enum",
        label_zh="枚举",
        states=[StateDef(S.OPEN, "开"), StateDef(S.CLOSED, "关", terminal=True)],
        transitions=[TransitionDef("close", S.OPEN, S.CLOSED, "关闭")],
        initial=S.OPEN,
    )
    row = Row("open")
    wf.fire(row, "close")
    # transitions would write the member NAME ("CLOSED") if given Enum states.
    assert row.state == "closed"
    assert type(row.state) is str


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"initial": "nowhere"}, "initial"),
        ({"transitions": [TransitionDef("x", ("a",), "zz", "x")]}, "unknown states"),
        ({"transitions": [TransitionDef("x", ("a",), "b", "x"), TransitionDef("x", ("b",), "a", "y")]}, "duplicate"),
        ({"transitions": [TransitionDef("x", ("b",), "a", "x")]}, "terminal"),
        ({"transitions": [TransitionDef("x", (), "a", "x")]}, "no source"),
        ({"states": [StateDef("a", "甲"), StateDef("a", "乙")]}, "duplicate state"),
    ],
)
def test_definition_is_validated(kwargs: dict[str, Any], message: str) -> None:
    base: dict[str, Any] = {
        "name": "bad",
        "label_zh": "坏",
        "states": [StateDef("a", "甲"), StateDef("b", "乙", terminal=True)],
        "transitions": [],
        "initial": "a",
    }
    with pytest.raises(ValueError, match=message):
        WorkflowDefinition(**{**base, **kwargs})


def test_describe_is_json_ready() -> None:
    d = TOY.describe()
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d
    assert d["name"] == "toy" and d["label"] == "示例" and d["initial"] == "draft"
    assert d["states"][2] == {"name": "done", "label": "完成", "terminal": True, "initial": False}
    finish = next(t for t in d["transitions"] if t["event"] == "finish")
    assert finish == {"event": "finish", "label": "完成审核", "sources": ["review"], "dest": "done", "guarded": True}


def test_mermaid_text_and_cache() -> None:
    text = TOY.mermaid()
    assert "stateDiagram-v2" in text
    assert 'state "草稿" as draft' in text
    assert "draft --> review: 送审" in text
    assert "[*] --> draft" in text
    assert "done --> [*]" in text
    assert "draft --> [*]" not in text
    assert TOY.mermaid() is text  # built once
    assert TOY.machine.models == []  # the diagram machine is separate
