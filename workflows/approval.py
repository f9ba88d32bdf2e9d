"""Decision logic of the approval engine (pure: the service persists steps and decisions).

A step is approved by a committee in one of four modes:

- countersign (会签): every named approver must approve; one rejection (or return) decides at once.
- any_one (或签): the first approve / reject / return decides.
- sequential (依次审批): approvers act in order; only the first one who has not yet approved may act.
- committee_vote (集体表决): a meeting; the approvers are the people allowed to RECORD its result
  (`record_vote`). Quorum: more than half of all members present; carried only when the votes for are more
  than half of ALL members, otherwise rejected. Individual approve/reject is refused.

Actions: approve, reject, return (退回: sends the whole case back for changes), delegate (转办: hands one's
place on the step to a colleague), comment (no effect on the outcome). Reject and return need a reason.

`StepState.approvers` is the CURRENT list (delegation replaces the delegator in place, so a delegate keeps
the delegator's turn); `decisions` is the full history. The status is a function of the decisions, not of
their arrival order where the mode allows it: for countersign any rejection means rejected (reject beats
return), all approvals mean approved. A decided step refuses every further action, comments included.

Service use: load the step, `outcome = decide(step, user_id, action, comment=...)`, store
`outcome.step.decisions[-1]` (and the new approvers after a delegation), and when `outcome.status` is not
pending move the case on (e.g. fire `approve` / `reject` / `return_for_changes`, or open the next level).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import TypeAlias

from workflows.deadlines import EscalationLadder, Rung
from workflows.errors import Conflict, RuleViolation, member_or_refuse
from workflows.inputs import Input

# 审批任务 (the approval engine's own item type): 催办 to the approvers when overdue, then 上报上级 to the body above.
APPROVAL_TASK_LADDER = EscalationLadder(
    "approval_task",
    (Rung("reminder", 0, "remind_approvers"), Rung("escalate_to_superior", 3, "report_to_body_above")),
    yellow_within_workdays=3,
)

PersonId: TypeAlias = int | str


class ApprovalMode(StrEnum):
    COUNTERSIGN = "countersign"
    ANY_ONE = "any_one"
    SEQUENTIAL = "sequential"
    COMMITTEE_VOTE = "committee_vote"


class Action(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    RETURN = "return"
    DELEGATE = "delegate"
    COMMENT = "comment"


class StepStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    RETURNED = "returned"


MODE_LABELS_ZH: Mapping[ApprovalMode, str] = MappingProxyType(
    {
        ApprovalMode.COUNTERSIGN: "会签",
        ApprovalMode.ANY_ONE: "或签",
        ApprovalMode.SEQUENTIAL: "依次审批",
        ApprovalMode.COMMITTEE_VOTE: "集体表决",
    }
)

ACTION_LABELS_ZH: Mapping[Action, str] = MappingProxyType(
    {
        Action.APPROVE: "同意",
        Action.REJECT: "不同意",
        Action.RETURN: "退回",
        Action.DELEGATE: "转办",
        Action.COMMENT: "评论",
    }
)

STATUS_LABELS_ZH: Mapping[StepStatus, str] = MappingProxyType(
    {
        StepStatus.PENDING: "审批中",
        StepStatus.APPROVED: "已同意",
        StepStatus.REJECTED: "不同意",
        StepStatus.RETURNED: "已退回",
    }
)

# Actions that decide something for the acting approver (and may close the step).
DECISIVE_ACTIONS = frozenset({Action.APPROVE, Action.REJECT, Action.RETURN})


@dataclass(frozen=True)
class VoteTally:
    members: int
    present: int
    votes_for: int
    votes_against: int


@dataclass(frozen=True)
class Decision:
    approver: PersonId
    action: Action
    comment: str | None = None
    delegate_to: PersonId | None = None
    tally: VoteTally | None = None  # committee_vote only

    def __post_init__(self) -> None:
        object.__setattr__(self, "action", Action(self.action))


@dataclass(frozen=True)
class Reply(Input):
    """The reply (批复) the final approval carries: its number and dates. The workflow whose step closes
    decides what is required (establishment: the number; dates default to today)."""

    approval_doc_no: str | None = None
    approved_on: date | None = None
    meeting_on: date | None = None


@dataclass(frozen=True, kw_only=True)
class TaskDecision(Reply):
    """Approve, reject or return a task (a reason is required to reject or return)."""

    action: str
    comment: str | None = None

    @property
    def reply(self) -> Reply:
        return Reply(self.approval_doc_no, self.approved_on, self.meeting_on)


@dataclass(frozen=True, kw_only=True)
class TaskVote(Reply):
    """A committee meeting's result on a committee_vote task."""

    members: int
    present: int
    votes_for: int
    votes_against: int
    comment: str | None = None

    @property
    def tally(self) -> VoteTally:
        return VoteTally(self.members, self.present, self.votes_for, self.votes_against)

    @property
    def reply(self) -> Reply:
        return Reply(self.approval_doc_no, self.approved_on, self.meeting_on)


