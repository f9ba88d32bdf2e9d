"""Approval engine decisions: countersign, any-one, sequential, committee vote; delegate, return, comment."""

from __future__ import annotations

from itertools import permutations

import pytest

from workflows.approval import (
    ACTION_LABELS_ZH,
    MODE_LABELS_ZH,
    Action,
    ApprovalMode,
    Decision,
    Outcome,
    StepState,
    StepStatus,
    committee_vote_outcome,
    decide,
    may_act,
    new_step,
    pending_approvers,
    record_vote,
    step_status,
)
from workflows.errors import Conflict, RuleViolation

A, B, C = "alice", "bob", "carol"
REASON = "材料不全"


def step(mode: str, approvers: tuple[str, ...] = (A, B, C)) -> StepState:
    return new_step(mode, approvers)


def act(s: StepState, who: str, action: str, **kw: object) -> Outcome:
    if action in ("reject", "return") and "comment" not in kw:
        kw["comment"] = REASON
    return decide(s, who, action, **kw)  # type: ignore[arg-type]


def test_labels() -> None:
    assert dict(MODE_LABELS_ZH) == {
        "countersign": "会签",
        "any_one": "或签",
        "sequential": "依次审批",
        "committee_vote": "集体表决",
    }
    assert dict(ACTION_LABELS_ZH) == {
        "approve": "同意",
        "reject": "不同意",
        "return": "退回",
        "delegate": "转办",
        "comment": "评论",
        "consult": "委派",
        "opinion": "委派意见",
        "add_approvers": "加签",
        "remove_approvers": "减签",
        "take_back": "拿回",
        "return_to": "退回至此前环节",
    }


@pytest.mark.parametrize(("approvers", "code"), [((), "no_approvers"), ((A, A), "duplicate_approvers")])
def test_step_needs_distinct_approvers(approvers: tuple[str, ...], code: str) -> None:
    with pytest.raises(RuleViolation) as exc:
        new_step("countersign", approvers)
    assert exc.value.code == code


def test_unknown_mode_and_action() -> None:
    with pytest.raises(RuleViolation) as exc:
        new_step("majority", (A,))
    assert exc.value.code == "unknown_mode"
    with pytest.raises(RuleViolation) as exc:
        decide(step("any_one"), A, "veto")
    assert exc.value.code == "unknown_action"


# -- countersign ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("order", list(permutations([A, B, C])))
def test_countersign_all_approve_in_any_order(order: tuple[str, ...]) -> None:
    s = step("countersign")
    statuses = []
    for who in order:
        out = act(s, who, "approve")
        s = out.step
        statuses.append(out.status)
    assert statuses == [StepStatus.PENDING, StepStatus.PENDING, StepStatus.APPROVED]
    assert pending_approvers(s) == ()


@pytest.mark.parametrize("actions", sorted(set(permutations(["approve", "approve", "reject"]))))
def test_countersign_one_rejection_decides_wherever_it_arrives(actions: tuple[str, ...]) -> None:
    s = step("countersign")
    for who, action in zip((A, B, C), actions, strict=True):
        out = act(s, who, action)
        s = out.step
        if action == "reject":
            break
        assert out.status is StepStatus.PENDING
    assert out.status is StepStatus.REJECTED
    assert out.may_act == ()
    for later in (A, B, C)[actions.index("reject") + 1 :]:
        with pytest.raises(Conflict):
            act(s, later, "approve")


def test_countersign_reject_first_closes_the_step() -> None:
    out = act(step("countersign"), A, "reject")
    assert out.status is StepStatus.REJECTED and out.decided
    with pytest.raises(Conflict) as exc:
        act(out.step, B, "approve")
    assert exc.value.code == "step_already_decided"


def test_countersign_reject_last_still_rejects() -> None:
    s = act(act(step("countersign"), A, "approve").step, B, "approve").step
    assert s.status is StepStatus.PENDING
    assert pending_approvers(s) == (C,)
    assert act(s, C, "reject").status is StepStatus.REJECTED


@pytest.mark.parametrize(
    "decisions",
    [
        (Decision(A, Action.RETURN, REASON), Decision(B, Action.REJECT, REASON)),
        (Decision(B, Action.REJECT, REASON), Decision(A, Action.RETURN, REASON)),
    ],
)
def test_countersign_status_does_not_depend_on_arrival_order(decisions: tuple[Decision, ...]) -> None:
    # Stored data with both a return and a rejection (e.g. concurrent requests): rejection wins either way.
    s = StepState(ApprovalMode.COUNTERSIGN, (A, B, C), decisions)
    assert step_status(s) is StepStatus.REJECTED


def test_countersign_return_sends_case_back() -> None:
    out = act(act(step("countersign"), A, "approve").step, C, "return")
    assert out.status is StepStatus.RETURNED


