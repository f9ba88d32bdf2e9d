"""Establishment cases: the service side of workflows.establishment.

The rules decide (check_request, check_founding…); this module loads the facts, locks the case row,
fires the shared state machine, persists the result and writes the audit trail, in one transaction."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from flask import current_app
from sqlalchemy import Select, delete, select, update
from sqlalchemy.orm import lazyload

from service import config_cache
from service.auth import Actor, in_scope
from service.clock import CHINA, now, today
from service.db import transaction
from service.documents.kinds import DocumentKind
from service.errors import Forbidden, NotFound
from service.extensions import db
from service.models import ApprovalStep, EstablishmentCase, EstablishmentCaseUnit, Jurisdiction, PartyOrg, Role, Unit
from service.models.base import snapshot
from service.operations.common import Precondition, get_scoped, insert_new, order_by_keys, store
from service.operations.engines import (
    approval_forms,
    approvals,
    attachments,
    audit,
    copies,
    documents,
    escalation,
    interviews,
    notifications,
    webhooks,
)
from service.operations.engines.command import Subject
from service.operations.reference import jurisdictions, ledger_events
from service.roles import (
    APPLICANT_PROXIES,
    CASE_APPLICANTS,
    CASE_ATTACHMENT_READERS,
    CASE_ATTACHMENT_WRITERS,
    CASE_CANCELLERS,
    CASE_COPIERS,
)
from service.vocab import CASE_SORT_KEYS as SORT_KEYS
from workflows import deadlines
from workflows import establishment as rules
from workflows.approval import StepStatus
from workflows.errors import Conflict, RuleViolation
from workflows.establishment import ESTABLISHMENT, CaseChanges, EstablishmentState, FoundingMeeting, NewCase, OrgForm
from workflows.ledger import OperatingStatus
from workflows.workdays import WorkdayCalendar

WORKFLOW = ESTABLISHMENT.name
# The files a case takes (附件): value -> label.
ATTACHMENT_KINDS = {"request": "请示", "roster": "花名册", "minutes": "会议记录", "reply_scan": "批复扫描件"}
CASES = Subject(EstablishmentCase, ESTABLISHMENT, loader=lambda actor, ident: get(actor, ident, for_update=True))
OPEN_STATES = (
    EstablishmentState.PREPARING,
    EstablishmentState.SUBMITTED,
    EstablishmentState.RETURNED,
    EstablishmentState.APPROVED,
)
EDITABLE = (
    "proposed_name",
    "proposed_secretary",
    "proposed_committee_size",
    "branch_oversize_reason",
    "request_text",
    "roster",
)


def settings() -> rules.EstablishmentSettings:
    """The establishment rules in force (ESTABLISHMENT_SETTINGS, MAX_JOINT_UNITS, …)."""
    return current_app.config["SETTINGS"].establishment


# -- reading ---------------------------------------------------------------------------------------------------


def _visible(stmt: Select[Any], actor: Actor) -> Select[Any]:
    """Cases in the actor's subtree; a portal (one enterprise's or organisation's system) only those it filed."""
    stmt = in_scope(stmt, EstablishmentCase.jurisdiction_id, actor)
    if actor.role == Role.portal:
        stmt = stmt.where(EstablishmentCase.applicant_id == actor.user_id)
    return stmt


def get(actor: Actor, case_id: int, *, for_update: bool = False) -> EstablishmentCase:
    return get_scoped(EstablishmentCase, case_id, actor, for_update=for_update, scope=_visible)


def query(actor: Actor, f: dict[str, Any]) -> Select[EstablishmentCase]:
    stmt = _visible(select(EstablishmentCase), actor)
    if f.get("jurisdiction_id") is not None:
        root = jurisdictions.get(actor, f["jurisdiction_id"])
        stmt = stmt.where(EstablishmentCase.jurisdiction_id.in_(jurisdictions.subtree_ids(root)))
    for key in ("state", "form"):
        if f.get(key):
            stmt = stmt.where(getattr(EstablishmentCase, key) == f[key])
    if f.get("unit_id") is not None:
        stmt = stmt.where(
            EstablishmentCase.id.in_(
                select(EstablishmentCaseUnit.case_id).where(EstablishmentCaseUnit.unit_id == f["unit_id"])
            )
        )
    if f.get("q"):
        stmt = stmt.where(EstablishmentCase.proposed_name.contains(f["q"], autoescape=True))
    return order_by_keys(stmt, EstablishmentCase, f.get("sort"), SORT_KEYS, "-created_at")