@dataclass(frozen=True)
class RouteSpec(Input):
    """How a body decides one level of a workflow (an approval route, put whole): the mode and, for the
    named modes, the approvers in order (none: the body's active approvers)."""

    body_id: int
    workflow: str
    level_name: str
    mode: str
    approver_ids: list[int] | None = None


def _mode(mode: ApprovalMode | str) -> ApprovalMode:
    return member_or_refuse(ApprovalMode, mode, "mode", "审批方式")


@dataclass(frozen=True)
class StepState:
    mode: ApprovalMode
    approvers: tuple[PersonId, ...]
    decisions: tuple[Decision, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "mode", _mode(self.mode))
        object.__setattr__(self, "approvers", tuple(self.approvers))
        object.__setattr__(self, "decisions", tuple(self.decisions))
        if not self.approvers:
            raise RuleViolation("no_approvers", "审批环节至少需要一名审批人", field="approvers")
        if len(set(self.approvers)) != len(self.approvers):
            raise RuleViolation("duplicate_approvers", "审批人重复", field="approvers")

    @property
    def status(self) -> StepStatus:
        return step_status(self)

    def has_decided(self, approver: PersonId) -> bool:
        return any(d.approver == approver and d.action in DECISIVE_ACTIONS for d in self.decisions)

    @property
    def current(self) -> PersonId | None:
        """Sequential mode: whose turn it is (None once everyone approved or in other modes)."""
        if self.mode is not ApprovalMode.SEQUENTIAL:
            return None
        return next((a for a in self.approvers if not self.has_decided(a)), None)


@dataclass(frozen=True)
class Outcome:
    status: StepStatus
    step: StepState
    may_act: tuple[PersonId, ...]

    @property
    def decided(self) -> bool:
        return self.status is not StepStatus.PENDING


def step_status(step: StepState) -> StepStatus:
    """Status as a function of the decisions (see module docstring for the order rules)."""
    decisive = [d for d in step.decisions if d.action in DECISIVE_ACTIONS]
    if step.mode in (ApprovalMode.ANY_ONE, ApprovalMode.COMMITTEE_VOTE):
        # First decision wins by definition of these modes.
        return _status_of(decisive[0].action) if decisive else StepStatus.PENDING
    actions = {d.action for d in decisive}
    # countersign / sequential: a rejection beats a return, whatever arrived first.
    if Action.REJECT in actions:
        return StepStatus.REJECTED
    if Action.RETURN in actions:
        return StepStatus.RETURNED
    approved = {d.approver for d in decisive if d.action is Action.APPROVE}
    if all(a in approved for a in step.approvers):
        return StepStatus.APPROVED
    return StepStatus.PENDING


def _status_of(action: Action) -> StepStatus:
    return {
        Action.APPROVE: StepStatus.APPROVED,
        Action.REJECT: StepStatus.REJECTED,
        Action.RETURN: StepStatus.RETURNED,
    }[action]


def may_act(step: StepState, approver: PersonId) -> bool:
    """Whether `approver` may approve / reject / return (or record the vote) now."""
    if step.status is not StepStatus.PENDING or approver not in step.approvers:
        return False
    if step.has_decided(approver):
        return False
    if step.mode is ApprovalMode.SEQUENTIAL:
        return step.current == approver
    return True


def pending_approvers(step: StepState) -> tuple[PersonId, ...]:
    """Who may still act, in approver order (the pending-task inbox)."""
    return tuple(a for a in step.approvers if may_act(step, a))


def _outcome(step: StepState) -> Outcome:
    return Outcome(status=step.status, step=step, may_act=pending_approvers(step))


def _require_open(step: StepState, approver: PersonId) -> None:
    if step.status is not StepStatus.PENDING:
        raise Conflict("step_already_decided", f"该审批环节已办结（{STATUS_LABELS_ZH[step.status]}），不能再操作")
    if approver not in step.approvers:
        raise RuleViolation("not_an_approver", "您不是该审批环节的审批人", field="approver")


