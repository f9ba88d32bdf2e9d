"""The batch rules (workflows.approval): what a batch as a whole may ask, and which tasks may be approved in one,
at their edges."""

from __future__ import annotations

import pytest

from workflows.approval import Action, ApprovalMode, BatchDecision, check_batch, check_batchable
from workflows.errors import RuleViolation


@pytest.mark.parametrize(
    ("ids", "max_tasks", "code"),
    [
        ([], 50, "batch_empty"),
        ([1], 50, None),
        (list(range(1, 51)), 50, None),
        (list(range(1, 52)), 50, "batch_too_many"),
        ([1, 2], 1, "batch_too_many"),
        ([7, 8, 7], 50, "batch_duplicate_tasks"),
    ],
)
def test_the_batch_as_a_whole(ids: list[int], max_tasks: int, code: str | None) -> None:
    if code is None:
        assert check_batch("approve", ids, max_tasks) is Action.APPROVE
        return
    with pytest.raises(RuleViolation) as exc:
        check_batch("approve", ids, max_tasks)
    assert (exc.value.code, exc.value.field) == (code, "task_ids")


def test_the_limit_and_the_repeats_are_said() -> None:
    with pytest.raises(RuleViolation) as exc:
        check_batch("return", list(range(1, 52)), 50)
    assert exc.value.detail == {"max_tasks": 50, "given": 51} and "50" in exc.value.message
    with pytest.raises(RuleViolation) as exc:
        check_batch("return", [3, 3, 4, 4, 5], 50)
    assert exc.value.detail == {"ids": [3, 4]}


@pytest.mark.parametrize(
    ("action", "code"),
    [("reject", "batch_action_not_allowed"), ("delegate", "batch_action_not_allowed"), ("vote", "unknown_action")],
)
def test_only_approve_and_return_are_batched(action: str, code: str) -> None:
    with pytest.raises(RuleViolation) as exc:
        check_batch(action, [1], 50)
    assert (exc.value.code, exc.value.field) == (code, "action")


def test_an_opinion_only_for_a_task_of_the_batch() -> None:
    check_batch("return", [1, 2], 50, commented=["2"])
    for stray in (["3"], ["02"], ["abc"], [""]):
        with pytest.raises(RuleViolation) as exc:
            check_batch("return", [1, 2], 50, commented=stray)
        assert (exc.value.code, exc.value.field) == ("batch_comment_not_in_batch", "comments")


def test_a_tasks_own_opinion_replaces_the_common_one() -> None:
    data = BatchDecision(action="return", task_ids=[1, 2, 3], comment="共同意见", comments={"2": "单独意见", "3": "  "})
    assert [data.comment_for(t) for t in (1, 2, 3)] == ["共同意见", "单独意见", "共同意见"]
    assert data.commented == ["2", "3"]


@pytest.mark.parametrize(
    ("action", "mode", "issues_reply", "code"),
    [
        ("approve", ApprovalMode.ANY_ONE, False, None),
        ("approve", ApprovalMode.COUNTERSIGN, False, None),
        ("approve", ApprovalMode.SEQUENTIAL, False, None),
        ("approve", ApprovalMode.COMMITTEE_VOTE, False, "batch_committee_vote"),
        ("approve", ApprovalMode.COMMITTEE_VOTE, True, "batch_committee_vote"),
        ("approve", ApprovalMode.ANY_ONE, True, "batch_needs_reply"),
        ("approve", "countersign", True, "batch_needs_reply"),
        ("return", ApprovalMode.COMMITTEE_VOTE, True, None),
        ("return", ApprovalMode.ANY_ONE, True, None),
    ],
)
def test_which_tasks_may_be_batched(
    action: str, mode: ApprovalMode | str, issues_reply: bool, code: str | None
) -> None:
    if code is None:
        check_batchable(action, mode, issues_reply)
        return
    with pytest.raises(RuleViolation) as exc:
        check_batchable(action, mode, issues_reply)
    assert exc.value.code == code
