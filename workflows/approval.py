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
consult (委派: an approver who has not decided asks a colleague for an opinion; the approver keeps the task and
may decide at any time) and opinion (the consulted colleague's 意见, which ends that consultation) never decide
anything. A consulted colleague is not an approver: they cannot consult onwards (no chains), and nobody on the
step, nor anyone with an open consultation on it, can be consulted. A consultation still open when the step
closes simply ends with it (the service cancels its task).

`StepState.approvers` is the CURRENT list (delegation replaces the delegator in place, so a delegate keeps
the delegator's turn); `decisions` is the full history. The status is a function of the decisions, not of
their arrival order where the mode allows it: for countersign any rejection means rejected (reject beats
return), all approvals mean approved. A decided step refuses every further action, comments included.

Service use: load the step, `outcome = decide(step, user_id, action, comment=...)`, store
`outcome.step.decisions[-1]` (and the new approvers after a delegation), and when `outcome.status` is not
pending move the case on (e.g. fire `approve` / `reject` / `return_for_changes`, or open the next level).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
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
    CONSULT = "consult"
    OPINION = "opinion"
    ADD_APPROVERS = "add_approvers"
    REMOVE_APPROVERS = "remove_approvers"
    TAKE_BACK = "take_back"
    RETURN_TO = "return_to"


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
        Action.CONSULT: "委派",
        Action.OPINION: "委派意见",
        Action.ADD_APPROVERS: "加签",
        Action.REMOVE_APPROVERS: "减签",
        Action.TAKE_BACK: "拿回",
        Action.RETURN_TO: "退回至此前环节",
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
DECISIVE_ACTIONS = frozenset({Action.APPROVE, Action.REJECT, Action.RETURN, Action.RETURN_TO})


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
    people: tuple[PersonId, ...] = ()  # 加签 / 减签: who was added or removed
    placed: str | None = None  # 加签 in a sequence: "before" or "after" the one who added
    to_level: str | None = None  # 退回 to an earlier approval level: which (its level name)

    def __post_init__(self) -> None:
        object.__setattr__(self, "action", Action(self.action))
        object.__setattr__(self, "people", tuple(self.people))


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
        return any(d.approver == approver and d.action in DECISIVE_ACTIONS for d in effective_decisions(self))

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


def effective_decisions(step: StepState) -> tuple[Decision, ...]:
    """The decisions that count: an approval taken back (拿回) no longer does, nor does the take-back itself."""
    out: list[Decision] = []
    for d in step.decisions:
        if d.action is Action.TAKE_BACK:
            last = max(i for i, e in enumerate(out) if e.approver == d.approver and e.action in DECISIVE_ACTIONS)
            del out[last]
        else:
            out.append(d)
    return tuple(out)


def step_status(step: StepState) -> StepStatus:
    """Status as a function of the decisions (see module docstring for the order rules)."""
    decisive = [d for d in effective_decisions(step) if d.action in DECISIVE_ACTIONS]
    if step.mode in (ApprovalMode.ANY_ONE, ApprovalMode.COMMITTEE_VOTE):
        # First decision wins by definition of these modes.
        return _status_of(decisive[0].action) if decisive else StepStatus.PENDING
    actions = {d.action for d in decisive}
    # countersign / sequential: a rejection beats a return, whatever arrived first.
    if Action.REJECT in actions:
        return StepStatus.REJECTED
    if Action.RETURN in actions or Action.RETURN_TO in actions:
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
        Action.RETURN_TO: StepStatus.RETURNED,
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
    text = _text(comment)
    if act is Action.OPINION:
        return _outcome(_opinion(step, approver, text))
    if act is Action.CONSULT and approver in open_consultations(step):
        raise RuleViolation("consult_chain", "被委派人不能再委派他人，请回复意见", field="approver")
    _require_open(step, approver)

    if act is Action.COMMENT:
        if text is None:
            raise RuleViolation("comment_required", "评论内容不能为空", field="comment")
        return _outcome(replace(step, decisions=(*step.decisions, Decision(approver, act, comment=text))))

    if step.has_decided(approver):
        raise Conflict("approver_already_decided", "您已对该审批环节作出决定，不能再操作")

    if act is Action.DELEGATE:
        return _outcome(_delegate(step, approver, delegate_to, text))
    if act is Action.CONSULT:
        return _outcome(_consult(step, approver, delegate_to, text))

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
    if delegate_to in open_consultations(step):
        raise RuleViolation(
            "delegate_consulted", "转办对象正在办理本环节的委派，待其回复意见后再转办", field="delegate_to"
        )
    # The delegate takes the delegator's place (and, in sequential mode, turn).
    approvers = tuple(delegate_to if a == approver else a for a in step.approvers)
    record = Decision(approver, Action.DELEGATE, comment=text, delegate_to=delegate_to)
    return replace(step, approvers=approvers, decisions=(*step.decisions, record))


def open_consultations(step: StepState) -> dict[PersonId, PersonId]:
    """Consulted colleague -> who consulted them, for the consultations not yet answered (in order); those of an
    approver removed by 减签 end with the removal."""
    out: dict[PersonId, PersonId] = {}
    for d in step.decisions:
        if d.action is Action.CONSULT and d.delegate_to is not None:
            out[d.delegate_to] = d.approver
        elif d.action is Action.OPINION:
            out.pop(d.approver, None)
        elif d.action is Action.REMOVE_APPROVERS:  # a removed approver's consultations end with their place
            out = {c: asker for c, asker in out.items() if asker not in d.people}
    return out


def _consult(step: StepState, approver: PersonId, colleague: PersonId | None, text: str | None) -> StepState:
    if colleague is None or (isinstance(colleague, str) and not colleague.strip()):
        raise RuleViolation("consultee_required", "请选择委派对象", field="to_user_id")
    if colleague == approver:
        raise RuleViolation("cannot_consult_self", "不能委派给自己", field="to_user_id")
    if colleague in step.approvers:
        raise RuleViolation("consultee_on_step", "委派对象已是该审批环节的审批人", field="to_user_id")
    if colleague in open_consultations(step):
        raise RuleViolation("consultee_already_consulted", "已委派该同事，尚待其回复意见", field="to_user_id")
    record = Decision(approver, Action.CONSULT, comment=text, delegate_to=colleague)
    return replace(step, decisions=(*step.decisions, record))


def _opinion(step: StepState, consultee: PersonId, text: str | None) -> StepState:
    if step.status is not StepStatus.PENDING:
        raise Conflict("step_already_decided", f"该审批环节已办结（{STATUS_LABELS_ZH[step.status]}），不能再操作")
    if consultee not in open_consultations(step):
        raise Conflict("no_open_consultation", "没有待您回复的委派")
    if text is None:
        raise RuleViolation("opinion_required", "请填写意见", field="comment")
    return replace(step, decisions=(*step.decisions, Decision(consultee, Action.OPINION, comment=text)))


class Placement(StrEnum):
    BEFORE = "before"
    AFTER = "after"


def change_approvers(
    step: StepState,
    actor: PersonId,
    action: Action | str,
    people: Sequence[PersonId],
    *,
    reason: str | None,
    placed: Placement | str | None = None,
) -> StepState:
    """加签 (add_approvers) / 减签 (remove_approvers) on an open step, by an approver who may act now.

    Refused: a committee vote (its membership is the meeting's, not the step's), nobody named, a reason missing,
    adding someone already on the step (or oneself), removing someone not on it or who has already decided, and a
    removal that would leave the step without an approver still to act (it would decide the step by removal).
    In a sequence the added approvers go `before` (they act first; the adder waits) or `after` (next) the adder.
    """
    act = member_or_refuse(Action, action, "action", "操作")
    if act not in (Action.ADD_APPROVERS, Action.REMOVE_APPROVERS):
        raise RuleViolation("not_a_change_of_approvers", "不是加签或减签", field="action")
    label = ACTION_LABELS_ZH[act]
    if step.mode is ApprovalMode.COMMITTEE_VOTE:
        raise RuleViolation(
            "committee_vote_membership", f"集体表决的审批环节不能{label}：表决成员由会议确定", field="user_ids"
        )
    _require_open(step, actor)
    if not may_act(step, actor):
        if step.has_decided(actor):
            raise Conflict("approver_already_decided", f"您已对该审批环节作出决定，不能再{label}")
        raise Conflict("not_your_turn", f"尚未轮到您审批，不能{label}")
    named = tuple(people)
    if not named:
        raise RuleViolation("approvers_required", f"请选择{label}的审批人", field="user_ids")
    if len(set(named)) != len(named):
        raise RuleViolation("duplicate_approvers", "审批人重复", field="user_ids")
    text = _text(reason)
    if text is None:
        raise RuleViolation("reason_required", f"「{label}」须填写理由", field="reason")
    if act is Action.ADD_APPROVERS:
        approvers = _added(step, actor, named, placed)
        where = _placement(placed) if step.mode is ApprovalMode.SEQUENTIAL else None
        record = Decision(actor, act, comment=text, people=named, placed=where.value if where else None)
    else:
        approvers = _removed(step, named)
        record = Decision(actor, act, comment=text, people=named)
    return replace(step, approvers=approvers, decisions=(*step.decisions, record))


def _placement(placed: Placement | str | None) -> Placement:
    if placed is None:
        return Placement.AFTER
    return member_or_refuse(Placement, placed, "position", "加签位置")


def _added(
    step: StepState, actor: PersonId, named: tuple[PersonId, ...], placed: Placement | str | None
) -> tuple[PersonId, ...]:
    for person in named:
        if person == actor or person in step.approvers:
            raise RuleViolation("approver_already_on_step", "所选人员已是该审批环节的审批人", field="user_ids")
        if person in open_consultations(step):
            raise RuleViolation("approver_consulted", "所选人员正在办理本环节的委派，待其回复意见后再加签", "user_ids")
    if step.mode is not ApprovalMode.SEQUENTIAL:
        return (*step.approvers, *named)
    at = step.approvers.index(actor) + (0 if _placement(placed) is Placement.BEFORE else 1)
    return (*step.approvers[:at], *named, *step.approvers[at:])


def _removed(step: StepState, named: tuple[PersonId, ...]) -> tuple[PersonId, ...]:
    for person in named:
        if person not in step.approvers:
            raise RuleViolation("not_on_step", "所选人员不是该审批环节的审批人", field="user_ids")
        if step.has_decided(person):
            raise RuleViolation("approver_has_acted", "所选审批人已作出决定，不能减签", field="user_ids")
    left = tuple(a for a in step.approvers if a not in named)
    if not any(not step.has_decided(a) for a in left):
        raise RuleViolation("last_approver", "减签后本环节将没有待审批的审批人：至少须保留一名审批人", field="user_ids")
    return left


def take_back(
    step: StepState,
    approver: PersonId,
    *,
    moved_on: bool = False,
    touched_by: tuple[str, str] | None = None,
    comment: str | None = None,
    name_of: Callable[[PersonId], str] = str,
) -> Outcome:
    """拿回: `approver` takes their approval back.

    - On a countersign step still open: their own approval, while the step waits for others.
    - On a sequential step still open: the approval that passed the turn on, while the next approver has not
      touched their turn (turn_touched_by); the turn comes back to `approver`.
    - On a step their approval closed (approved) and that moved the subject on (`moved_on`: the next step is
      open): only while nobody touched that next step (`touched_by`: who and what, to say why not).
    Anything else is refused: nothing to take back (no approval of theirs, a rejection or return), another
    approver's approval closed the step or came after theirs in the sequence, the step was the last one (its reply
    issued), the next step or turn was acted on. `name_of`: a person's name, for the refusals that name them.
    """
    if approver not in step.approvers:
        raise RuleViolation("not_an_approver", "您不是该审批环节的审批人", field="approver")
    mine = [d for d in effective_decisions(step) if d.approver == approver and d.action in DECISIVE_ACTIONS]
    if not mine or mine[-1].action is not Action.APPROVE:
        raise Conflict("nothing_to_take_back", "您在本环节没有可拿回的同意决定")
    status = step.status
    if status is StepStatus.PENDING:
        if step.mode is ApprovalMode.SEQUENTIAL:
            _require_untouched_turn(step, approver, name_of)
        elif step.mode is not ApprovalMode.COUNTERSIGN:
            raise Conflict("take_back_not_allowed", "办理中的审批环节只有会签和依次审批可以拿回自己的同意")
    elif status is StepStatus.APPROVED:
        closer = [d for d in effective_decisions(step) if d.action in DECISIVE_ACTIONS][-1]
        if closer.approver != approver:
            raise Conflict("not_the_closing_approver", "只有使本环节办结的审批人可以拿回")
        if not moved_on:
            raise Conflict("no_next_step", "本环节已作出最终决定，不能拿回")
        if touched_by is not None:
            who, what = touched_by
            raise Conflict("next_step_touched", f"下一环节已由{who}{what}，不能拿回")
    else:
        raise Conflict("step_already_decided", f"该审批环节已办结（{STATUS_LABELS_ZH[status]}），不能拿回")
    record = Decision(approver, Action.TAKE_BACK, comment=_text(comment))
    return _outcome(replace(step, decisions=(*step.decisions, record)))


def turn_touched_by(step: StepState, approver: PersonId) -> Decision | None:
    """In a sequence, the first thing recorded on the step after `approver`'s (standing) approval: the next
    approver's claim on their turn — a decision, comment, 转办, 委派 (and its 意见), 加签 or 减签, or a 拿回 —
    or None while their turn is untouched."""
    at = max(i for i, d in enumerate(step.decisions) if d.approver == approver and d.action is Action.APPROVE)
    return step.decisions[at + 1] if at + 1 < len(step.decisions) else None


def _require_untouched_turn(step: StepState, approver: PersonId, name_of: Callable[[PersonId], str]) -> None:
    """Only the latest approval of a sequence may be taken back, and only while the turn it passed on is untouched."""
    decisive = [d for d in effective_decisions(step) if d.action in DECISIVE_ACTIONS]
    mine = max(i for i, d in enumerate(decisive) if d.approver == approver)
    if mine + 1 < len(decisive):  # an approval standing after mine: its approver's turn came after mine
        successor = decisive[mine + 1]
        raise Conflict(
            "not_the_latest_approver",
            f"{name_of(successor.approver)}已在您之后同意，只有最近一位同意的审批人可以拿回",
        )
    touched = turn_touched_by(step, approver)
    if touched is not None:
        what = ACTION_LABELS_ZH[touched.action]
        raise Conflict("next_approver_touched", f"下一审批人{name_of(touched.approver)}已{what}，不能拿回")


def return_to(
    step: StepState,
    approver: PersonId,
    *,
    level: int,
    target: tuple[int, str] | None,
    comment: str | None,
) -> Outcome:
    """退回 to an earlier approval level: the step (at `level`) closes as returned and the subject goes back to
    `target` (that level's number and name; None when the subject never passed such a level), where a new step
    opens. Whoever may decide now may do it, with a reason."""
    _require_open(step, approver)
    if step.has_decided(approver):
        raise Conflict("approver_already_decided", "您已对该审批环节作出决定，不能再操作")
    if step.mode is ApprovalMode.SEQUENTIAL and step.current != approver:
        raise Conflict("not_your_turn", "尚未轮到您审批")
    if target is None:
        raise RuleViolation("unknown_level", "该事项未经过此审批环节，不能退回", field="level_name")
    if target[0] >= level:
        raise RuleViolation("not_an_earlier_level", "只能退回到此前的审批环节", field="level_name")
    text = _text(comment)
    if text is None:
        raise RuleViolation("reason_required", "「退回」须填写理由", field="reason")
    record = Decision(approver, Action.RETURN_TO, comment=text, to_level=target[1])
    return _outcome(replace(step, decisions=(*step.decisions, record)))


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
    def commented(self) -> list[str]:
        """The keys of the opinions of their own: each must be the id of a task of the batch (check_batch)."""
        return list(self.comments or {})


def check_batch(action: Action | str, task_ids: Sequence[int], max_tasks: int, commented: Sequence[str] = ()) -> Action:
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
    # A key is the task's id as text (a JSON object's keys are strings): anything else names no task of the batch.
    stray = sorted(set(commented) - {str(t) for t in task_ids})
    if stray:
        shown = "、".join(k[:12] for k in stray[:5]) + ("等" if len(stray) > 5 else "")
        raise RuleViolation("batch_comment_not_in_batch", f"意见所对应的待办不在本次选择中：{shown}", field="comments")
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
