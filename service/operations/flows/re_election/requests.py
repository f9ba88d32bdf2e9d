"""Re-election requests: the service side of workflows.re_election.

A request (换届请示 with its candidates, or 延期 / 提前换届 with a reason and a new date) is submitted when it is
made and goes through the approval engine with the establishment's approval chain for the organisation's form.
The approving level's reply moves the request: a re-election is approved, then its general meeting is recorded
(the founding rules) and the organisation gets its new committee and term; a postponement or an advance changes
the organisation's due date at once. Every change is on the command path (engines/command.py), audited."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

from flask import current_app
from sqlalchemy import Select, func, select

from service import config_cache
from service.auth import Actor, in_scope
from service.clock import CHINA, now, today
from service.db import transaction
from service.errors import NotFound
from service.extensions import db
from service.models import ApprovalStep, Jurisdiction, PartyOrg, Unit
from service.models.base import snapshot
from service.models.re_election import ReElection
from service.operations.common import Precondition, get_scoped
from service.operations.engines import approvals, audit, notifications, webhooks
from service.operations.engines.command import Subject
from service.operations.flows.re_election import terms
from service.operations.reference import jurisdictions
from service.roles import of
from workflows import establishment as founding_rules
from workflows import re_election as rules
from workflows.approval import StepStatus
from workflows.errors import Conflict, RuleViolation
from workflows.re_election import (
    RE_ELECTION,
    ElectionMeeting,
    NewRequest,
    ReElectionState,
    RequestKind,
    Resubmission,
)

WORKFLOW = RE_ELECTION.name
REQUESTERS = of(WORKFLOW, "request")
READERS = of(WORKFLOW, "read")
# The requests do not escalate (their approval steps do); the workflow's ladder follows the terms (terms.py).
REQUESTS = Subject(
    ReElection, RE_ELECTION, loader=lambda actor, ident: get(actor, ident, for_update=True), escalates=False
)
SLATE_FIELDS = ("committee_size", "secretary", "candidates", "oversize_reason")


def founding_settings() -> founding_rules.EstablishmentSettings:
    """Terms by form, committee sizes, approval chains and the approval time: the establishment settings."""
    return cast(founding_rules.EstablishmentSettings, current_app.config["SETTINGS"].establishment)


# -- reading ---------------------------------------------------------------------------------------------------


def get(actor: Actor, request_id: int, *, for_update: bool = False) -> ReElection:
    return get_scoped(ReElection, request_id, actor, for_update=for_update)


def query(actor: Actor, f: dict[str, Any]) -> Select[ReElection]:
    stmt = in_scope(select(ReElection), ReElection.jurisdiction_id, actor)
    for key in ("state", "kind", "party_org_id"):
        if f.get(key):
            stmt = stmt.where(getattr(ReElection, key) == f[key])
    return stmt.order_by(ReElection.id.desc())


def title(r: ReElection) -> str:
    return f"{r.party_org.name} {rules.KIND_LABELS_ZH[r.kind]}"


def summaries(ids: list[int]) -> dict[int, dict[str, Any]]:
    """Inbox summaries for a page of tasks (one query)."""
    rows = db.session.execute(
        select(
            ReElection.id,
            ReElection.state,
            ReElection.kind,
            ReElection.form,
            ReElection.formal_members,
            PartyOrg.name,
            Jurisdiction.name.label("body"),
        )
        .join(PartyOrg, PartyOrg.id == ReElection.party_org_id)
        .join(Jurisdiction, Jurisdiction.id == ReElection.jurisdiction_id)
        .where(ReElection.id.in_(ids))
    ).all()
    return {
        r.id: {
            "title": f"{r.name} {rules.KIND_LABELS_ZH[r.kind]}",
            "state": r.state,
            "state_label": RE_ELECTION.state_label(r.state),
            "form": r.form,
            "form_label": founding_rules.FORM_LABELS_ZH[founding_rules.OrgForm(r.form)],
            "formal_members": r.formal_members,
            "jurisdiction": r.body,
        }
        for r in rows
    }


def subject_labels(ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = db.session.execute(
        select(ReElection.id, ReElection.kind, PartyOrg.name)
        .join(PartyOrg, PartyOrg.id == ReElection.party_org_id)
        .where(ReElection.id.in_(ids))
    ).all()
    return {r.id: f"{r.name} {rules.KIND_LABELS_ZH[r.kind]}" for r in rows}


def _formal_members(org_id: int) -> int:
    """Formal members of the units the organisation covers (the ledger)."""
    total = db.session.execute(
        select(func.coalesce(func.sum(Unit.formal_members), 0)).where(Unit.party_org_id == org_id)
    ).scalar_one()
    return int(total)


def allowed_actions(actor: Actor, r: ReElection) -> list[str]:
    """What the actor may do now, by the API's action names (the approval decisions are on its tasks)."""
    own = []
    if actor.role in REQUESTERS:
        own = [e for e in ("resubmit", "withdraw", "elect") if RE_ELECTION.can_fire(r.state, e)]
    deciding = approvals.reads.decisions_open_to(actor, WORKFLOW, [r.id])
    return own + list(deciding.get(r.id, ()))


