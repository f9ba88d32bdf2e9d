"""Party-building instructors (党建指导员): profiles, assignments to units, visit logs — the service side of
workflows.instructors (INSTRUCTOR_ASSIGNMENT).

An assignment is a row per (instructor, unit, period): assigning adds rows, releasing and reassigning close them,
so the rows are the history. `ledger_units.instructor_id` mirrors the active row and is set in the same
transaction, whichever way the change came: these commands, or a ledger write naming an instructor (the unit API
or the Excel import), which `on_ledger_change` turns into an assignment through the same rules, cap included
(docs/decisions/0049-instructor-assignments-own-the-ledger-column.md)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select

from service.auth import Actor, in_scope
from service.calendar import calendar
from service.clock import CHINA, now, today
from service.config import rule_settings
from service.db import transaction
from service.errors import Forbidden
from service.extensions import db
from service.models import Jurisdiction, Role, Unit, User
from service.models.base import snapshot
from service.models.instructor import InstructorAssignment, InstructorProfile, VisitLog
from service.operations.common import Precondition, get_scoped, streamed
from service.operations.engines import attachments, audit, escalation, notifications, webhooks
from service.operations.engines.command import Subject
from service.operations.flows.instructors import preparation
from service.operations.reference import ledger_events, units
from service.operations.reference.ledger_events import UnitChange
from service.roles import of
from workflows import deadlines
from workflows import instructors as rules
from workflows.errors import Conflict, RuleViolation
from workflows.instructors import (
    INSTRUCTOR_ASSIGNMENT,
    Assign,
    AssignmentState,
    NewVisit,
    Profile,
    ReleaseReason,
)
from workflows.workdays import WorkdayCalendar

WORKFLOW = INSTRUCTOR_ASSIGNMENT.name
ASSIGNMENTS = Subject(InstructorAssignment, INSTRUCTOR_ASSIGNMENT)
ACTIVE = AssignmentState.ACTIVE


def settings() -> rules.InstructorSettings:
    """The cap in force (INSTRUCTOR_ASSIGNMENT_SETTINGS)."""
    settings: rules.InstructorSettings = rule_settings(WORKFLOW)
    return settings


def visit_interval() -> int:
    """Working days an assignment may go without a logged visit (ESCALATION_SETTINGS.instructor_assignment)."""
    return escalation.settings().for_item(WORKFLOW).parameter("visit_interval_workdays")


# -- profiles ------------------------------------------------------------------------------------------------------


def _instructor(actor: Actor, user_id: int, *, lock: bool = False) -> User:
    """An active instructor in the actor's scope (out of scope: 404; not an instructor: 422)."""
    user = get_scoped(User, user_id, actor, for_update=lock)
    if user.role != Role.instructor or not user.active:
        raise RuleViolation("not_an_instructor", "该用户不是在职的党建指导员", field="instructor_id")
    return user


def put_profile(actor: Actor, user_id: int, data: Profile) -> InstructorProfile:
    """Create or change an instructor's profile (专职/兼职, 派出单位, 联系电话)."""
    with transaction():
        user = _instructor(actor, user_id)
        profile = db.session.get(InstructorProfile, user.id, with_for_update={"of": InstructorProfile})
        changes = asdict(data)
        rules.check_phone(data.phone)
        if profile is None:
            profile = InstructorProfile(user_id=user.id, **changes)
            db.session.add(profile)
            before = None
        else:
            before = snapshot(profile)
            for key, value in changes.items():
                setattr(profile, key, value)
        db.session.flush()
        old, new = audit.changed(before or {}, snapshot(profile))
        audit.record(actor, "instructor.profile", "user", user.id, user.jurisdiction_id, old or None, new)
        return profile


# -- reading -------------------------------------------------------------------------------------------------------


def get(actor: Actor, assignment_id: int) -> InstructorAssignment:
    return get_scoped(InstructorAssignment, assignment_id, actor)