def test_approver_cannot_decide_twice() -> None:
    s = act(step("countersign"), A, "approve").step
    for action in ("approve", "reject", "return"):
        with pytest.raises(Conflict) as exc:
            act(s, A, action)
        assert exc.value.code == "approver_already_decided"
    assert not may_act(s, A) and may_act(s, B)


# -- any-one -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "action", "status"),
    [
        (B, "approve", StepStatus.APPROVED),
        (C, "reject", StepStatus.REJECTED),
        (A, "return", StepStatus.RETURNED),
    ],
)
def test_any_one_first_decision_wins(who: str, action: str, status: StepStatus) -> None:
    out = act(step("any_one"), who, action)
    assert out.status is status
    others = [p for p in (A, B, C) if p != who]
    with pytest.raises(Conflict) as exc:
        act(out.step, others[0], "approve")
    assert exc.value.code == "step_already_decided"


def test_any_one_everyone_may_act_at_first() -> None:
    s = step("any_one")
    assert pending_approvers(s) == (A, B, C)


# -- sequential ----------------------------------------------------------------------------------------------


def test_sequential_in_order() -> None:
    s = step("sequential")
    assert s.current == A and pending_approvers(s) == (A,)
    s = act(s, A, "approve").step
    assert s.current == B and pending_approvers(s) == (B,)
    s = act(s, B, "approve").step
    out = act(s, C, "approve")
    assert out.status is StepStatus.APPROVED
    assert out.step.current is None


@pytest.mark.parametrize(("who", "action"), [(B, "approve"), (C, "reject"), (B, "return")])
def test_sequential_out_of_turn_is_conflict(who: str, action: str) -> None:
    with pytest.raises(Conflict) as exc:
        act(step("sequential"), who, action)
    assert exc.value.code == "not_your_turn"
    assert A in exc.value.message


def test_sequential_reject_in_the_middle() -> None:
    s = act(step("sequential"), A, "approve").step
    out = act(s, B, "reject")
    assert out.status is StepStatus.REJECTED
    assert not may_act(out.step, C)


def test_sequential_return_by_current() -> None:
    s = act(step("sequential"), A, "approve").step
    assert act(s, B, "return").status is StepStatus.RETURNED


def test_may_act_per_mode() -> None:
    assert [may_act(step("sequential"), p) for p in (A, B, C)] == [True, False, False]
    assert [may_act(step("countersign"), p) for p in (A, B, C)] == [True, True, True]
    assert may_act(step("countersign"), "mallory") is False


# -- non-approvers, reasons, comments -----------------------------------------------------------------------


@pytest.mark.parametrize("mode", list(ApprovalMode))
@pytest.mark.parametrize("action", ["approve", "reject", "return", "comment", "delegate"])
def test_non_approver_is_refused(mode: ApprovalMode, action: str) -> None:
    with pytest.raises(RuleViolation) as exc:
        decide(step(mode), "mallory", action, comment="x", delegate_to="zed")
    assert exc.value.code == "not_an_approver"
    assert not isinstance(exc.value, Conflict)


@pytest.mark.parametrize("action", ["reject", "return"])
@pytest.mark.parametrize("comment", [None, "", "   "])
def test_reject_and_return_need_reason(action: str, comment: str | None) -> None:
    with pytest.raises(RuleViolation) as exc:
        decide(step("any_one"), A, action, comment=comment)
    assert (exc.value.code, exc.value.field) == ("reason_required", "comment")


def test_comment_has_no_effect_and_ignores_turn() -> None:
    s = step("sequential")
    out = decide(s, C, "comment", comment="请补充党员名册")
    assert out.status is StepStatus.PENDING
    assert out.step.current == A
    assert out.step.decisions[-1] == Decision(C, Action.COMMENT, "请补充党员名册")
    # A commenter who already approved may still comment while the step is open.
    s2 = act(step("countersign"), A, "approve").step
    assert decide(s2, A, "comment", comment="同意，建议尽快召开党员大会").status is StepStatus.PENDING


def test_empty_comment_refused_and_comment_on_decided_step_conflicts() -> None:
    with pytest.raises(RuleViolation) as exc:
        decide(step("any_one"), A, "comment", comment=" ")
    assert exc.value.code == "comment_required"
    done = act(step("any_one"), A, "approve").step
    with pytest.raises(Conflict) as exc2:
        decide(done, B, "comment", comment="晚了")
    assert exc2.value.code == "step_already_decided"


# -- delegation ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("delegate_to", "code"),
    [
        (A, "cannot_delegate_to_self"),
        (B, "delegate_already_on_step"),
        (None, "delegate_required"),
        ("", "delegate_required"),
    ],
)
def test_delegate_rules(delegate_to: str | None, code: str) -> None:
    with pytest.raises(RuleViolation) as exc:
        decide(step("countersign"), A, "delegate", delegate_to=delegate_to)
    assert exc.value.code == code