# -- commands --------------------------------------------------------------------------------------------------


def _check_request(r: ReElection, s: rules.ReElectionSettings) -> None:
    if r.kind == RequestKind.RE_ELECTION:
        if not r.secretary or not r.candidates:
            field = "secretary" if not r.secretary else "candidates"
            raise RuleViolation("slate_required", "换届请示须提出书记人选和候选人名单", field=field)
        slate = rules.Slate(r.committee_size or 0, r.secretary, rules.names(r.candidates))
        rules.check_slate(slate, r.formal_members, founding_settings(), oversize_reason=r.oversize_reason)
        return
    if not (r.reason and r.reason.strip()):
        raise RuleViolation("reason_required", f"{rules.KIND_LABELS_ZH[r.kind]}须说明理由", field="reason")
    rules.check_new_due_on(r.kind, r.current_due_on, r.new_due_on, today(), s)


def create(actor: Actor, data: NewRequest) -> ReElection:
    """Submit a request for an organisation in scope: at most one open request per organisation (409)."""
    with transaction():
        org = get_scoped(PartyOrg, data.party_org_id, actor, for_update=True)
        if org.status != terms.ACTIVE:
            raise Conflict("party_org_not_active", f"「{org.name}」已不在活动状态，不能换届")
        busy = db.session.execute(
            select(ReElection.id).where(ReElection.party_org_id == org.id, ReElection.state.in_(rules.OPEN_STATES))
        ).first()
        if busy is not None:
            raise Conflict("open_request_exists", f"「{org.name}」已有正在办理的换届事项", field="party_org_id")
        body = config_cache.place(org.jurisdiction_id)
        r = ReElection(
            state=RE_ELECTION.initial,
            kind=data.kind,
            party_org_id=org.id,
            jurisdiction_id=org.jurisdiction_id,
            county_id=jurisdictions.county_of(_body(body.id)),
            applicant_id=actor.user_id,
            form=org.kind,
            formal_members=_formal_members(org.id),
            reason=data.reason,
            request_text=data.request_text,
            current_due_on=org.term_due_on,
            new_due_on=data.new_due_on if data.kind != RequestKind.RE_ELECTION else None,
            submitted_at=now(),
            **_slate(data) if data.kind == RequestKind.RE_ELECTION else {},
        )
        r.party_org = org
        _check_request(r, terms.settings())
        db.session.add(r)
        db.session.flush()
        audit.record(actor, f"{WORKFLOW}.create", WORKFLOW, r.id, r.jurisdiction_id, None, snapshot(r))
        _open_level(actor, r, 0)
    return r


def _body(body_id: int) -> Jurisdiction:
    body = db.session.get(Jurisdiction, body_id)
    assert body is not None  # the organisation's body exists (foreign key)
    return body


def _slate(data: NewRequest | Resubmission) -> dict[str, Any]:
    return {
        "committee_size": data.committee_size or 0,
        "secretary": (data.secretary or "").strip() or None,
        "candidates": list(rules.names(data.candidates)) or None,
        "oversize_reason": data.oversize_reason,
    }


def _chain(r: ReElection) -> tuple[str, ...]:
    return founding_rules.approval_chain(r.form, founding_settings())


