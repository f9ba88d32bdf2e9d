"""Adjustment cases (pure rules), table-tested at every threshold edge: 2/3, 50/51, 99/100, joint total 2/3."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from workflows.adjustment import (
    ADJUSTMENT,
    Action,
    AdjustmentSettings,
    MemberUnit,
    Thresholds,
    Trigger,
    below_form,
    check_manual,
    check_proposal,
    deregistration,
    form_allowed,
    joint_findings,
    upgrade_eligible,
)
from workflows.errors import RuleViolation


@pytest.mark.parametrize(
    ("formal", "form"),
    [
        (0, None),
        (2, None),
        (3, "branch"),
        (50, "branch"),
        (51, "general_branch"),
        (99, "general_branch"),
        (100, "primary_committee"),
        (250, "primary_committee"),
    ],
)
def test_the_form_formal_members_allow(formal: int, form: str | None) -> None:
    assert form_allowed(formal) == form


@pytest.mark.parametrize(
    ("form", "formal", "action", "to"),
    [
        # a branch: 3 keeps it, 2 re-founds it as a joint branch with neighbours
        ("branch", 3, None, None),
        ("branch", 2, Action.REFOUND_JOINT, None),
        ("branch", 0, Action.REFOUND_JOINT, None),
        # a general branch: more than 50 keeps it, 50 falls back to a branch, 2 re-founds
        ("general_branch", 51, None, None),
        ("general_branch", 50, Action.CHANGE_FORM, "branch"),
        ("general_branch", 3, Action.CHANGE_FORM, "branch"),
        ("general_branch", 2, Action.REFOUND_JOINT, None),
        # a primary committee: 100 keeps it, 99 a general branch, 50 a branch
        ("primary_committee", 100, None, None),
        ("primary_committee", 99, Action.CHANGE_FORM, "general_branch"),
        ("primary_committee", 51, Action.CHANGE_FORM, "general_branch"),
        ("primary_committee", 50, Action.CHANGE_FORM, "branch"),
        ("primary_committee", 2, Action.REFOUND_JOINT, None),
        # forms without a member rule here are never flagged by their counts
        ("functional_org", 0, None, None),
        ("joint_branch", 0, None, None),
    ],
)
def test_falling_below_a_form_proposes_what_the_members_allow(
    form: str, formal: int, action: Action | None, to: str | None
) -> None:
    found = below_form(form, formal)
    if action is None:
        assert found is None
        return
    assert found is not None
    assert (found.trigger, found.action, found.proposed_form) == (Trigger.BELOW_FORM, action, to)
    assert str(formal) in found.reason_zh


@pytest.mark.parametrize(
    ("form", "formal", "eligible"),
    [
        ("branch", 50, None),
        ("branch", 51, "general_branch"),
        ("branch", 99, "general_branch"),
        ("branch", 100, "primary_committee"),
        ("general_branch", 99, None),
        ("general_branch", 100, "primary_committee"),
        ("primary_committee", 500, None),
        ("joint_branch", 120, None),  # a joint branch's unit founds its own organisation instead (a case)
        ("branch", 2, None),
    ],
)
def test_upgrade_eligibility_is_a_suggestion_at_the_thresholds(form: str, formal: int, eligible: str | None) -> None:
    assert upgrade_eligible(form, formal) == eligible


@pytest.mark.parametrize(
    ("counts", "triggers"),
    [
        ([1, 1], [Trigger.JOINT_BELOW_TOTAL]),  # total 2
        ([2, 1], []),  # total 3
        ([1, 1, 1], []),
        ([0, 2], [Trigger.JOINT_BELOW_TOTAL]),
        ([2, 2], []),
        ([3, 0], [Trigger.JOINT_UNIT_STANDS_ALONE]),  # one unit can stand alone (3)
        ([2, 0], [Trigger.JOINT_BELOW_TOTAL]),
        ([1], [Trigger.JOINT_BELOW_TOTAL]),  # shrunk to one unit with 1 member
        ([3, 4], [Trigger.JOINT_UNIT_STANDS_ALONE, Trigger.JOINT_UNIT_STANDS_ALONE]),
    ],
)
def test_a_joint_branch_below_the_rules_is_flagged(counts: list[int], triggers: list[Trigger]) -> None:
    units = [MemberUnit(i + 1, f"单位{i + 1}", n) for i, n in enumerate(counts)]
    found = joint_findings(units)
    assert [p.trigger for p in found] == triggers
    assert all(p.action is Action.REFOUND_JOINT for p in found)


def test_thresholds_are_settings() -> None:
    t = Thresholds(branch_min=5, branch_soft_max=30, primary_committee_min=80)
    assert below_form("branch", 4, t) is not None and below_form("branch", 5, t) is None
    assert upgrade_eligible("branch", 30, t) is None and upgrade_eligible("branch", 31, t) == "general_branch"
    assert [p.trigger for p in joint_findings([MemberUnit(1, "甲", 4)], t)] == [Trigger.JOINT_BELOW_TOTAL]


def test_deregistration_dissolves_or_refounds_a_shrunk_joint_branch() -> None:
    assert deregistration(0).action is Action.DISSOLVE
    assert deregistration(2).action is Action.REFOUND_JOINT


@pytest.mark.parametrize(
    ("action", "form", "target", "code"),
    [
        ("change_form", None, None, "proposed_form_required"),
        ("dissolve", "branch", None, "proposed_form_not_allowed"),
        ("transfer", None, None, "target_jurisdiction_required"),
        ("dissolve", None, 7, "target_jurisdiction_not_allowed"),
    ],
)
def test_a_proposal_names_exactly_what_its_action_needs(
    action: str, form: str | None, target: int | None, code: str
) -> None:
    with pytest.raises(RuleViolation) as e:
        check_proposal(action, form, target)
    assert e.value.code == code and e.value.field


def test_only_mergers_and_splits_are_opened_by_hand() -> None:
    check_manual("merged", "dissolve", None, None)
    check_manual("split", "transfer", None, 3)
    with pytest.raises(RuleViolation) as e:
        check_manual("deregistered", "dissolve", None, None)
    assert e.value.code == "trigger_not_manual"


def test_the_machine_and_its_settings() -> None:
    case = SimpleNamespace(state="proposed")
    ADJUSTMENT.fire(case, "submit")
    ADJUSTMENT.fire(case, "return_for_changes")
    with pytest.raises(RuleViolation):
        ADJUSTMENT.fire(case, "cancel", reason=" ")
    ADJUSTMENT.fire(case, "cancel", reason="误报")
    assert case.state == "cancelled"
    with pytest.raises(ValueError):
        AdjustmentSettings(decision_limit_workdays=0)