def units_of(case_ids: list[int]) -> dict[int, list[Unit]]:
    out: dict[int, list[Unit]] = {i: [] for i in case_ids}
    if not case_ids:
        return out
    rows = db.session.execute(
        select(EstablishmentCaseUnit.case_id, Unit)
        .join(Unit, Unit.id == EstablishmentCaseUnit.unit_id)
        .where(EstablishmentCaseUnit.case_id.in_(case_ids))
        .order_by(Unit.id)
    ).all()
    for case_id, unit in rows:
        out[case_id].append(unit)
    return out


def summaries(case_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Inbox summaries for a page of tasks (one query)."""
    rows = db.session.execute(
        select(
            EstablishmentCase.id,
            EstablishmentCase.state,
            EstablishmentCase.form,
            EstablishmentCase.proposed_name,
            EstablishmentCase.formal_total,
            Jurisdiction.name,
        )
        .join(Jurisdiction, Jurisdiction.id == EstablishmentCase.jurisdiction_id)
        .where(EstablishmentCase.id.in_(case_ids))
    ).all()
    return {
        r.id: {
            "title": r.proposed_name,
            "state": r.state,
            "state_label": ESTABLISHMENT.state_label(r.state),
            "form": r.form,
            "form_label": rules.FORM_LABELS_ZH[OrgForm(r.form)],
            "formal_members": r.formal_total,
            "jurisdiction": r.name,
        }
        for r in rows
    }


def subject_labels(case_ids: list[int]) -> dict[int, str]:
    """Cases in words — their units and the form asked for — for notifications (one query)."""
    if not case_ids:
        return {}
    rows = db.session.execute(
        select(EstablishmentCase.id, EstablishmentCase.form, Unit.name)
        .join(EstablishmentCaseUnit, EstablishmentCaseUnit.case_id == EstablishmentCase.id)
        .join(Unit, Unit.id == EstablishmentCaseUnit.unit_id)
        .where(EstablishmentCase.id.in_(case_ids))
        .order_by(EstablishmentCase.id, Unit.id)
    ).all()
    names: dict[int, tuple[str, list[str]]] = {}
    for case_id, form, name in rows:
        names.setdefault(case_id, (form, []))[1].append(name)
    return {case_id: rules.request_subject(units, form) for case_id, (form, units) in names.items()}


# -- facts and checks ------------------------------------------------------------------------------------------


def _load_units(
    actor: Actor,
    unit_ids: list[int] | None = None,
    *,
    case_id: int | None = None,
    exclude_case: int | None = None,
    lock: bool = False,
) -> tuple[list[Unit], set[int]]:
    """The units (by id, or those linked to `case_id`), in the actor's scope, with the ids of those that are
    in another open case — one statement, locking the unit rows alone when asked."""
    if unit_ids is not None and len(set(unit_ids)) != len(unit_ids):
        raise RuleViolation("duplicate_units", "单位重复", "unit_ids")
    other = select(EstablishmentCaseUnit.unit_id).where(
        EstablishmentCaseUnit.unit_id == Unit.id,
        EstablishmentCaseUnit.open,  # ix_establishment_case_units_unit_open
    )
    if case_id is not None or exclude_case is not None:
        other = other.where(EstablishmentCaseUnit.case_id != (case_id or exclude_case))
    if case_id is not None:
        ids: Any = select(EstablishmentCaseUnit.unit_id).where(EstablishmentCaseUnit.case_id == case_id)
    else:
        ids = unit_ids
    stmt = in_scope(
        select(Unit, other.exists().label("busy")).where(Unit.id.in_(ids)), Unit.jurisdiction_id, actor
    ).order_by(Unit.id)
    if case_id is not None:
        # Only the units' own columns: the rules read their bodies from the configuration cache, and the case
        # already has its body (its jurisdiction row, eagerly joined, made the statement twice as wide).
        stmt = stmt.options(lazyload(Unit.jurisdiction))
    if lock:
        stmt = stmt.with_for_update(of=Unit, key_share=True).execution_options(populate_existing=True)
    rows = db.session.execute(stmt).all()
    found: list[Unit] = [r[0] for r in rows]
    if unit_ids is not None and len(found) != len(unit_ids):
        missing = sorted(set(unit_ids) - {u.id for u in found})
        raise NotFound(f"单位不存在或不在您的管辖范围内：{missing}")
    return found, {r[0].id for r in rows if r[1]}


def _facts(units: list[Unit], busy: set[int]) -> list[rules.UnitFacts]:
    counties = jurisdictions.county_ids([u.jurisdiction_id for u in units])
    return [
        rules.UnitFacts(
            unit_id=u.id,
            name=u.name,
            formal_members=u.formal_members,
            county_id=counties[u.jurisdiction_id] or 0,
            probationary_members=u.probationary_members,
            mobile_members=u.mobile_members,
            deregistered=u.operating_status == OperatingStatus.deregistered,
            has_party_org=u.party_org_id is not None,
            has_open_case=u.id in busy,
        )
        for u in units
    ]


def _lowest_common_body(units: list[Unit]) -> int:
    paths = [u.jurisdiction.ancestor_ids for u in units]
    common = paths[0]
    for p in paths[1:]:
        n = 0
        while n < min(len(common), len(p)) and common[n] == p[n]:
            n += 1
        common = common[:n]
    return common[-1]


def _check_roster(roster: list[dict[str, Any]] | None, units: list[Unit]) -> None:
    """A roster, when attached, must agree with the ledger: as many formal members as the units report."""
    if not roster:
        return
    unit_ids = {u.id for u in units}
    if any(m.get("unit_id") not in unit_ids for m in roster):
        raise RuleViolation("roster_unit_mismatch", "花名册中的党员所在单位须为本次申请的单位", "roster")
    formal = sum(1 for m in roster if m["member_type"] == "formal")
    expected = sum(u.formal_members for u in units)
    if formal != expected:
        raise RuleViolation("roster_mismatch", f"花名册正式党员{formal}名，与台账正式党员{expected}名不一致", "roster")


def _check(units: list[Unit], busy: set[int], form: str, reason: str | None) -> None:
    rules.check_request(_facts(units, busy), form, settings(), branch_oversize_reason=reason)


def _civil_date(moment: datetime | None) -> date:
    """The China civil date of a stored instant (the day a request was submitted, for the date rules)."""
    assert moment is not None  # a case under approval has been submitted
    return moment.astimezone(CHINA).date()


def _set_links(case: EstablishmentCase, units: list[Unit]) -> None:
    db.session.execute(
        delete(EstablishmentCaseUnit)
        .where(EstablishmentCaseUnit.case_id == case.id)
        .execution_options(synchronize_session=False)  # as the table-level DELETE it replaces
    )
    for u in units:
        db.session.add(EstablishmentCaseUnit(case_id=case.id, unit_id=u.id, open=True))
    db.session.flush()


def _close_links(case: EstablishmentCase) -> None:
    db.session.execute(update(EstablishmentCaseUnit).where(EstablishmentCaseUnit.case_id == case.id).values(open=False))


def _totals(case: EstablishmentCase, units: list[Unit]) -> None:
    case.formal_total = sum(u.formal_members for u in units)
    case.probationary_total = sum(u.probationary_members for u in units)
    case.mobile_total = sum(u.mobile_members for u in units)


def _publish(event: str, case: EstablishmentCase) -> None:
    """One of ESTABLISHMENT.webhook_events, to the webhooks of the case's jurisdiction and above."""
    webhooks.publish_at(
        event,
        {
            "id": case.id,
            "state": case.state,
            "form": case.form,
            "proposed_name": case.proposed_name,
            "jurisdiction_id": case.jurisdiction_id,
            "approval_doc_no": case.approval_doc_no,
            "approved_on": case.approved_on.isoformat() if case.approved_on else None,
            "founded_on": case.founded_on.isoformat() if case.founded_on else None,
            "party_org_id": case.party_org_id,
        },
        case.jurisdiction_id,  # the path from the configuration cache: no load of the jurisdiction row
    )


# -- commands --------------------------------------------------------------------------------------------------


def create(actor: Actor, data: NewCase) -> EstablishmentCase:
    with transaction():
        units, busy = _load_units(actor, data.unit_ids, lock=True)
        _check(units, busy, data.form, data.branch_oversize_reason)
        _check_roster(data.roster, units)
        body_id = _lowest_common_body(units)
        body = db.session.get(Jurisdiction, body_id)
        assert body is not None
        case = EstablishmentCase(
            state=ESTABLISHMENT.initial,
            form=data.form,
            jurisdiction_id=body_id,
            county_id=jurisdictions.county_of(body),
            applicant_id=actor.user_id,
            preparation_started_on=today(),
            **{k: getattr(data, k) for k in EDITABLE},
        )
        _totals(case, units)
        escalation.replan("establishment", case)
        db.session.add(case)
        db.session.flush()
        _set_links(case, units)
        audit.record(actor, "establishment.create", WORKFLOW, case.id, case.jurisdiction_id, None, snapshot(case))
    return case


def _require_editable(case: EstablishmentCase) -> None:
    if case.state not in (EstablishmentState.PREPARING, EstablishmentState.RETURNED):
        raise Conflict("case_not_editable", f"「{ESTABLISHMENT.state_label(case.state)}」状态的申请不能修改")


# Who may call each case endpoint (the API's role checks), by the API's action names. The approval decisions
# are taken on the case's tasks (roles.DECIDERS, approvals.reads.require_may_act).
ACTION_ROLES: dict[str, tuple[Role, ...]] = {
    "update": CASE_APPLICANTS,
    "submit": CASE_APPLICANTS,
    "withdraw": CASE_APPLICANTS,
    "found": CASE_APPLICANTS,
    "cancel": CASE_CANCELLERS,
}
# Commands that also require the applicant's side (they call _require_applicant_side).
APPLICANT_SIDE = ("update", "submit", "withdraw")


def _may(actor: Actor, case: EstablishmentCase, action: str) -> bool:
    """The role, side and state checks of the command behind `action`, without running it (input-dependent
    rules — the founding meeting's numbers, a reason — are left to the command)."""
    if actor.role not in ACTION_ROLES[action]:
        return False
    try:
        if action in APPLICANT_SIDE:
            _require_applicant_side(actor, case)
        if action == "update":
            _require_editable(case)
        else:
            ESTABLISHMENT.require(case.state, action)
    except (Forbidden, Conflict):
        return False
    return True


def allowed_actions(actor: Actor, case_list: list[EstablishmentCase]) -> dict[int, list[str]]:
    """What the actor may do now on each case, by the API's action names: the case's own endpoints
    (update, submit, withdraw, cancel, found) and the decisions on its pending approval step
    (approve / reject / return, or vote / return in committee-vote mode — via /tasks/{id}/decide or /vote)."""
    deciding = approvals.reads.decisions_open_to(actor, WORKFLOW, [c.id for c in case_list])
    return {c.id: [a for a in ACTION_ROLES if _may(actor, c, a)] + list(deciding.get(c.id, ())) for c in case_list}


def _require_applicant_side(actor: Actor, case: EstablishmentCase) -> None:
    """Withdraw and edit belong to the applicant (or an admin / the portal that filed for the unit)."""
    if actor.role == Role.admin or actor.user_id == case.applicant_id:
        return
    if actor.role in APPLICANT_PROXIES:
        return
    raise Forbidden("只有申请人可以执行此操作")


def update_case(
    actor: Actor, case_id: int, changes: CaseChanges, precondition: Precondition | None = None
) -> EstablishmentCase:
    with CASES.command(actor, case_id, precondition=precondition, side=_require_applicant_side) as cmd:
        case = cmd.row
        _require_editable(case)
        if "unit_ids" in changes:
            units, busy = _load_units(actor, changes["unit_ids"], exclude_case=case.id, lock=True)
        else:
            units, busy = _load_units(actor, case_id=case.id)
        form = changes.get("form", case.form)
        reason = changes.get("branch_oversize_reason", case.branch_oversize_reason)
        _check(units, busy, form, reason)
        _check_roster(changes.get("roster", case.roster), units)
        for key in (*EDITABLE, "form"):
            if key in changes:
                setattr(case, key, changes[key])
        if "unit_ids" in changes:
            case.jurisdiction_id = _lowest_common_body(units)
            _set_links(case, units)
        _totals(case, units)
        cmd.record("update")
    return cmd.row


def submit(actor: Actor, case_id: int, precondition: Precondition | None = None) -> EstablishmentCase:
    with CASES.command(actor, case_id, "submit", precondition, side=_require_applicant_side) as cmd:
        case = cmd.row
        units, busy = _load_units(actor, case_id=case.id, lock=True)
        _check(units, busy, case.form, case.branch_oversize_reason)
        _check_roster(case.roster, units)
        _totals(case, units)
        case.submitted_at, case.return_reason = now(), None
        cmd.fire("submit")
        cmd.settle()
        _open_level(actor, case, 0, rules.request_subject([u.name for u in units], case.form))
        if case.escalation_level is not None:  # reminded while in preparation: what they asked for is done
            notifications.settle(WORKFLOW, case.id, escalations=True, without_task=True)
    return cmd.row


def _level_body_id(case: EstablishmentCase, level_name: str) -> int:
    return case.county_id if level_name.startswith("county") and case.county_id else case.jurisdiction_id


def next_level_body(case: EstablishmentCase, level: int) -> str | None:
    """The name of the body deciding the level after `level` once it is approved; None when `level` is the
    last: its approval issues the reply (批复) and approves the case (see on_step_closed)."""
    chain = rules.approval_chain(case.form, settings())
    if level + 1 >= len(chain):
        return None
    return config_cache.place(_level_body_id(case, chain[level + 1])).name


def issues_reply(case: EstablishmentCase, step: ApprovalStep) -> bool:
    """Approving `step` issues the reply (批复文号 required, see on_step_closed): it is the last level."""
    return step.level + 1 >= len(rules.approval_chain(case.form, settings()))


def _open_level(actor: Actor, case: EstablishmentCase, level: int, subject: str | None = None) -> None:
    s = settings()
    level_name = rules.approval_chain(case.form, s)[level]
    body = config_cache.place(_level_body_id(case, level_name))
    approvals.acting.open_step(
        actor, WORKFLOW, case.id, case.jurisdiction_id, level, level_name, body, s.approval_due_working_days, subject
    )


def withdraw(
    actor: Actor, case_id: int, reason: str | None, precondition: Precondition | None = None
) -> EstablishmentCase:
    with CASES.command(actor, case_id, "withdraw", precondition, side=_require_applicant_side) as cmd:
        cmd.fire("withdraw", reason)
        cmd.row.closed_reason = reason
        approvals.acting.cancel_open_steps(WORKFLOW, case_id)
        notifications.settle(WORKFLOW, case_id)  # nothing about the case is left to do
        _close_links(cmd.row)
    return cmd.row


def cancel(actor: Actor, case_id: int, reason: str, precondition: Precondition | None = None) -> EstablishmentCase:
    with CASES.command(actor, case_id, "cancel", precondition) as cmd:
        cmd.fire("cancel", reason)
        cmd.row.closed_reason = reason
        approvals.acting.cancel_open_steps(WORKFLOW, case_id)
        notifications.settle(WORKFLOW, case_id)  # nothing about the case is left to do
        _close_links(cmd.row)
    return cmd.row


def on_step_closed(ev: approvals.handlers.StepClosed) -> None:
    """The approval engine decided a step of this case (the case row is locked with the step, by the engine):
    open the next level or move the case."""
    case: EstablishmentCase = ev.subject
    if ev.status is StepStatus.RETURNED:
        with CASES.applying(ev.actor, case) as cmd:
            case.return_reason = ev.comment
            cmd.fire("return_for_changes", ev.comment)
            case.preparation_started_on = today()  # back in preparation: its time limit starts again
    elif ev.status is StepStatus.REJECTED:
        with CASES.applying(ev.actor, case) as cmd:
            case.decision_reason, case.decided_at = ev.comment, now()
            cmd.fire("reject", ev.comment)
            _close_links(case)
    elif ev.step.level + 1 < len(rules.approval_chain(case.form, settings())):
        _open_level(ev.actor, case, ev.step.level + 1)
    else:
        doc_no = (ev.reply.approval_doc_no or "").strip()
        if not doc_no:
            raise RuleViolation("approval_doc_no_required", "最终批复须填写批复文号", "approval_doc_no")
        approved_on = ev.reply.approved_on or today()
        meeting_on = ev.reply.meeting_on
        rules.check_decision_dates(
            submitted_on=_civil_date(case.submitted_at), today=today(), meeting_on=meeting_on, approved_on=approved_on
        )
        with CASES.applying(ev.actor, case) as cmd:
            case.approval_doc_no = doc_no
            case.approved_on, case.approval_meeting_on = approved_on, meeting_on
            case.approving_body, case.decided_at = config_cache.place(ev.step.body_id).name, now()
            cmd.fire("approve", ev.comment)
        _publish("establishment.approved", case)


def found(
    actor: Actor, case_id: int, data: FoundingMeeting, precondition: Precondition | None = None
) -> EstablishmentCase:
    """Record the founding general meeting and create the party organisation: coverage changes at once."""
    s = settings()
    with CASES.command(actor, case_id, "found", precondition) as cmd:
        case = cmd.row
        units = _founding_units(actor, case)
        voters = _voters(case, units, data.entitled)
        meeting = rules.GeneralMeeting(
            held_on=data.held_on,
            entitled=data.entitled,
            present=data.present,
            secretary=data.secretary,
            elected=tuple(rules.Candidate(c.name, c.votes) for c in data.elected),
        )
        rules.check_founding_dates(
            held_on=meeting.held_on,
            today=today(),
            approved_on=case.approved_on,
            approval_meeting_on=case.approval_meeting_on,
            term_start=data.term_start,
        )
        term_years = rules.term_years_for(case.form, s)
        term_start: date = data.term_start or meeting.held_on
        _record_meeting(case, meeting, term_years, term_start)
        cmd.fire("found", founding=rules.Founding(meeting, voters, s, data.oversize_reason))
        org = _new_org(case, meeting, term_years, term_start)
        insert_new([org])  # INSERT … RETURNING id; then each row is written once, by its own UPDATE
        case.party_org_id = org.id
        covered = [(u, {"party_org_id": u.party_org_id, "no_org_reason": u.no_org_reason}) for u in units]
        befores = {u.id: snapshot(u) for u in units}
        for unit in units:
            unit.party_org_id, unit.no_org_reason = org.id, None
            store(unit)
        cmd.settle()
        _audit_coverage(actor, org, covered)
        # The founding is a ledger change too (五个同步): the units' instructors and preparation items follow.
        ledger_events.changed(actor, [ledger_events.UnitChange(u.id, befores[u.id], snapshot(u)) for u in units])
        _close_links(case)
        _publish("establishment.founded", case)
        db.session.flush()
    return cmd.row


def _founding_units(actor: Actor, case: EstablishmentCase) -> list[Unit]:
    """The case's units, locked, each still without an organisation and not deregistered."""
    units, _busy = _load_units(actor, case_id=case.id, lock=True)
    if any(u.party_org_id is not None for u in units):
        raise Conflict("unit_has_party_org", "已有单位建立了党组织，请核实后取消本申请")
    gone = next((u for u in units if u.operating_status == OperatingStatus.deregistered), None)
    if gone is not None:
        # A unit deregistered after the approval: no organisation may be founded for it (五个同步).
        raise RuleViolation("unit_deregistered", f"单位「{gone.name}」已注销，不能成立党组织", "unit_ids")
    return units


def _voters(case: EstablishmentCase, units: list[Unit], entitled: int) -> int:
    """Members entitled to vote at the founding; the meeting's entitled count may not exceed them."""
    voters = sum(u.formal_members for u in units)
    if case.form == OrgForm.FUNCTIONAL_ORG:
        # A functional organisation gathers the mobile members working there, so they vote at its founding.
        voters += sum(u.mobile_members for u in units)
    if entitled > voters:
        raise RuleViolation("entitled_exceeds_members", f"应到会人数{entitled}超过有表决权的党员数{voters}", "entitled")
    return voters


def _record_meeting(case: EstablishmentCase, meeting: rules.GeneralMeeting, term_years: int, term_start: date) -> None:
    case.general_meeting = {
        "held_on": meeting.held_on.isoformat(),
        "entitled": meeting.entitled,
        "present": meeting.present,
        "secretary": meeting.secretary,
        "elected": [{"name": c.name, "votes": c.votes} for c in meeting.elected],
    }
    case.founded_on, case.term_years = meeting.held_on, term_years
    case.term_due_on = rules.term_due_on(term_start, term_years)


def _new_org(case: EstablishmentCase, meeting: rules.GeneralMeeting, term_years: int, term_start: date) -> PartyOrg:
    return PartyOrg(
        name=case.proposed_name,
        kind=case.form,
        jurisdiction_id=case.jurisdiction_id,
        status="active",
        founded_on=meeting.held_on,
        approval_doc_no=case.approval_doc_no,
        approved_on=case.approved_on,
        secretary_name=meeting.secretary,
        committee_size=len(meeting.elected) if len(meeting.elected) > 1 else 0,
        term_years=term_years,
        term_start=term_start,
        term_due_on=case.term_due_on,
    )


def _audit_coverage(actor: Actor, org: PartyOrg, covered: list[tuple[Unit, dict[str, Any]]]) -> None:
    """The new organisation and each unit it covers, in the audit trail."""
    audit.record(actor, "party_org.create", "party_org", org.id, org.jurisdiction_id, None, snapshot(org))
    for unit, before in covered:
        audit.record(
            actor,
            "unit.covered",
            "unit",
            unit.id,
            unit.jurisdiction_id,
            before,
            {"party_org_id": org.id, "no_org_reason": None},
            f"建立{org.name}",
        )


def form_options(actor: Actor, unit_ids: list[int]) -> list[rules.FormOption]:
    """Which forms these units may ask for, and why (for the portal's request form)."""
    units, busy = _load_units(actor, unit_ids)
    return rules.assess_forms(_facts(units, busy), settings())


# -- escalation and interviews: what this workflow registers ----------------------------------------------------


def _escalation_deadline(c: EstablishmentCase, cal: WorkdayCalendar) -> date | None:
    """A case stuck in preparation escalates against its preparation deadline."""
    if c.state not in (EstablishmentState.PREPARING, EstablishmentState.RETURNED):
        return None
    limit = escalation.settings().for_item(rules.PREPARATION_LADDER.item_type).parameter("preparation_limit_workdays")
    return rules.preparation_deadline(c.preparation_started_on, limit, cal).date


def _escalation_effects(c: EstablishmentCase, level: str, today: date) -> None:
    recipients: list[int | None] = [c.applicant_id, *notifications.users_of(c.jurisdiction_id, Role.handler)]
    if level != "reminder":
        for body in {b for b in (c.county_id, escalation.parent_of(c.jurisdiction_id)) if b is not None}:
            recipients += notifications.users_of(body, Role.supervisor)
    label = deadlines.LEVEL_LABELS.get(level, level)
    subject = approvals.handlers.subject_label(WORKFLOW, c.id)
    title = f"{label}：{subject}筹备超过期限，请尽快完善并提交请示"
    notifications.notify(recipients, f"escalation.{level}", title, None, "establishment", c.id, subject=subject)
    webhooks.publish_at(
        f"escalation.{level}",
        {"item_type": "establishment", "item_id": c.id, "level": level, "title": c.proposed_name},
        c.jurisdiction_id,
    )


def _form_header(case: EstablishmentCase) -> approval_forms.FormHeader:
    """What the 审批单 says about a case above its steps: the request, its units and the reply (two queries)."""
    names = "、".join(u.name for u in units_of([case.id])[case.id])
    submitted = f"{case.submitted_at.astimezone(CHINA):%Y-%m-%d %H:%M}" if case.submitted_at else "—"
    fields = [
        ("申请事项", ESTABLISHMENT.label_zh),
        ("拟成立组织", case.proposed_name),
        ("组织形式", rules.FORM_LABELS_ZH[OrgForm(case.form)]),
        ("所涉单位", names or "—"),
        ("所属党(工)委", case.jurisdiction.name),
        ("党员人数", f"正式党员{case.formal_total}名，预备党员{case.probationary_total}名"),
        ("拟任书记", case.proposed_secretary or "—"),
        ("委员会人数", str(case.proposed_committee_size) if case.proposed_committee_size else "—"),
        ("提交时间", submitted),
        ("当前状态", ESTABLISHMENT.state_label(case.state)),
    ]
    if case.approving_body:
        fields.append(("审批机关", case.approving_body))
    if case.approval_meeting_on:
        fields.append(("审批会议日期", approval_forms.chinese_day(case.approval_meeting_on)))
    if case.return_reason:
        fields.append(("退回理由", case.return_reason))
    return approval_forms.FormHeader(
        title=f"{ESTABLISHMENT.label_zh}审批单",
        subject=case.proposed_name,
        fields=fields,
        reply_no=case.approval_doc_no or "",
        reply_date=approval_forms.chinese_day(case.approved_on),
        filename=f"审批单-{case.proposed_name}",
    )


def _interview_subject(actor: Actor, case_id: int) -> tuple[Jurisdiction, int | None, str | None]:
    return get(actor, case_id).jurisdiction, None, None


def copy_descriptions(case_ids: list[int]) -> dict[int, tuple[str, str]]:
    """Cases as the 待阅 list shows them now: the proposed name and the state (one query)."""
    if not case_ids:
        return {}
    rows = db.session.execute(
        select(EstablishmentCase.id, EstablishmentCase.proposed_name, EstablishmentCase.state).where(
            EstablishmentCase.id.in_(case_ids)
        )
    ).all()
    return {r.id: (r.proposed_name, ESTABLISHMENT.state_label(r.state)) for r in rows}


def register() -> None:
    """Establishment runs approval steps (on_step_closed moves the case), escalates cases stuck in
    preparation, can be the subject of an interview, and can be copied (抄送). Called once by
    service.operations.registry."""
    approvals.handlers.register(
        WORKFLOW, on_step_closed, summaries, EstablishmentCase, subject_labels, issues_reply=issues_reply
    )
    escalation.register(
        escalation.ItemType(
            "establishment",
            EstablishmentCase,
            lambda c: ("establishment", c.id),
            _escalation_deadline,
            lambda c: None,
            lambda c: c.jurisdiction_id,
            {"notify": _escalation_effects},
        )
    )
    interviews.register_subject("establishment", interviews.Subject(_interview_subject))
    documents.register_subject(DocumentKind.approval_reply, get)  # its approval reply (批复)
    copies.register_subject(
        copies.CopySubject(
            WORKFLOW,
            "建立党组织申请",
            get,
            CASE_COPIERS,
            None,  # every role reads cases; the look-up narrows a portal to the cases it filed
            copy_descriptions,
            lambda c: c.jurisdiction_id,
            page=("console.case", "case_id"),
            api_path="/api/v1/establishment-cases/{id}",
        )
    )
    approval_forms.register(WORKFLOW, get, _form_header)  # its 审批单 (read only)
    attachments.register_subject(
        attachments.Subject(WORKFLOW, get, ATTACHMENT_KINDS, CASE_ATTACHMENT_WRITERS, CASE_ATTACHMENT_READERS)
    )
