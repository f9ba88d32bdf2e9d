"""Interviews (约谈): the service side of workflows.interview.

An interview is created by the escalation ladder (without a time: the supervisor sets it) or by a supervisor,
about a supervision ticket, an establishment case or a body. Only the interviewer side (supervisors whose
subtree contains `interviewer_body_id`) acts on it; the interviewed body sees it read-only. Holding it records
the minutes, the commitments and a new deadline, which the linked ticket adopts as its deadline in force and
its post-interview deadline (the subject's `on_held`: supervision.set_interview_deadline)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, false, or_, select

from service.auth import Actor, scope_ids
from service.clock import CHINA, now, today
from service.db import transaction
from service.documents.kinds import DocumentKind
from service.errors import Forbidden
from service.extensions import db
from service.models import Interview, Jurisdiction, Role, SupervisionTicket
from service.models.base import snapshot
from service.operations.common import Precondition, get_scoped, order_by_keys
from service.operations.engines import audit, command, documents, notifications
from service.operations.reference import jurisdictions
from service.roles import INTERVIEWERS, SUPERVISION_READERS
from service.vocab import INTERVIEW_SORT_KEYS as SORT_KEYS
from workflows.errors import RuleViolation
from workflows.interview import (
    INTERVIEW,
    InterviewRecord,
    InterviewSchedule,
    NewInterview,
    check_hold_time,
    check_schedule,
)

WORKFLOW = INTERVIEW.name
# The files an interview takes (附件): value -> label.
ATTACHMENT_KINDS = {"record": "约谈记录"}


def create_from_escalation(
    actor: Actor,
    *,
    subject_type: str,
    subject_id: int,
    jurisdiction_id: int,
    responsible_person: str,
    interviewer_body_id: int | None,
    reason: str,
    ticket_id: int | None = None,
) -> Interview:
    """An interview the escalation ladder calls for; the supervisor then sets its time and place.
    Runs inside the caller's transaction."""
    interview = Interview(
        state=INTERVIEW.initial,
        subject_type=subject_type,
        subject_id=subject_id,
        ticket_id=ticket_id,
        jurisdiction_id=jurisdiction_id,
        responsible_person=responsible_person,
        interviewer_body_id=interviewer_body_id,
        by_escalation=True,
        reason=reason,
    )
    db.session.add(interview)
    db.session.flush()
    audit.record(
        actor, "interview.create", "interview", interview.id, jurisdiction_id, None, snapshot(interview), reason
    )
    return interview


# -- scope and sides -------------------------------------------------------------------------------------------


def _visible(stmt: Select[Any], actor: Actor) -> Select[Any]:
    """The interviewer side (supervisors above the interviewer body) and the interviewed body both see it;
    a portal sees none."""
    if actor.role not in SUPERVISION_READERS:
        return stmt.where(false())
    if actor.jurisdiction_path == "/":
        return stmt
    ids = scope_ids(actor)
    return stmt.where(or_(Interview.interviewer_body_id.in_(ids), Interview.jurisdiction_id.in_(ids)))


def _is_interviewer(actor: Actor, interviewer_path: str | None) -> bool:
    if actor.jurisdiction_path == "/":
        return True
    return actor.role in INTERVIEWERS and interviewer_path is not None and actor.in_scope(interviewer_path)


def _require_interviewer(actor: Actor, interview: Interview) -> None:
    """Only the interviewer side acts; the interviewed body reads."""
    body = interview.interviewer_body_id
    path = db.session.execute(select(Jurisdiction.path).where(Jurisdiction.id == body)).scalar_one_or_none()
    if not _is_interviewer(actor, path):
        raise Forbidden("只有约谈单位的督查人员可以执行此操作")


def require_interviewer_side(actor: Actor, interview: Interview) -> None:
    """The interviewer side's check, for the engines an interview registers with (its attachments)."""
    _require_interviewer(actor, interview)


# The interview endpoints by the API's action names and the machine event each fires.
ACTIONS = {"hold": "hold", "follow_up": "follow_up", "close": "close", "cancel": "cancel", "reschedule": "reschedule"}


def allowed_actions(actor: Actor, rows: list[Interview]) -> dict[int, list[str]]:
    """What the actor may do now on each interview: the endpoints' role check (INTERVIEWERS), the commands'
    side check and the machine (one query per page)."""
    body_ids = {i.interviewer_body_id for i in rows if i.interviewer_body_id is not None}
    paths: dict[int | None, str] = dict(
        db.session.execute(select(Jurisdiction.id, Jurisdiction.path).where(Jurisdiction.id.in_(body_ids))).all()
    )
    out: dict[int, list[str]] = {}
    for i in rows:
        side = actor.role in INTERVIEWERS and _is_interviewer(actor, paths.get(i.interviewer_body_id))
        out[i.id] = [a for a, event in ACTIONS.items() if side and INTERVIEW.can_fire(i.state, event)]
    return out


