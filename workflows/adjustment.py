"""Adjustment cases (组织调整): the fifth synchronisation (变更撤销) — a unit's change reaches its organisation.

A ledger change never alters a party organisation by itself. When a unit is deregistered, moves to another
jurisdiction, merges or splits, or its formal members fall below what its organisation's form requires, an
adjustment case is opened for the organisation, proposing one action: dissolve (撤销), transfer (隶属关系调整),
change form (变更组织形式) or re-found as a joint branch (改建联合党支部). The superior body approves it through
the approval engine; only an approved case changes the organisation. One organisation has at most one open
case: a second trigger is recorded on it.

A unit whose formal members reach a higher form's threshold is only listed as eligible to upgrade: a
suggestion, never a case (docs/decisions/0055).

Only formal members count for every threshold; the thresholds are the establishment settings (3, 50, 100).

Pure rules: no Flask, no database. The service side is service/operations/flows/adjustment/cases.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from workflows.deadlines import EscalationLadder, Rung
from workflows.errors import RuleViolation
from workflows.inputs import Input
from workflows.machine import StateDef, TransitionDef, WorkflowDefinition
from workflows.workdays import WorkdayCalendar


class Trigger(StrEnum):
    """Why a case was opened (or why a further reason was recorded on it)."""

    DEREGISTERED = "deregistered"
    MOVED = "moved"
    MERGED = "merged"
    SPLIT = "split"
    BELOW_FORM = "below_form"
    JOINT_BELOW_TOTAL = "joint_below_total"
    JOINT_UNIT_STANDS_ALONE = "joint_unit_stands_alone"


TRIGGER_LABELS: Mapping[str, str] = MappingProxyType(
    {
        Trigger.DEREGISTERED: "单位注销",
        Trigger.MOVED: "单位变更所属地",
        Trigger.MERGED: "单位合并",
        Trigger.SPLIT: "单位分立",
        Trigger.BELOW_FORM: "正式党员低于组织形式要求",
        Trigger.JOINT_BELOW_TOTAL: "联合党支部正式党员合计不足",
        Trigger.JOINT_UNIT_STANDS_ALONE: "联合党支部成员单位可单独建支部",
    }
)

# Triggers a person records by hand: the ledger has no field for a merger or a split.
MANUAL_TRIGGERS = (Trigger.MERGED, Trigger.SPLIT)


class Action(StrEnum):
    DISSOLVE = "dissolve"
    TRANSFER = "transfer"
    CHANGE_FORM = "change_form"
    REFOUND_JOINT = "refound_joint"


ACTION_LABELS: Mapping[str, str] = MappingProxyType(
    {
        Action.DISSOLVE: "撤销",
        Action.TRANSFER: "隶属关系调整",
        Action.CHANGE_FORM: "变更组织形式",
        Action.REFOUND_JOINT: "改建联合党支部",
    }
)

# Forms (workflows.establishment.OrgForm values) the thresholds speak of, from the smallest.
BRANCH, JOINT_BRANCH, GENERAL_BRANCH, PRIMARY_COMMITTEE = (
    "branch",
    "joint_branch",
    "general_branch",
    "primary_committee",
)


@dataclass(frozen=True)
class Thresholds:
    """Formal members per form (domain table: < 3 joint branch, >= 3 branch, > 50 general branch, >= 100 primary
    committee). Built by the service from the establishment settings, so both workflows read one set of numbers."""

    branch_min: int = 3
    branch_soft_max: int = 50
    primary_committee_min: int = 100

    @property
    def general_branch_min(self) -> int:
        return self.branch_soft_max + 1

    def minimum(self, form: str) -> int | None:
        """The least formal members a single-unit organisation of `form` needs (None: no member rule here)."""
        return {
            BRANCH: self.branch_min,
            GENERAL_BRANCH: self.general_branch_min,
            PRIMARY_COMMITTEE: self.primary_committee_min,
        }.get(form)


DEFAULT_THRESHOLDS = Thresholds()


@dataclass(frozen=True)
class AdjustmentSettings:
    """ADJUSTMENT_SETTINGS: the working days a case may stay undecided before it climbs the ladder."""

    decision_limit_workdays: int = 20

    def __post_init__(self) -> None:
        value = self.decision_limit_workdays
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 250:
            raise ValueError(f"AdjustmentSettings.decision_limit_workdays must be an int in 1..250, got {value!r}")


DEFAULT_SETTINGS = AdjustmentSettings()


@dataclass(frozen=True)
class Proposal:
    """What a trigger calls for: the action, the form to change to (change_form only) and why, in words."""

    trigger: Trigger
    action: Action
    reason_zh: str
    proposed_form: str | None = None


def form_allowed(formal: int, t: Thresholds = DEFAULT_THRESHOLDS) -> str | None:
    """The largest single-unit form `formal` members allow (None below a branch: a joint branch with others)."""
    if formal >= t.primary_committee_min:
        return PRIMARY_COMMITTEE
    if formal >= t.general_branch_min:
        return GENERAL_BRANCH
    if formal >= t.branch_min:
        return BRANCH
    return None


def below_form(form: str, formal: int, t: Thresholds = DEFAULT_THRESHOLDS) -> Proposal | None:
    """A single-unit organisation whose formal members fell below its form's minimum: change to the form the
    members still allow, or — below a branch — re-found as a joint branch with neighbouring units."""
    minimum = t.minimum(form)
    if minimum is None or formal >= minimum:
        return None
    fits = form_allowed(formal, t)
    if fits is None:
        return Proposal(
            Trigger.BELOW_FORM,
            Action.REFOUND_JOINT,
            f"正式党员{formal}名，不足{t.branch_min}名，不能单独设立党支部，应与其他单位改建联合党支部",
        )
    return Proposal(
        Trigger.BELOW_FORM,
        Action.CHANGE_FORM,
        f"正式党员{formal}名，不足{minimum}名，应变更组织形式",
        proposed_form=fits,
    )


def upgrade_eligible(form: str, formal: int, t: Thresholds = DEFAULT_THRESHOLDS) -> str | None:
    """The higher form a single-unit organisation may now become (a suggestion, never forced), or None."""
    order = (BRANCH, GENERAL_BRANCH, PRIMARY_COMMITTEE)
    fits = form_allowed(formal, t)
    if form not in order or fits is None or order.index(fits) <= order.index(form):
        return None
    return fits


@dataclass(frozen=True)
class MemberUnit:
    """A unit of a joint branch as the rules see it (deregistered units are no longer members)."""

    unit_id: int
    name: str
    formal_members: int


def joint_findings(units: Sequence[MemberUnit], t: Thresholds = DEFAULT_THRESHOLDS) -> list[Proposal]:
    """What is wrong with a joint branch now: fewer than `branch_min` formal members across its units, or a
    member unit that can stand alone. Each calls for re-founding it (改建): the organisation is dissolved and
    its units go back to the must-establish list to found what their members now allow."""
    found: list[Proposal] = []
    total = sum(u.formal_members for u in units)
    if total < t.branch_min:
        found.append(
            Proposal(
                Trigger.JOINT_BELOW_TOTAL,
                Action.REFOUND_JOINT,
                f"联合党支部{len(units)}个单位正式党员合计{total}名，不足{t.branch_min}名",
            )
        )
    for u in units:
        if u.formal_members >= t.branch_min:
            found.append(
                Proposal(
                    Trigger.JOINT_UNIT_STANDS_ALONE,
                    Action.REFOUND_JOINT,
                    f"成员单位「{u.name}」正式党员{u.formal_members}名，可单独成立党支部",
                )
            )
    return found


def deregistration(remaining_units: int) -> Proposal:
    """A unit of the organisation was deregistered: dissolve it when no other unit remains, else re-found the
    joint branch without it."""
    if remaining_units <= 0:
        return Proposal(Trigger.DEREGISTERED, Action.DISSOLVE, "单位已注销，其党组织应予撤销")
    return Proposal(
        Trigger.DEREGISTERED,
        Action.REFOUND_JOINT,
        f"成员单位已注销，联合党支部尚余{remaining_units}个单位，应重新组建",
    )


def moved(from_name: str, to_name: str) -> Proposal:
    return Proposal(Trigger.MOVED, Action.TRANSFER, f"单位所属地由{from_name}变更为{to_name}，党组织隶属关系应随之调整")


def check_manual(trigger: str, action: str, proposed_form: str | None, target_jurisdiction_id: int | None) -> None:
    """A case opened by hand (a merger or a split the ledger cannot express) names a consistent proposal."""
    if trigger not in {t.value for t in MANUAL_TRIGGERS}:
        raise RuleViolation("trigger_not_manual", "手工立案仅限单位合并或分立", field="trigger")
    check_proposal(action, proposed_form, target_jurisdiction_id)


def check_proposal(action: str, proposed_form: str | None, target_jurisdiction_id: int | None) -> None:
    """A form to change to exactly when changing form; a body to move to exactly when transferring."""
    if action == Action.CHANGE_FORM and not proposed_form:
        raise RuleViolation("proposed_form_required", "变更组织形式须写明拟变更的组织形式", field="proposed_form")
    if action != Action.CHANGE_FORM and proposed_form:
        raise RuleViolation(
            "proposed_form_not_allowed", "只有变更组织形式才填写拟变更的组织形式", field="proposed_form"
        )
    if action == Action.TRANSFER and target_jurisdiction_id is None:
        raise RuleViolation(
            "target_jurisdiction_required", "隶属关系调整须写明调整后的所属党(工)委", field="target_jurisdiction_id"
        )
    if action != Action.TRANSFER and target_jurisdiction_id is not None:
        raise RuleViolation(
            "target_jurisdiction_not_allowed",
            "只有隶属关系调整才填写调整后的所属党(工)委",
            field="target_jurisdiction_id",
        )


def decision_deadline(opened_on: date, limit_workdays: int, calendar: WorkdayCalendar) -> date:
    """The last day a case may stay undecided (the opening day does not count)."""
    return calendar.add_workdays(opened_on, limit_workdays).date


def _reason_given(model: Any, kwargs: Mapping[str, Any]) -> bool:
    reason = kwargs.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise RuleViolation("cancel_reason_required", "撤销立案须说明理由", field="reason")
    return True


class AdjustmentState(StrEnum):
    PROPOSED = "proposed"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPLIED = "applied"
    REJECTED = "rejected"
    CANCELLED = "cancelled"


_S = AdjustmentState
OPEN_STATES = (_S.PROPOSED, _S.SUBMITTED, _S.RETURNED)

# Undecided past its limit (ADJUSTMENT_SETTINGS.decision_limit_workdays): 催办, 预警 five working days later,
# then a red notice to the body above five more.
ADJUSTMENT_LADDER = EscalationLadder(
    "adjustment",
    (Rung("reminder", 0, "notify"), Rung("warning", 5, "notify"), Rung("red_notice", 5, "notify")),
    yellow_within_workdays=5,
)

ADJUSTMENT = WorkflowDefinition(
    name="adjustment",
    label_zh="组织调整",
    webhook_events=("adjustment.opened", "adjustment.applied", "adjustment.rejected"),
    escalation=ADJUSTMENT_LADDER,
    runs_approvals=True,
    settings=DEFAULT_SETTINGS,
    # Organisation departments and township working committees propose and submit; approvers decide in 待办.
    roles={
        "manage": ("admin", "supervisor", "handler"),
        # Portals (a unit's own system) do not follow organisation changes.
        "read": ("admin", "supervisor", "approver", "handler", "instructor"),
    },
    states=[
        StateDef(_S.PROPOSED, "待报批"),
        StateDef(_S.SUBMITTED, "审批中"),
        StateDef(_S.RETURNED, "已退回"),
        StateDef(_S.APPLIED, "已调整", terminal=True),
        StateDef(_S.REJECTED, "不予调整", terminal=True),
        StateDef(_S.CANCELLED, "已撤销立案", terminal=True),
    ],
    transitions=[
        TransitionDef("submit", (_S.PROPOSED, _S.RETURNED), _S.SUBMITTED, "报上级审批"),
        TransitionDef("apply", (_S.SUBMITTED,), _S.APPLIED, "批准并调整"),
        TransitionDef("reject", (_S.SUBMITTED,), _S.REJECTED, "不予批准"),
        TransitionDef("return_for_changes", (_S.SUBMITTED,), _S.RETURNED, "退回修改"),
        TransitionDef("cancel", (_S.PROPOSED, _S.RETURNED), _S.CANCELLED, "撤销立案", conditions=(_reason_given,)),
    ],
    initial=_S.PROPOSED,
)


# -- typed inputs of the commands (workflows.inputs) -----------------------------------------------------------


@dataclass(frozen=True)
class ManualCase(Input):
    """A merger or a split recorded by hand for one organisation, with the action proposed."""

    party_org_id: int
    trigger: str
    action: str
    note: str
    proposed_form: str | None = None
    target_jurisdiction_id: int | None = None


@dataclass(frozen=True)
class ProposalChanges(Input):
    """The proposal as submitted: the township may correct the action the trigger suggested."""

    action: str | None = None
    proposed_form: str | None = None
    target_jurisdiction_id: int | None = None
    note: str | None = None