def query(actor: Actor, f: dict[str, Any]) -> Select[Any]:
    a = InstructorAssignment
    stmt = in_scope(select(a), a.jurisdiction_id, actor)
    for key in ("state", "instructor_id", "unit_id"):
        if f.get(key) is not None:
            stmt = stmt.where(getattr(a, key) == f[key])
    if f.get("overdue"):
        stmt = stmt.where(a.state == ACTIVE, a.escalation_level.is_not(None))
    if f.get("jurisdiction_id"):
        body = get_scoped(Jurisdiction, f["jurisdiction_id"], actor, "id")
        below = select(Jurisdiction.id).where(Jurisdiction.path.startswith(body.path, autoescape=True))
        stmt = stmt.where(a.jurisdiction_id.in_(below))
    return stmt.order_by(a.state, a.id.desc())


def names(rows: Iterable[InstructorAssignment]) -> tuple[dict[int, str], dict[int, str]]:
    """Unit names and instructors' display names of a page of assignments: two queries."""
    rows = list(rows)
    unit_ids = {r.unit_id for r in rows}
    user_ids = {r.instructor_id for r in rows}
    unit_names = {i: n for i, n in db.session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(unit_ids)))}
    people = {i: n for i, n in db.session.execute(select(User.id, User.display_name).where(User.id.in_(user_ids)))}
    return unit_names, people