def get(actor: Actor, interview_id: int, *, for_update: bool = False) -> Interview:
    return get_scoped(Interview, interview_id, actor, for_update=for_update, scope=_visible)


def query(actor: Actor, f: dict[str, Any]) -> Select[Interview]:
    stmt = _visible(select(Interview), actor)
    if f.get("jurisdiction_id") is not None:
        root = jurisdictions.get(actor, f["jurisdiction_id"])
        stmt = stmt.where(Interview.jurisdiction_id.in_(jurisdictions.subtree_ids(root)))
    for key in ("state", "ticket_id", "by_escalation"):
        if f.get(key) is not None:
            stmt = stmt.where(getattr(Interview, key) == f[key])
    return order_by_keys(stmt, Interview, f.get("sort"), SORT_KEYS, "-created_at")


def for_tickets(ticket_ids: list[int]) -> dict[int, list[Interview]]:
    out: dict[int, list[Interview]] = {i: [] for i in ticket_ids}
    if ticket_ids:
        rows = db.session.execute(
            select(Interview).where(Interview.ticket_id.in_(ticket_ids)).order_by(Interview.id)
        ).scalars()
        for row in rows:
            if row.ticket_id is not None:
                out[row.ticket_id].append(row)
    return out


# -- commands --------------------------------------------------------------------------------------------------


def _utc(moment: datetime | None) -> datetime | None:
    return moment.astimezone(UTC) if moment is not None else None


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _below(actor: Actor, body: Jurisdiction) -> None:
    """The interviewed body lies strictly below the interviewer's own body."""
    if body.id == actor.jurisdiction_id or not actor.in_scope(body.path):
        raise RuleViolation("target_not_below_interviewer", "只能约谈本单位下级单位的负责人", "jurisdiction_id")


@dataclass(frozen=True)
class Subject:
    """What an interview may be about, declared by the workflow that owns it (`register_subject`)."""

    # (actor, id) → (interviewed body, ticket id, default responsible person); raises NotFound / a rule.
    resolve: Callable[[Actor, int], tuple[Jurisdiction, int | None, str | None]]
    # Called in the hold transaction when an interview about it is held: (actor, interview).
    on_held: Callable[[Actor, Interview], None] | None = None


SUBJECTS: dict[str, Subject] = {}


def register_subject(subject_type: str, subject: Subject) -> None:
    SUBJECTS[subject_type] = subject


def _subject(actor: Actor, data: NewInterview) -> tuple[str, int, Jurisdiction, int | None, str | None]:
    """(subject_type, subject_id, interviewed body, ticket id, default responsible person)."""
    if data.ticket_id is not None:
        kind, ident = "supervision_ticket", data.ticket_id
    else:
        # The schema requires both when there is no ticket.
        assert data.subject_type is not None and data.subject_id is not None
        kind, ident = data.subject_type, data.subject_id
    if kind == "jurisdiction":
        body = jurisdictions.get(actor, ident)
        return kind, body.id, body, None, None
    body, ticket_id, person = SUBJECTS[kind].resolve(actor, ident)
    return kind, ident, body, ticket_id, person


def create(actor: Actor, data: NewInterview) -> Interview:
    """An interview the supervisor arranges: about a ticket (its responsible person by default), an
    establishment case or a body. Time and place may follow later (reschedule), but come together."""
    with transaction():
        if actor.jurisdiction_id is None:
            raise Forbidden("须以督查单位人员身份安排约谈")
        subject_type, subject_id, body, ticket_id, person = _subject(actor, data)
        _below(actor, body)
        person = data.responsible_person or person
        if not person:
            raise RuleViolation("responsible_person_required", "请填写被约谈的负责人", "responsible_person")
        scheduled_at, place = data.scheduled_at, data.place
        if scheduled_at is not None or place is not None:
            check_schedule(scheduled_at, now(), place)  # type: ignore[arg-type]
        interview = Interview(
            state=INTERVIEW.initial,
            subject_type=subject_type,
            subject_id=subject_id,
            ticket_id=ticket_id,
            jurisdiction_id=body.id,
            responsible_person=person,
            interviewer_id=actor.user_id,
            interviewer_body_id=actor.jurisdiction_id,
            by_escalation=False,
            reason=data.reason,
            scheduled_at=_utc(scheduled_at),
            place=place,
        )
        db.session.add(interview)
        db.session.flush()
        audit.record(
            actor, "interview.create", WORKFLOW, interview.id, body.id, None, snapshot(interview), interview.reason
        )
        if interview.scheduled_at is not None:
            # The 约谈通知 takes its number when the time and place are set.
            documents.issue_for(actor, DocumentKind.interview_notice, interview)
            _notify_schedule(interview)
    return interview