def _level_body_id(r: ReElection, level_name: str) -> int:
    return r.county_id if level_name.startswith("county") and r.county_id else r.jurisdiction_id


def _open_level(actor: Actor, r: ReElection, level: int) -> None:
    s = founding_settings()
    level_name = _chain(r)[level]
    body = config_cache.place(_level_body_id(r, level_name))
    approvals.acting.open_step(
        actor, WORKFLOW, r.id, r.jurisdiction_id, level, level_name, body, s.approval_due_working_days, title(r)
    )


def issues_reply(r: ReElection, step: ApprovalStep) -> bool:
    return step.level + 1 >= len(_chain(r))


def resubmit(
    actor: Actor, request_id: int, changes: Resubmission, precondition: Precondition | None = None
) -> ReElection:
    """A returned request, changed as the approver asked, goes back to the first level."""
    with REQUESTS.command(actor, request_id, "resubmit", precondition) as cmd:
        r = cmd.row
        for key in ("reason", "request_text", "new_due_on"):
            value = getattr(changes, key)
            if value is not None:
                setattr(r, key, value)
        if r.kind == RequestKind.RE_ELECTION and any(getattr(changes, k) is not None for k in SLATE_FIELDS):
            for key, value in _slate(changes).items():
                if getattr(changes, key) is not None:
                    setattr(r, key, value)
        r.formal_members = _formal_members(r.party_org_id)
        r.current_due_on = r.party_org.term_due_on
        _check_request(r, terms.settings())
        r.submitted_at, r.return_reason = now(), None
        cmd.fire("resubmit")
        cmd.settle()
        _open_level(actor, r, 0)
    return cmd.row


def withdraw(actor: Actor, request_id: int, reason: str | None, precondition: Precondition | None = None) -> ReElection:
    with REQUESTS.command(actor, request_id, "withdraw", precondition) as cmd:
        cmd.fire("withdraw", reason)
        cmd.row.closed_reason = reason
        approvals.acting.cancel_open_steps(WORKFLOW, request_id)
        notifications.settle(WORKFLOW, request_id)
    return cmd.row


def _civil_date(moment: datetime | None) -> date:
    assert moment is not None  # a request under approval has been submitted
    return moment.astimezone(CHINA).date()


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _publish(event: str, r: ReElection) -> None:
    webhooks.publish_at(
        event,
        {
            "id": r.id,
            "kind": r.kind,
            "state": r.state,
            "party_org_id": r.party_org_id,
            "jurisdiction_id": r.jurisdiction_id,
            "approval_doc_no": r.approval_doc_no,
            # the organisation's due date after this event: the new term's, the approved new date, or as it was
            "term_due_on": _iso(r.term_due_on or (r.new_due_on if r.state == ReElectionState.CHANGED else None)),
        },
        r.jurisdiction_id,
    )


def on_step_closed(ev: approvals.handlers.StepClosed) -> None:
    """The approval engine decided a step (the request row is locked with it): open the next level or move the
    request; the last level's approval of a postponement or an advance changes the organisation's due date."""
    r: ReElection = ev.subject
    if ev.status is StepStatus.RETURNED:
        with REQUESTS.applying(ev.actor, r) as cmd:
            r.return_reason = ev.comment
            cmd.fire("return_for_changes", ev.comment)
        return
    if ev.status is StepStatus.REJECTED:
        with REQUESTS.applying(ev.actor, r) as cmd:
            r.decision_reason, r.decided_at = ev.comment, now()
            cmd.fire("reject", ev.comment)
        return
    if ev.step.level + 1 < len(_chain(r)):
        _open_level(ev.actor, r, ev.step.level + 1)
        return
    doc_no = (ev.reply.approval_doc_no or "").strip()
    if not doc_no:
        raise RuleViolation("approval_doc_no_required", "最终批复须填写批复文号", "approval_doc_no")
    approved_on = ev.reply.approved_on or today()
    founding_rules.check_decision_dates(
        submitted_on=_civil_date(r.submitted_at), today=today(), meeting_on=ev.reply.meeting_on, approved_on=approved_on
    )
    with REQUESTS.applying(ev.actor, r) as cmd:
        r.approval_doc_no, r.approved_on, r.approval_meeting_on = doc_no, approved_on, ev.reply.meeting_on
        r.approving_body, r.decided_at = config_cache.place(ev.step.body_id).name, now()
        if r.kind == RequestKind.RE_ELECTION:
            cmd.fire("approve", ev.comment)
        else:
            cmd.fire("approve_change", ev.comment)
            _change_due_on(ev.actor, r)
    _publish("re_election.approved" if r.kind == RequestKind.RE_ELECTION else "re_election.due_date_changed", r)


