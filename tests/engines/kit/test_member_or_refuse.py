"""One way to read a name as a member of one of the rules' enums: a member or its value passes, anything else is
the refusal `unknown_<field>` (不支持的<label>「value」, 422 through the API) — the same words for an approval
mode, an action, an organisation form and a ticket's priority."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from workflows.approval import Action, ApprovalMode, decide, new_step
from workflows.errors import RuleViolation, member_or_refuse
from workflows.establishment import OrgForm, request_subject
from workflows.supervision import Priority


def refusal(call: Callable[[], Any]) -> tuple[str, str, str | None]:
    with pytest.raises(RuleViolation) as caught:
        call()
    return caught.value.code, caught.value.message, caught.value.field


def test_a_member_or_its_value_passes() -> None:
    assert member_or_refuse(ApprovalMode, "any_one", "mode", "审批方式") is ApprovalMode.ANY_ONE
    assert member_or_refuse(OrgForm, OrgForm.BRANCH, "form", "组织形式") is OrgForm.BRANCH


def test_anything_else_is_refused_with_the_field_named() -> None:
    assert refusal(lambda: member_or_refuse(Priority, "very_urgent", "priority", "紧急程度")) == (
        "unknown_priority",
        "不支持的紧急程度「very_urgent」",
        "priority",
    )


def test_the_rules_refuse_in_the_same_words() -> None:
    assert refusal(lambda: new_step("majority", ("alice",))) == ("unknown_mode", "不支持的审批方式「majority」", "mode")
    step = new_step(ApprovalMode.ANY_ONE, ("alice",))
    assert refusal(lambda: decide(step, "alice", "veto")) == ("unknown_action", "不支持的操作「veto」", "action")
    assert refusal(lambda: request_subject(["青山精密"], "party_group")) == (
        "unknown_form",
        "不支持的组织形式「party_group」",
        "form",
    )
    assert Action("approve") is Action.APPROVE