def test_cannot_delegate_after_deciding() -> None:
    s = act(step("countersign"), A, "approve").step
    with pytest.raises(Conflict) as exc:
        decide(s, A, "delegate", delegate_to="dave")
    assert exc.value.code == "approver_already_decided"


def test_delegate_takes_place_and_turn_in_sequential() -> None:
    out = decide(step("sequential"), A, "delegate", delegate_to="dave", comment="出差")
    s = out.step
    assert s.approvers == ("dave", B, C)
    assert out.status is StepStatus.PENDING
    assert out.may_act == ("dave",)
    assert s.decisions[-1] == Decision(A, Action.DELEGATE, "出差", delegate_to="dave")
    with pytest.raises(RuleViolation) as exc:
        act(s, A, "approve")
    assert exc.value.code == "not_an_approver"
    assert act(s, "dave", "approve").step.current == B


def test_later_sequential_approver_may_delegate_before_turn() -> None:
    out = decide(step("sequential"), C, "delegate", delegate_to="erin")
    assert out.step.approvers == (A, B, "erin")
    assert out.step.current == A


def test_countersign_with_delegate_needs_the_delegate() -> None:
    s = decide(step("countersign", (A, B)), B, "delegate", delegate_to="dave").step
    s = act(s, A, "approve").step
    assert s.status is StepStatus.PENDING
    assert act(s, "dave", "approve").status is StepStatus.APPROVED


# -- committee vote -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("members", "present", "votes_for", "votes_against", "result"),
    [
        (9, 4, 4, 0, "committee_no_quorum"),
        (9, 5, 5, 0, StepStatus.APPROVED),
        (9, 5, 4, 1, StepStatus.REJECTED),
        (9, 9, 4, 5, StepStatus.REJECTED),
        (9, 9, 5, 4, StepStatus.APPROVED),
        (9, 7, 4, 0, StepStatus.REJECTED),  # 4 of 7 present is a majority of those present, not of all 9
        (10, 5, 5, 0, "committee_no_quorum"),  # exactly half present
        (10, 6, 5, 1, StepStatus.REJECTED),  # exactly half of all members
        (10, 6, 6, 0, StepStatus.APPROVED),
        (1, 1, 1, 0, StepStatus.APPROVED),
        (9, 5, 4, 2, "votes_exceed_present"),
        (9, 10, 5, 0, "vote_present_exceeds_members"),
        (9, 5, -1, 0, "votes_exceed_present"),
        (0, 0, 0, 0, "invalid_committee_size"),
    ],
)
def test_committee_vote_outcome(
    members: int, present: int, votes_for: int, votes_against: int, result: StepStatus | str
) -> None:
    if isinstance(result, StepStatus):
        assert committee_vote_outcome(members, present, votes_for, votes_against) is result
    else:
        with pytest.raises(RuleViolation) as exc:
            committee_vote_outcome(members, present, votes_for, votes_against)
        assert exc.value.code == result


def test_record_vote_carried() -> None:
    s = step("committee_vote", (A,))
    out = record_vote(s, A, members=9, present=6, votes_for=5, votes_against=1, comment="第3次党委会")
    assert out.status is StepStatus.APPROVED
    last = out.step.decisions[-1]
    assert last.action is Action.APPROVE and last.tally is not None and last.tally.votes_for == 5
    with pytest.raises(Conflict) as exc:
        record_vote(out.step, A, members=9, present=9, votes_for=0, votes_against=9)
    assert exc.value.code == "step_already_decided"


def test_record_vote_without_quorum_leaves_step_pending() -> None:
    s = step("committee_vote", (A,))
    with pytest.raises(RuleViolation) as exc:
        record_vote(s, A, members=9, present=4, votes_for=4, votes_against=0)
    assert exc.value.code == "committee_no_quorum"
    assert s.status is StepStatus.PENDING and s.decisions == ()
    assert record_vote(s, A, members=9, present=5, votes_for=4, votes_against=1).status is StepStatus.REJECTED


def test_record_vote_only_for_committee_steps_and_recorders() -> None:
    with pytest.raises(RuleViolation) as exc:
        record_vote(step("countersign"), A, members=3, present=3, votes_for=3, votes_against=0)
    assert exc.value.code == "not_a_committee_vote"
    with pytest.raises(RuleViolation) as exc:
        record_vote(step("committee_vote", (A,)), B, members=3, present=3, votes_for=3, votes_against=0)
    assert exc.value.code == "not_an_approver"


@pytest.mark.parametrize("action", ["approve", "reject"])
def test_committee_vote_refuses_individual_decisions(action: str) -> None:
    with pytest.raises(RuleViolation) as exc:
        act(step("committee_vote", (A,)), A, action)
    assert exc.value.code == "committee_vote_needs_tally"


def test_committee_vote_may_return_before_voting() -> None:
    assert act(step("committee_vote", (A,)), A, "return").status is StepStatus.RETURNED