def _about(interview: Interview) -> str:
    """What an interview is about, in words, for its notifications: its ticket's title, else the body. Read
    without flushing: the interview's row is still written by one UPDATE at the command's closing."""
    with db.session.no_autoflush:
        if interview.ticket_id is not None:
            ticket = db.session.get(SupervisionTicket, interview.ticket_id)  # usually in the identity map
            if ticket is not None:
                return ticket.title
        body = db.session.get(Jurisdiction, interview.jurisdiction_id)
    return body.name if body is not None else f"约谈 #{interview.id}"


def _notify_schedule(interview: Interview) -> None:
    assert interview.scheduled_at is not None
    when = interview.scheduled_at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")
    about = _about(interview)
    notifications.notify(
        notifications.users_of(interview.jurisdiction_id, Role.handler),
        "interview.scheduled",
        f"约谈通知：{_short(about)} — {interview.responsible_person}，{when}，{_short(interview.place or '')}",
        interview.reason,
        WORKFLOW,
        interview.id,
        subject=about,
    )


def _settle_schedule(cmd: command.Command[Interview]) -> None:
    """The earlier schedule notices are done with (held, cancelled, or replaced by a new schedule): after the
    interview's own closing, so its row is still written by one UPDATE."""
    cmd.settle()
    notifications.settle(WORKFLOW, cmd.row.id, ("interview.scheduled",))


def _locked(actor: Actor, interview_id: int) -> Interview:
    return get(actor, interview_id, for_update=True)


INTERVIEWS = command.Subject(Interview, INTERVIEW, loader=_locked)


def reschedule(
    actor: Actor, interview_id: int, data: InterviewSchedule, precondition: Precondition | None = None
) -> Interview:
    """Set or move the time (and place); an interview created by escalation starts without either."""
    with INTERVIEWS.command(actor, interview_id, "reschedule", precondition, side=_require_interviewer) as cmd:
        interview = cmd.row
        place = data.place if data.place is not None else interview.place
        check_schedule(data.scheduled_at, now(), place)
        interview.scheduled_at, interview.place = _utc(data.scheduled_at), place
        cmd.fire("reschedule", scheduled_at=data.scheduled_at, place=place, now=now())
        db.session.flush()
        # Numbered at the first schedule; a move keeps the number and redraws the time and place.
        documents.revise(actor, DocumentKind.interview_notice, interview)
        _notify_schedule(interview)
        _settle_schedule(cmd)
    return cmd.row


def hold(actor: Actor, interview_id: int, data: InterviewRecord, precondition: Precondition | None = None) -> Interview:
    """Record the interview: minutes, commitments and the new deadline, which the linked ticket adopts."""
    with INTERVIEWS.command(actor, interview_id, "hold", precondition, side=_require_interviewer) as cmd:
        interview = cmd.row
        check_hold_time(interview.scheduled_at, now())
        interview.held_at, interview.minutes = now(), data.minutes
        interview.commitments, interview.new_deadline = list(data.commitments), data.new_deadline
        cmd.fire(
            "hold",
            minutes=data.minutes,
            commitments=data.commitments,
            new_deadline=data.new_deadline,
            today=today(),
        )
        cmd.settle()  # the interview's record first, then what its subject does with the new deadline
        subject = SUBJECTS.get(interview.subject_type)
        if subject is not None and subject.on_held is not None:
            subject.on_held(actor, interview)
        _settle_schedule(cmd)
    return cmd.row


def follow_up(actor: Actor, interview_id: int, note: str, precondition: Precondition | None = None) -> Interview:
    with INTERVIEWS.command(actor, interview_id, "follow_up", precondition, side=_require_interviewer) as cmd:
        interview = cmd.row
        interview.follow_up_note = note
        cmd.fire("follow_up", note, follow_up_note=note)
    return cmd.row


def close(
    actor: Actor, interview_id: int, comment: str | None = None, precondition: Precondition | None = None
) -> Interview:
    with INTERVIEWS.command(actor, interview_id, "close", precondition, side=_require_interviewer) as cmd:
        interview = cmd.row
        interview.closed_at = now()
        cmd.fire("close", comment)
    return cmd.row


def cancel(actor: Actor, interview_id: int, reason: str, precondition: Precondition | None = None) -> Interview:
    with INTERVIEWS.command(actor, interview_id, "cancel", precondition, side=_require_interviewer) as cmd:
        interview = cmd.row
        interview.cancel_reason = reason
        cmd.fire("cancel", reason, reason=reason)
        about = _about(interview)
        notifications.notify(
            notifications.users_of(interview.jurisdiction_id, Role.handler),
            "interview.cancelled",
            f"约谈已取消：{_short(about)} — {interview.responsible_person}",
            reason,
            WORKFLOW,
            interview.id,
            subject=about,
        )
        _settle_schedule(cmd)
    return cmd.row