def export_rows(actor: Actor, f: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The assignments of the list's filters with the unit, the body, the instructor and their profile, in one
    streamed query (the .xlsx export). The statement is built (and its filters checked) before the first row."""
    a = InstructorAssignment
    listed = query(actor, f).subquery()
    stmt: Any = (
        select(
            a,
            Unit.name.label("unit_name"),
            Unit.credit_code,
            Jurisdiction.name.label("jurisdiction"),
            User.display_name.label("instructor"),
            InstructorProfile.employment,
            InstructorProfile.home_unit,
            InstructorProfile.phone,
        )
        .join(listed, listed.c.id == a.id)
        .join(Unit, Unit.id == a.unit_id)
        .join(Jurisdiction, Jurisdiction.id == a.jurisdiction_id)
        .join(User, User.id == a.instructor_id)
        .outerjoin(InstructorProfile, InstructorProfile.user_id == a.instructor_id)
        .order_by(Jurisdiction.path, Unit.name, a.id)
    )
    return _export_stream(stmt)


def _export_stream(stmt: Select[Any]) -> Iterator[dict[str, Any]]:
    for row in streamed(stmt):
        a = row[0]
        yield {
            **row._mapping,
            "state": INSTRUCTOR_ASSIGNMENT.state_label(a.state),
            "liaison": "是" if a.liaison else "",
            "assigned_on": a.assigned_on,
            "last_visit_on": a.last_visit_on,
            "released_on": a.released_on,
            "release_reason": rules.RELEASE_LABELS.get(a.release_reason or "", ""),
            "employment": rules.EMPLOYMENT_LABELS.get(row.employment or "", ""),
        }


def visit_due(a: InstructorAssignment, cal: WorkdayCalendar | None = None) -> date | None:
    if a.state != ACTIVE:
        return None
    return rules.visit_due_on(a.last_visit_on, a.assigned_on, visit_interval(), cal or calendar())


def visits_query(actor: Actor, assignment_id: int) -> Select[Any]:
    """The visit log of an assignment in scope (out of scope: 404), the latest first."""
    a = get(actor, assignment_id)
    return (
        select(VisitLog).where(VisitLog.assignment_id == a.id).order_by(VisitLog.visited_on.desc(), VisitLog.id.desc())
    )


def visits(actor: Actor, assignment_id: int) -> list[VisitLog]:
    return list(db.session.execute(visits_query(actor, assignment_id)).scalars())


def recent_visits(actor: Actor, instructor_id: int, limit: int = 20) -> list[VisitLog]:
    """An instructor's latest visits within the actor's scope, on every unit they served (the instructor's page)."""
    stmt = _visit_scope(select(VisitLog), actor).where(VisitLog.instructor_id == instructor_id)
    return list(
        db.session.execute(stmt.order_by(VisitLog.visited_on.desc(), VisitLog.id.desc()).limit(limit)).scalars()
    )


def instructors(actor: Actor, f: dict[str, Any]) -> list[dict[str, Any]]:
    """The instructors of the actor's scope with their load: units served, overdue visits, the cap, flags
    (over the cap, no unit, overdue visits); `status` keeps one kind. Three queries, whatever the count."""
    a = InstructorAssignment
    stmt = in_scope(select(User), User.jurisdiction_id, actor).where(User.role == Role.instructor, User.active)
    people = list(db.session.execute(stmt.order_by(User.display_name, User.id)).scalars())
    ids = [u.id for u in people]
    loads: dict[int, tuple[int, int]] = {}
    if ids:
        rows = db.session.execute(
            select(
                a.instructor_id,
                func.count(a.id),
                func.count(a.id).filter(a.escalation_level.is_not(None)),
            )
            .where(a.instructor_id.in_(ids), a.state == ACTIVE)
            .group_by(a.instructor_id)
        )
        loads = {i: (int(n), int(late)) for i, n, late in rows}
    profiles = (
        {
            p.user_id: p
            for p in db.session.execute(select(InstructorProfile).where(InstructorProfile.user_id.in_(ids))).scalars()
        }
        if ids
        else {}
    )
    cap = settings().max_units_per_instructor
    out = []
    for u in people:
        serving, overdue = loads.get(u.id, (0, 0))
        flags = [
            name
            for name, on in (("over_cap", serving > cap), ("no_units", serving == 0), ("overdue_visits", overdue > 0))
            if on
        ]
        if f.get("status") and f["status"] not in flags:
            continue
        out.append(
            {
                "user": u,
                "profile": profiles.get(u.id),
                "serving": serving,
                "overdue": overdue,
                "cap": cap,
                "flags": flags,
            }
        )
    return out


def instructor(actor: Actor, user_id: int) -> dict[str, Any]:
    user = get_scoped(User, user_id, actor)
    if user.role != Role.instructor:
        raise RuleViolation("not_an_instructor", "该用户不是党建指导员", field="user_id")
    found = [i for i in instructors(actor, {}) if i["user"].id == user.id]
    entry = found[0] if found else {"user": user, "profile": None, "serving": 0, "overdue": 0, "flags": []}
    entry["cap"] = settings().max_units_per_instructor
    entry["assignments"] = list(
        db.session.execute(
            select(InstructorAssignment)
            .where(InstructorAssignment.instructor_id == user.id)
            .order_by(InstructorAssignment.state, InstructorAssignment.id.desc())
        ).scalars()
    )
    return entry


def guidance_counts(actor: Actor, jurisdiction_id: int | None = None) -> dict[str, int]:
    """For the supervision board: in-scope units without an organisation and without guidance (no instructor),
    active assignments whose visit is overdue (on the ladder), and open preparation items, late ones apart.
    One statement of four scalar subqueries over the actor's scope (or a body's subtree)."""
    from service.models.instructor import PreparationItem

    body = get_scoped(Jurisdiction, jurisdiction_id, actor, "id") if jurisdiction_id is not None else None

    def within(stmt: Select[Any], column: Any) -> Any:
        stmt = in_scope(stmt, column, actor)
        if body is not None:
            stmt = stmt.where(column.in_(select(Jurisdiction.id).where(Jurisdiction.path.startswith(body.path))))
        return stmt.scalar_subquery()

    a, p = InstructorAssignment, PreparationItem
    figures: Any = db.session.execute(
        select(
            within(
                select(func.count(Unit.id)).where(
                    Unit.in_scope,
                    Unit.party_org_id.is_(None),
                    Unit.instructor_id.is_(None),
                    Unit.deregistered_at.is_(None),
                ),
                Unit.jurisdiction_id,
            ),
            within(
                select(func.count(a.id)).where(a.state == ACTIVE, a.escalation_level.is_not(None)), a.jurisdiction_id
            ),
            within(select(func.count(p.id)).where(p.state == "open"), p.jurisdiction_id),
            within(
                select(func.count(p.id)).where(p.state == "open", p.escalation_level.is_not(None)), p.jurisdiction_id
            ),
        )
    ).one()
    keys = ("units_without_guidance", "overdue_visits", "open_preparation_items", "overdue_preparation_items")
    return {k: int(v) for k, v in zip(keys, figures, strict=True)}


# -- assigning and releasing ---------------------------------------------------------------------------------------


def _locked_units(actor: Actor, unit_ids: Sequence[int]) -> list[Unit]:
    """The units in scope, locked (any missing or out of scope: 404, like one)."""
    return [get_scoped(Unit, i, actor, for_update=True) for i in unit_ids]


def _active_of_units(unit_ids: Iterable[int]) -> dict[int, InstructorAssignment]:
    ids = list(unit_ids)
    if not ids:
        return {}
    a = InstructorAssignment
    found = db.session.execute(select(a).where(a.unit_id.in_(ids), a.state == ACTIVE).with_for_update(of=a)).scalars()
    return {r.unit_id: r for r in found}


def _serving(instructor_id: int) -> int:
    a = InstructorAssignment
    return int(
        db.session.execute(
            select(func.count(a.id)).where(a.instructor_id == instructor_id, a.state == ACTIVE)
        ).scalar_one()
    )


def assign(actor: Actor, data: Assign) -> list[InstructorAssignment]:
    """Assign an instructor to one unit or several in scope without an organisation, within the cap. A unit
    served by another instructor is reassigned (the other's row is released, reason 改派他人)."""
    if not data.unit_ids:
        raise RuleViolation("unit_ids_required", "请选择至少一个单位", field="unit_ids")
    with transaction():
        user = _instructor(actor, data.instructor_id, lock=True)  # serialises assignments of one instructor
        locked = _locked_units(actor, data.unit_ids)
        for unit in locked:
            rules.check_assignable(_facts(unit))
            units.check_instructor(user, unit.jurisdiction.path)
        return _assign(actor, user, locked, data.liaison)


def _facts(unit: Unit) -> rules.UnitFacts:
    return rules.UnitFacts(unit.name, unit.in_scope, unit.party_org_id is not None, unit.deregistered_at is not None)


def _assign(
    actor: Actor, user: User, locked: list[Unit], liaison: bool, *, from_ledger: bool = False
) -> list[InstructorAssignment]:
    current = _active_of_units(u.id for u in locked)
    already = [u for u in locked if current.get(u.id) is not None and current[u.id].instructor_id == user.id]
    if already and not from_ledger:
        raise Conflict("already_assigned", f"单位「{already[0].name}」已由该指导员联系", "unit_ids")
    adding = [u for u in locked if u not in already]
    rules.check_cap(_serving(user.id), len(adding), settings())
    on = today()
    created = []
    for unit in adding:
        previous = current.get(unit.id)
        if previous is not None:
            _close(actor, previous, ReleaseReason.REASSIGNED, f"改派{user.display_name}")
        row = InstructorAssignment(
            state=INSTRUCTOR_ASSIGNMENT.initial,
            unit_id=unit.id,
            instructor_id=user.id,
            jurisdiction_id=unit.jurisdiction_id,
            liaison=liaison,
            assigned_on=on,
            assigned_by=actor.username,
        )
        db.session.add(row)
        created.append(row)
        if not from_ledger:  # a ledger write set the column (and audited it) itself
            before = unit.instructor_id
            unit.instructor_id = user.id
            audit.record(
                actor,
                "unit.instructor",
                "unit",
                unit.id,
                unit.jurisdiction_id,
                {"instructor_id": before},
                {"instructor_id": user.id},
            )
    db.session.flush()
    cal = calendar()
    for row in created:
        escalation.replan(WORKFLOW, row, cal)
        audit.record(actor, f"{WORKFLOW}.assign", WORKFLOW, row.id, row.jurisdiction_id, None, snapshot(row))
        webhooks.publish_at(
            f"{WORKFLOW}.assigned",
            {"id": row.id, "unit_id": row.unit_id, "instructor_id": row.instructor_id, "liaison": row.liaison},
            row.jurisdiction_id,
        )
    preparation.instructor_assigned([r.unit_id for r in created], on)
    db.session.flush()
    return created


def _close(actor: Actor, row: InstructorAssignment, reason: str, comment: str | None = None) -> None:
    """Release a locked active row (the closing of the command path on a row already held)."""
    with ASSIGNMENTS.applying(actor, row) as cmd:
        cmd.fire("release", comment)
        row.released_on, row.release_reason = today(), reason
    webhooks.publish_at(
        f"{WORKFLOW}.released",
        {"id": row.id, "unit_id": row.unit_id, "instructor_id": row.instructor_id, "reason": reason},
        row.jurisdiction_id,
    )


def release(
    actor: Actor, assignment_id: int, reason: str | None, precondition: Precondition | None = None
) -> InstructorAssignment:
    """The body ends an assignment (解除选派): the unit has no instructor until another is assigned."""
    with ASSIGNMENTS.command(actor, assignment_id, "release", precondition) as cmd:
        row = cmd.row
        cmd.fire("release", reason)
        row.released_on, row.release_reason = today(), ReleaseReason.RELEASED
        unit = db.session.get(Unit, row.unit_id, with_for_update={"of": Unit})
        if unit is not None and unit.instructor_id == row.instructor_id:
            unit.instructor_id = None
            audit.record(
                actor,
                "unit.instructor",
                "unit",
                unit.id,
                unit.jurisdiction_id,
                {"instructor_id": row.instructor_id},
                {"instructor_id": None},
                reason,
            )
        webhooks.publish_at(
            f"{WORKFLOW}.released",
            {"id": row.id, "unit_id": row.unit_id, "instructor_id": row.instructor_id, "reason": "released"},
            row.jurisdiction_id,
        )
    return cmd.row


def adopt_ledger(actor: Actor) -> int:
    """Record an assignment for every unit whose ledger names an instructor without one (a ledger kept before
    assignments were recorded: `flask ledger adopt-instructors` once after upgrading; the demo city). Existing
    facts, so no cap is applied; a unit with an organisation is adopted as 联络员; the assignment dates from the
    unit row's last write (the latest day the ledger is known to have named the instructor), so a visit overdue
    since then is overdue at once. Idempotent: returns how many were recorded."""
    a = InstructorAssignment
    with transaction():
        served = select(a.unit_id).where(a.state == ACTIVE)
        found = db.session.execute(
            select(Unit).where(Unit.instructor_id.is_not(None), Unit.id.not_in(served)).with_for_update(of=Unit)
        ).scalars()
        on, cal = today(), calendar()
        rows = [
            InstructorAssignment(
                state=INSTRUCTOR_ASSIGNMENT.initial,
                unit_id=u.id,
                instructor_id=u.instructor_id,
                jurisdiction_id=u.jurisdiction_id,
                liaison=u.party_org_id is not None,
                assigned_on=min(on, u.updated_at.astimezone(CHINA).date()),
                assigned_by=actor.username,
            )
            for u in found
        ]
        db.session.add_all(rows)
        db.session.flush()
        for row in rows:
            escalation.replan(WORKFLOW, row, cal)
            audit.record(actor, f"{WORKFLOW}.adopt", WORKFLOW, row.id, row.jurisdiction_id, None, snapshot(row))
        preparation.instructor_assigned([r.unit_id for r in rows], on)
        return len(rows)


# -- the visit log -------------------------------------------------------------------------------------------------


# Files an instructor may attach to a visit they logged (附件 of the visit log).
VISIT_SUBJECT = "instructor_visit"
VISIT_ATTACHMENT_KINDS = {"photo": "走访照片", "record": "工作记录", "other": "其他"}


def _visit_scope(stmt: Select[Any], actor: Actor) -> Select[Any]:
    """A visit within the actor's jurisdiction; an instructor sees only the visits they logged themselves (the
    photos and notes of a unit are the instructor's and the body's business, not a fellow instructor's)."""
    stmt = in_scope(stmt, VisitLog.jurisdiction_id, actor)
    if actor.role == Role.instructor:
        stmt = stmt.where(VisitLog.instructor_id == actor.user_id)
    return stmt


def get_visit(actor: Actor, visit_id: int, *, for_update: bool = False) -> VisitLog:
    """One visit in the actor's scope (the attachments engine's getter; out of scope: 404, as missing)."""
    return get_scoped(VisitLog, visit_id, actor, for_update=for_update, scope=_visit_scope)


def _check_may_log(actor: Actor, row: InstructorAssignment, visited_on: date) -> None:
    if row.instructor_id != actor.user_id:
        raise Forbidden("只能为本人联系的单位记录走访")
    if row.state != ACTIVE:
        raise Conflict("assignment_released", "该选派已解除，不能再记录走访")
    rules.check_visit_date(visited_on, today(), row.assigned_on)


def log_visit(
    actor: Actor,
    assignment_id: int,
    data: NewVisit,
    precondition: Precondition | None = None,
    upload: attachments.Upload | None = None,
) -> VisitLog:
    """An instructor logs a visit or guidance on a unit they serve (their own active assignment only), with an
    optional file: checked first (every refusal of the attachments engine, in Chinese), then the visit and the
    file written in one transaction, so a refused file leaves no visit and a refused visit no file."""
    if data.kind not in set(rules.VisitKind):
        raise RuleViolation("visit_kind_invalid", "走访类型不正确", field="kind")
    if upload is None:
        return _log_visit(actor, assignment_id, data, precondition, None)
    _check_may_log(actor, get(actor, assignment_id), data.visited_on)  # 404 / 403 / 409 / 422 before the file
    with attachments.checked_file(
        actor, VISIT_SUBJECT, kind=upload.kind, filename=upload.filename, stream=upload.stream
    ) as checked:
        return _log_visit(actor, assignment_id, data, precondition, checked)


def _log_visit(
    actor: Actor,
    assignment_id: int,
    data: NewVisit,
    precondition: Precondition | None,
    checked: attachments.Checked | None,
) -> VisitLog:
    with ASSIGNMENTS.command(actor, assignment_id, precondition=precondition) as cmd:
        row = cmd.row
        _check_may_log(actor, row, data.visited_on)
        visit = VisitLog(
            assignment_id=row.id,
            unit_id=row.unit_id,
            instructor_id=row.instructor_id,
            jurisdiction_id=row.jurisdiction_id,
            visited_on=data.visited_on,
            kind=data.kind,
            done=data.done,
            next_step=data.next_step,
            created_at=now(),
        )
        db.session.add(visit)
        cmd.detail = {"visited_on": data.visited_on.isoformat(), "kind": data.kind}
        if checked is not None:
            # The visit's id for the file, flushed before the assignment changes (its one UPDATE at the close).
            db.session.flush()
            attached = attachments.attach_checked(actor, visit, checked)
            cmd.detail["attachment_id"] = attached.id
        if row.last_visit_on is None or data.visited_on > row.last_visit_on:
            row.last_visit_on = data.visited_on
        cmd.record("visit", f"{rules.VISIT_KIND_LABELS[data.kind]}：{data.done}")
        preparation.visited(row.unit_id, data.visited_on)
    return visit


# -- the ledger: what a unit write means for its instructor --------------------------------------------------------


def on_ledger_change(actor: Actor, changes: Sequence[UnitChange]) -> None:
    """A ledger write (API, import, the founding) in its own transaction, set-based over the batch:
    - instructor_id written: recorded as an assignment through the rules (cap included) or a release;
    - an organisation founded: the instructor released, unless the assignment continues as 联络员;
    - the unit left scope or was deregistered: the instructor released.
    Then the preparation items follow (synchronisation 1)."""
    named = [
        c for c in changes if (c.after.get("instructor_id") is not None if c.created else c.moved("instructor_id"))
    ]
    founded = [c for c in changes if c.before and c.before.get("party_org_id") is None and c.after.get("party_org_id")]
    gone = [c for c in changes if c.before and c.before.get("in_scope") and not c.after.get("in_scope")]
    if named:
        _ledger_named(actor, named)
    ends = [(c, ReleaseReason.FOUNDED) for c in founded] + [(c, ReleaseReason.LEFT_SCOPE) for c in gone]
    ends = [(c, reason) for c, reason in ends if c.after.get("instructor_id") is not None]
    if ends:
        _ledger_ends(actor, ends)
    preparation.on_ledger_change(actor, changes)


def _ledger_named(actor: Actor, changes: list[UnitChange]) -> None:
    current = _active_of_units(c.unit_id for c in changes)
    for c in changes:
        new_id = c.after.get("instructor_id")
        row = current.get(c.unit_id)
        if new_id is None:
            if row is not None:
                _close(actor, row, ReleaseReason.RELEASED, "台账清除了党建指导员")
            continue
        if row is not None and row.instructor_id == new_id:
            continue
        user = db.session.get(User, new_id)
        unit = db.session.get(Unit, c.unit_id)
        assert user is not None and unit is not None  # the ledger checked the instructor and wrote the unit
        if unit.party_org_id is not None or not unit.in_scope:
            continue  # the column may name an instructor kept on a covered unit; there is nothing to follow
        try:
            _assign(actor, user, [unit], liaison=False, from_ledger=True)
        except RuleViolation as exc:
            # On the ledger's field, naming the unit: an import refuses the whole file with this message.
            message = f"单位「{unit.name}」：{exc.message}"
            raise RuleViolation(exc.code, message, field="instructor_id", detail=exc.detail) from exc


def _ledger_ends(actor: Actor, ends: list[tuple[UnitChange, ReleaseReason]]) -> None:
    current = _active_of_units(c.unit_id for c, _ in ends)
    for c, reason in ends:
        row = current.get(c.unit_id)
        if row is None or (reason == ReleaseReason.FOUNDED and row.liaison):
            continue  # a liaison (联络员) stays on the founded unit
        _close(actor, row, reason, rules.RELEASE_LABELS[reason])
        unit = db.session.get(Unit, c.unit_id)
        if unit is not None and unit.instructor_id == row.instructor_id:
            unit.instructor_id = None
            audit.record(
                actor,
                "unit.instructor",
                "unit",
                unit.id,
                unit.jurisdiction_id,
                {"instructor_id": row.instructor_id},
                {"instructor_id": None},
                rules.RELEASE_LABELS[reason],
            )


# -- escalation: what this workflow registers ----------------------------------------------------------------------


def _escalation_deadline(a: InstructorAssignment, cal: WorkdayCalendar) -> date | None:
    """Active: the ladder runs from the day the next visit is due."""
    return visit_due(a, cal)


def _notify(a: InstructorAssignment, level: str, _on: date) -> None:
    """Effect "notify": 催办 to the instructor; 预警 to the body's handlers and supervisors."""
    unit_name = db.session.execute(select(Unit.name).where(Unit.id == a.unit_id)).scalar_one()
    label = deadlines.LEVEL_LABELS.get(level, level)
    title = f"{label}：联系单位「{unit_name}」已超过{visit_interval()}个工作日未记录走访"
    if level == "reminder":
        recipients: list[int] = [a.instructor_id]
    else:
        recipients = notifications.users_of(a.jurisdiction_id, Role.handler, Role.supervisor)
    notifications.notify(recipients, f"escalation.{level}", title, None, WORKFLOW, a.id, subject=unit_name)
    webhooks.publish_at(
        f"escalation.{level}",
        {
            "item_type": WORKFLOW,
            "item_id": a.id,
            "level": level,
            "unit_id": a.unit_id,
            "instructor_id": a.instructor_id,
        },
        a.jurisdiction_id,
    )


def register() -> None:
    """Assignments without a recent visit escalate; ledger writes reach the assignments and preparation items.
    Called once by service.operations.registry."""
    escalation.register(
        escalation.ItemType(
            WORKFLOW,
            InstructorAssignment,
            lambda a: (WORKFLOW, a.id),
            _escalation_deadline,
            lambda a: None,
            lambda a: a.jurisdiction_id,
            {"notify": _notify},
        )
    )
    ledger_events.subscribe(on_ledger_change)
    # A visit takes files (走访照片, 工作记录): the workflow's readers read them within the visit's scope, the
    # instructor who logged it adds and withdraws them (the scope narrows instructors to their own visits).
    attachments.register_subject(
        attachments.Subject(
            VISIT_SUBJECT,
            get_visit,
            VISIT_ATTACHMENT_KINDS,
            of(WORKFLOW, "log"),
            of(WORKFLOW, "read"),
        )
    )