def _change_due_on(actor: Actor, r: ReElection) -> None:
    org = db.session.execute(
        select(PartyOrg).where(PartyOrg.id == r.party_org_id).with_for_update(of=PartyOrg, key_share=True)
    ).scalar_one()
    before = {"term_due_on": org.term_due_on.isoformat() if org.term_due_on else None}
    org.term_due_on = r.new_due_on
    terms.sync(org)
    audit.record(
        actor,
        "party_org.term_due_on",
        "party_org",
        org.id,
        org.jurisdiction_id,
        before,
        {"term_due_on": org.term_due_on.isoformat() if org.term_due_on else None},
        f"{rules.KIND_LABELS_ZH[r.kind]}（{r.approval_doc_no}）",
    )


def elect(actor: Actor, request_id: int, data: ElectionMeeting, precondition: Precondition | None = None) -> ReElection:
    """Record the re-election general meeting: the founding rules; the organisation gets its new secretary,
    committee and term, and the next due date follows at once (the due list, the board, the ladder)."""
    s = founding_settings()
    with REQUESTS.command(actor, request_id, "elect", precondition) as cmd:
        r = cmd.row
        if data.entitled > r.formal_members:
            raise RuleViolation(
                "entitled_exceeds_members", f"应到会人数{data.entitled}超过正式党员数{r.formal_members}", "entitled"
            )
        meeting = rules.general_meeting(data)
        founding_rules.check_founding_dates(
            held_on=data.held_on,
            today=today(),
            approved_on=r.approved_on,
            approval_meeting_on=r.approval_meeting_on,
            term_start=data.term_start,
        )
        slate = rules.Slate(r.committee_size or 0, r.secretary or "", rules.names(r.candidates))
        cmd.fire("elect", election=rules.Election(meeting, slate, r.formal_members, s, r.oversize_reason))
        term_start = data.term_start or data.held_on
        years, due_on = rules.next_due_on(term_start, r.form, s)
        r.general_meeting = {
            "held_on": data.held_on.isoformat(),
            "entitled": data.entitled,
            "present": data.present,
            "secretary": data.secretary,
            "elected": [{"name": e.name, "votes": e.votes} for e in data.elected],
        }
        r.held_on, r.term_start, r.term_years, r.term_due_on = data.held_on, term_start, years, due_on
        cmd.settle()
        _renew(actor, r, meeting, years, term_start, due_on)
        _publish("re_election.elected", r)
    return cmd.row


def _renew(
    actor: Actor, r: ReElection, meeting: founding_rules.GeneralMeeting, years: int, start: date, due_on: date
) -> None:
    org = db.session.execute(
        select(PartyOrg).where(PartyOrg.id == r.party_org_id).with_for_update(of=PartyOrg, key_share=True)
    ).scalar_one_or_none()
    if org is None:
        raise NotFound()
    before = snapshot(org)
    org.secretary_name = meeting.secretary
    org.committee_size = len(meeting.elected) if len(meeting.elected) > 1 else 0
    org.term_years, org.term_start, org.term_due_on = years, start, due_on
    terms.sync(org)
    db.session.flush()
    old, new = audit.changed(before, snapshot(org))
    audit.record(actor, "party_org.re_elected", "party_org", org.id, org.jurisdiction_id, old, new, title(r))


def register() -> None:
    """Re-election requests run approval steps (on_step_closed moves them). Called once by
    service.operations.registry."""
    approvals.handlers.register(
        WORKFLOW, on_step_closed, summaries, ReElection, subject_labels, issues_reply=issues_reply
    )