def _text(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


def decisions_for(mode: ApprovalMode | str) -> tuple[str, ...]:
    """The decisions an approver holding an open task may take in this mode, by the API's names: a committee
    decides by recording its meeting's vote (`vote`); a member may still send the request back."""
    if ApprovalMode(mode) is ApprovalMode.COMMITTEE_VOTE:
        return ("vote", Action.RETURN.value)
    return (Action.APPROVE.value, Action.REJECT.value, Action.RETURN.value)


def decide(
    step: StepState,
    approver: PersonId,
    action: Action | str,
    *,
    comment: str | None = None,
    delegate_to: PersonId | None = None,
) -> Outcome:
    """Apply one action by `approver` and return the new step with its status and who may act next.

    Raises Conflict("step_already_decided"), Conflict("approver_already_decided"), Conflict("not_your_turn")
    or RuleViolation (non-approver, missing reason, bad delegate, individual vote in committee_vote mode).
    """
    act = member_or_refuse(Action, action, "action", "操作")
    _require_open(step, approver)
    text = _text(comment)

    if act is Action.COMMENT:
        if text is None:
            raise RuleViolation("comment_required", "评论内容不能为空", field="comment")
        return _outcome(replace(step, decisions=(*step.decisions, Decision(approver, act, comment=text))))

    if step.has_decided(approver):
        raise Conflict("approver_already_decided", "您已对该审批环节作出决定，不能再操作")

    if act is Action.DELEGATE:
        return _outcome(_delegate(step, approver, delegate_to, text))

    if step.mode is ApprovalMode.SEQUENTIAL and step.current != approver:
        raise Conflict("not_your_turn", f"尚未轮到您审批，当前应由「{step.current}」审批")
    if act.value not in decisions_for(step.mode):
        raise RuleViolation(
            "committee_vote_needs_tally",
            "集体表决的审批环节须录入会议表决结果，不能个人同意或不同意",
            field="action",
        )
    if act in (Action.REJECT, Action.RETURN) and text is None:
        raise RuleViolation("reason_required", f"「{ACTION_LABELS_ZH[act]}」须填写理由", field="comment")
    return _outcome(replace(step, decisions=(*step.decisions, Decision(approver, act, comment=text))))


def _delegate(step: StepState, approver: PersonId, delegate_to: PersonId | None, text: str | None) -> StepState:
    if delegate_to is None or (isinstance(delegate_to, str) and not delegate_to.strip()):
        raise RuleViolation("delegate_required", "请选择转办对象", field="delegate_to")
    if delegate_to == approver:
        raise RuleViolation("cannot_delegate_to_self", "不能转办给自己", field="delegate_to")
    if delegate_to in step.approvers:
        raise RuleViolation("delegate_already_on_step", "转办对象已是该审批环节的审批人", field="delegate_to")
    # The delegate takes the delegator's place (and, in sequential mode, turn).
    approvers = tuple(delegate_to if a == approver else a for a in step.approvers)
    record = Decision(approver, Action.DELEGATE, comment=text, delegate_to=delegate_to)
    return replace(step, approvers=approvers, decisions=(*step.decisions, record))


def committee_vote_outcome(members: int, present: int, votes_for: int, votes_against: int) -> StepStatus:
    """APPROVED when carried, REJECTED otherwise; RuleViolation when the meeting cannot decide at all.

    Quorum: present*2 > members. Carried: votes_for*2 > members (more than half of ALL members).
    """
    if members < 1:
        raise RuleViolation("invalid_committee_size", "委员会成员人数须至少为1", field="members")
    if present < 0 or present > members:
        raise RuleViolation("vote_present_exceeds_members", f"到会{present}人与委员{members}人不符", field="present")
    if votes_for < 0 or votes_against < 0 or votes_for + votes_against > present:
        raise RuleViolation(
            "votes_exceed_present",
            f"赞成{votes_for}票、反对{votes_against}票，超过到会人数{present}",
            field="votes_for",
        )
    if present * 2 <= members:
        raise RuleViolation(
            "committee_no_quorum", f"委员{members}人，到会{present}人，未超过半数，不能表决", field="present"
        )
    return StepStatus.APPROVED if votes_for * 2 > members else StepStatus.REJECTED


def record_vote(
    step: StepState,
    recorder: PersonId,
    *,
    members: int,
    present: int,
    votes_for: int,
    votes_against: int,
    comment: str | None = None,
) -> Outcome:
    """Record a committee meeting's result; a meeting without quorum raises and changes nothing."""
    if step.mode is not ApprovalMode.COMMITTEE_VOTE:
        raise RuleViolation("not_a_committee_vote", "该审批环节不是集体表决", field="mode")
    _require_open(step, recorder)
    status = committee_vote_outcome(members, present, votes_for, votes_against)
    action = Action.APPROVE if status is StepStatus.APPROVED else Action.REJECT
    tally = VoteTally(members, present, votes_for, votes_against)
    record = Decision(recorder, action, comment=_text(comment), tally=tally)
    return _outcome(replace(step, decisions=(*step.decisions, record)))


def new_step(mode: ApprovalMode | str, approvers: Sequence[PersonId]) -> StepState:
    """A fresh step; accepts the mode as a string from the API."""
    return StepState(mode=_mode(mode), approvers=tuple(approvers))


# -- batch decisions (批量审批) -----------------------------------------------------------------------------------

# What a batch may do to each of its tasks: approve, or return to the applicant (退回, with a reason as always).
BATCH_ACTIONS = (Action.APPROVE, Action.RETURN)
BATCH_ACTION_LABELS_ZH: Mapping[Action, str] = MappingProxyType({Action.APPROVE: "批量同意", Action.RETURN: "批量退回"})
# How many tasks one batch may name (the setting's default: BATCH_MAX_TASKS).
DEFAULT_BATCH_MAX_TASKS = 50


@dataclass(frozen=True, kw_only=True)
class BatchDecision(Input):
    """Approve or return many tasks, each on its own: one opinion for all, or a task's own (`comments`, by
    the task's id as text: the keys of a JSON object)."""

    action: str
    task_ids: list[int]
    comment: str | None = None
    comments: dict[str, str] | None = None

    def comment_for(self, task_id: int) -> str | None:
        own = (self.comments or {}).get(str(task_id))
        return own if own is not None and own.strip() else self.comment

    @property
    def commented(self) -> list[int]:
        """The tasks given an opinion of their own."""
        return [int(k) for k in self.comments or {} if k.isdigit()]


def check_batch(action: Action | str, task_ids: Sequence[int], max_tasks: int, commented: Sequence[int] = ()) -> Action:
    """The batch as a whole: a batchable action and 1..max_tasks distinct task ids (a task's own opinion only
    for a task of the batch). Refusals name the field (422); nothing is decided."""
    act = member_or_refuse(Action, action, "action", "操作")
    if act not in BATCH_ACTIONS:
        raise RuleViolation("batch_action_not_allowed", "批量办理只能同意或退回", field="action")
    if not task_ids:
        raise RuleViolation("batch_empty", "请至少选择一项待办", field="task_ids")
    if len(task_ids) > max_tasks:
        raise RuleViolation(
            "batch_too_many",
            f"一次最多批量办理{max_tasks}项待办，本次选择了{len(task_ids)}项",
            field="task_ids",
            detail={"max_tasks": max_tasks, "given": len(task_ids)},
        )
    if len(set(task_ids)) != len(task_ids):
        repeated = sorted({t for t in task_ids if list(task_ids).count(t) > 1})
        raise RuleViolation(
            "batch_duplicate_tasks",
            f"待办重复：{'、'.join(map(str, repeated))}",
            field="task_ids",
            detail={"ids": repeated},
        )
    stray = sorted(set(commented) - set(task_ids))
    if stray:
        raise RuleViolation(
            "batch_comment_not_in_batch",
            f"意见所对应的待办不在本次选择中：{'、'.join(map(str, stray))}",
            field="comments",
        )
    return act


def check_batchable(action: Action | str, mode: ApprovalMode | str, issues_reply: bool) -> None:
    """May this task be decided in a batch? Returning may always (the usual rules apply: a reason). Approving
    may not where the decision needs more than an opinion: a committee's vote (the meeting's tally) or the
    last level, whose approval issues the reply (批复文号, dates) — those are decided on the case page."""
    if Action(action) is not Action.APPROVE:
        return
    if _mode(mode) is ApprovalMode.COMMITTEE_VOTE:
        raise RuleViolation(
            "batch_committee_vote", "集体表决的审批环节须在案件页录入会议表决结果，不能批量同意", field="action"
        )
    if issues_reply:
        raise RuleViolation(
            "batch_needs_reply", "该环节同意即发出批复，须在案件页填写批复文号，不能批量同意", field="approval_doc_no"
        )
