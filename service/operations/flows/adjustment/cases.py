"""Adjustment cases (组织调整): the service side of workflows.adjustment.

Ledger writes reach `on_ledger_change` (service/operations/reference/ledger_events.py) inside their own
transaction, API and Excel import alike: it reads the organisations concerned, their units and their open cases
in three queries for the whole batch, opens a case per organisation (or records the trigger on its open one) and
never touches the organisation. Only an approved case changes party_orgs, through `on_step_closed`, audited."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from flask import current_app
from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import contains_eager

from service import config_cache
from service.auth import Actor, in_scope
from service.clock import now, today
from service.config import rule_settings
from service.db import transaction
from service.extensions import db
from service.models import ApprovalStep, Jurisdiction, PartyOrg, Role, Unit
from service.models.adjustment import AdjustmentCase
from service.models.base import snapshot
from service.operations.common import Precondition, get_scoped
from service.operations.engines import approvals, audit, escalation, notifications, webhooks
from service.operations.engines.command import Subject
from service.operations.reference import jurisdictions, ledger_events
from service.operations.reference.ledger_events import UnitChange
from workflows import adjustment as rules
from workflows import deadlines
from workflows.adjustment import ADJUSTMENT, Action, ManualCase, Proposal, ProposalChanges, Trigger
from workflows.approval import StepStatus
from workflows.errors import Conflict, RuleViolation
from workflows.establishment import FORM_LABELS_ZH, OrgForm
from workflows.ledger import OperatingStatus
from workflows.workdays import WorkdayCalendar

WORKFLOW = ADJUSTMENT.name
CASES = Subject(AdjustmentCase, ADJUSTMENT)
LEVEL = "superior_approval"
WATCHED = ("operating_status", "jurisdiction_id", "formal_members", "party_org_id")
# When several triggers arrive at once, the case proposes the most far-reaching action.
# What a trigger calls for: the proposal, the unit whose change it was (None: by hand), the body to move to.
Found = tuple[Proposal, int | None, int | None]
PRIORITY = (Action.DISSOLVE, Action.TRANSFER, Action.REFOUND_JOINT, Action.CHANGE_FORM)


def settings() -> rules.AdjustmentSettings:
    """ADJUSTMENT_SETTINGS."""
    found: rules.AdjustmentSettings = rule_settings(WORKFLOW)
    return found


def thresholds() -> rules.Thresholds:
    """The form thresholds of the establishment settings in force: one set of numbers for both workflows."""
    s = current_app.config["SETTINGS"].establishment
    return rules.Thresholds(s.branch_min_formal, s.branch_soft_max, s.primary_committee_min_formal)


def form_label(form: str | None) -> str | None:
    return FORM_LABELS_ZH[OrgForm(form)] if form in set(OrgForm) else form


# -- reading ---------------------------------------------------------------------------------------------------


def get(actor: Actor, case_id: int) -> AdjustmentCase:
    return get_scoped(AdjustmentCase, case_id, actor)


def query(actor: Actor, f: dict[str, Any]) -> Select[AdjustmentCase]:
    stmt = in_scope(select(AdjustmentCase), AdjustmentCase.jurisdiction_id, actor)
    if f.get("jurisdiction_id") is not None:
        root = jurisdictions.get(actor, f["jurisdiction_id"])
        stmt = stmt.where(AdjustmentCase.jurisdiction_id.in_(jurisdictions.subtree_ids(root)))
    for key in ("state", "action", "trigger", "party_org_id"):
        if f.get(key):
            stmt = stmt.where(getattr(AdjustmentCase, key) == f[key])
    if f.get("open"):
        stmt = stmt.where(AdjustmentCase.state.in_(rules.OPEN_STATES))
    return stmt.order_by(AdjustmentCase.id.desc())


def open_count(actor: Actor) -> int:
    """Open adjustment cases in the actor's scope (the board's figure)."""
    stmt = in_scope(select(func.count(AdjustmentCase.id)), AdjustmentCase.jurisdiction_id, actor)
    return int(db.session.execute(stmt.where(AdjustmentCase.state.in_(rules.OPEN_STATES))).scalar_one())


def names(rows: list[AdjustmentCase]) -> tuple[dict[int, PartyOrg], dict[int, str]]:
    """The organisations and unit names of a page of cases: two queries."""
    org_ids = {c.party_org_id for c in rows}
    unit_ids = {c.unit_id for c in rows if c.unit_id is not None} | {
        t["unit_id"] for c in rows for t in c.triggers if t.get("unit_id")
    }
    orgs = {o.id: o for o in db.session.execute(select(PartyOrg).where(PartyOrg.id.in_(org_ids))).scalars()}
    units = dict(db.session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(unit_ids))).all())
    return orgs, units


def summaries(case_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Inbox summaries for a page of tasks (one query): the organisation's formal members across its units."""
    formal = (
        select(func.coalesce(func.sum(Unit.formal_members), 0))
        .where(Unit.party_org_id == AdjustmentCase.party_org_id)
        .scalar_subquery()
    )
    rows = db.session.execute(
        select(AdjustmentCase.id, AdjustmentCase.state, AdjustmentCase.action, PartyOrg.name, Jurisdiction.name, formal)
        .join(PartyOrg, PartyOrg.id == AdjustmentCase.party_org_id)
        .join(Jurisdiction, Jurisdiction.id == AdjustmentCase.jurisdiction_id)
        .where(AdjustmentCase.id.in_(case_ids))
    ).all()
    return {
        r[0]: {
            "title": f"{r[3]} {rules.ACTION_LABELS[r[2]]}",
            "state": r[1],
            "state_label": ADJUSTMENT.state_label(r[1]),
            "action": r[2],
            "action_label": rules.ACTION_LABELS[r[2]],
            "form_label": f"组织调整·{rules.ACTION_LABELS[r[2]]}",
            "formal_members": int(r[5]),
            "jurisdiction": r[4],
        }
        for r in rows
    }


def subject_labels(case_ids: list[int]) -> dict[int, str]:
    """Cases in words for notifications: the organisation and the action proposed (one query)."""
    if not case_ids:
        return {}
    rows = db.session.execute(
        select(AdjustmentCase.id, AdjustmentCase.action, PartyOrg.name)
        .join(PartyOrg, PartyOrg.id == AdjustmentCase.party_org_id)
        .where(AdjustmentCase.id.in_(case_ids))
    ).all()
    return {ident: f"{org}{rules.ACTION_LABELS[action]}" for ident, action, org in rows}


def upgrade_eligible_query(actor: Actor) -> Select[Any]:
    """Units whose own organisation (a branch or a general branch with this unit alone) could take a higher
    form by their formal members — suggested, never forced (decision 0055) —, largest first, each with its
    organisation loaded in the same query. The SQL is `rules.upgrade_eligible` with the thresholds in force."""
    t = thresholds()
    single = (
        select(Unit.party_org_id)
        .where(Unit.party_org_id.is_not(None), Unit.operating_status != OperatingStatus.deregistered)
        .group_by(Unit.party_org_id)
        .having(func.count(Unit.id) == 1)
    )
    higher = or_(
        and_(PartyOrg.kind == rules.BRANCH, Unit.formal_members >= t.general_branch_min),
        and_(PartyOrg.kind == rules.GENERAL_BRANCH, Unit.formal_members >= t.primary_committee_min),
    )
    return (
        in_scope(select(Unit), Unit.jurisdiction_id, actor)
        .join(PartyOrg, PartyOrg.id == Unit.party_org_id)
        .options(contains_eager(Unit.party_org))
        .where(PartyOrg.status == "active", higher, Unit.operating_status != OperatingStatus.deregistered)
        .where(Unit.party_org_id.in_(single))
        .order_by(Unit.formal_members.desc(), Unit.id)
    )


def eligible_view(rows: Sequence[Unit]) -> list[dict[str, Any]]:
    """A page of `upgrade_eligible_query`'s units, with the form each may become."""
    t = thresholds()
    out = []
    for unit in rows:
        org = unit.party_org
        assert org is not None  # the query joins it
        form = rules.upgrade_eligible(org.kind, unit.formal_members, t)
        out.append(
            {
                "unit": {"id": unit.id, "name": unit.name},
                "party_org": {"id": org.id, "name": org.name, "kind": org.kind, "kind_label": form_label(org.kind)},
                "jurisdiction": {"id": unit.jurisdiction.id, "name": unit.jurisdiction.name},
                "formal_members": unit.formal_members,
                "eligible_form": form,
                "eligible_form_label": form_label(form),
            }
        )
    return out


def upgrade_eligible(actor: Actor) -> list[dict[str, Any]]:
    """The whole list (the demo and the tests read it whole)."""
    return eligible_view(db.session.execute(upgrade_eligible_query(actor)).scalars().unique().all())


# -- opening cases from the ledger -----------------------------------------------------------------------------


def _proposals(
    changes: Sequence[UnitChange], orgs: dict[int, PartyOrg], members: dict[int, list[Unit]]
) -> dict[int, list[Found]]:
    """Per organisation, what the batch's changes call for: (proposal, unit id, target body id if a move)."""
    t = thresholds()
    found: dict[int, list[Found]] = {}
    for c in changes:
        before = c.before or {}
        org_id = c.after.get("party_org_id") or before.get("party_org_id")
        org = orgs.get(org_id) if org_id else None
        if org is None:
            continue
        gone = c.after.get("operating_status") == OperatingStatus.deregistered
        add = found.setdefault(org.id, []).append
        if gone and c.moved("operating_status"):
            others = [u for u in members.get(org.id, []) if u.id != c.unit_id]
            add((rules.deregistration(len(others) if org.kind == rules.JOINT_BRANCH else 0), c.unit_id, None))
            if org.kind == rules.JOINT_BRANCH and others:  # what the shrunk joint branch still lacks
                facts = [rules.MemberUnit(u.id, u.name, u.formal_members) for u in others]
                for p in rules.joint_findings(facts, t):
                    add((p, c.unit_id, None))
            continue
        if gone:
            continue
        if c.moved("jurisdiction_id") and c.after["jurisdiction_id"] != org.jurisdiction_id and not c.created:
            frm, to = (config_cache.place(i).name for i in (before["jurisdiction_id"], c.after["jurisdiction_id"]))
            add((rules.moved(frm, to), c.unit_id, int(c.after["jurisdiction_id"])))
        if c.moved("formal_members") or c.moved("party_org_id"):
            if org.kind == rules.JOINT_BRANCH:
                facts = [rules.MemberUnit(u.id, u.name, u.formal_members) for u in members.get(org.id, [])]
                for p in rules.joint_findings(facts, t):
                    add((p, c.unit_id, None))
            elif (below := rules.below_form(org.kind, int(c.after["formal_members"]), t)) is not None:
                add((below, c.unit_id, None))
    return {k: v for k, v in found.items() if v}


def _calls_for_a_look(c: UnitChange) -> bool:
    """A unit with an organisation whose watched facts changed; not a unit gaining its organisation (a
    founding: the establishment rules checked the form, and the founding keeps its statement budget)."""
    before = c.before or {}
    if not (c.after.get("party_org_id") or before.get("party_org_id")):
        return False
    moved = [f for f in WATCHED if c.moved(f)]
    return bool(moved) and not (moved == ["party_org_id"] and before.get("party_org_id") is None)


def on_ledger_change(actor: Actor, changes: Sequence[UnitChange]) -> None:
    """The ledger's hook (五个同步 5): set-based over the batch, in the write's transaction."""
    relevant = [c for c in changes if _calls_for_a_look(c)]
    if not relevant:
        return
    org_ids = {c.after.get("party_org_id") or (c.before or {}).get("party_org_id") for c in relevant}
    orgs = {
        o.id: o
        for o in db.session.execute(
            select(PartyOrg).where(PartyOrg.id.in_(org_ids), PartyOrg.status == "active")
        ).scalars()
    }
    members: dict[int, list[Unit]] = {}
    for u in db.session.execute(
        select(Unit)
        .where(Unit.party_org_id.in_(orgs), Unit.operating_status != OperatingStatus.deregistered)
        .order_by(Unit.id)
    ).scalars():
        members.setdefault(u.party_org_id or 0, []).append(u)
    found = _proposals(relevant, orgs, members)
    if not found:
        return
    open_cases = {
        c.party_org_id: c
        for c in db.session.execute(
            select(AdjustmentCase)
            .where(AdjustmentCase.party_org_id.in_(found), AdjustmentCase.state.in_(rules.OPEN_STATES))
            .with_for_update(of=AdjustmentCase, key_share=True)
        ).scalars()
    }
    opened = []
    for org_id, proposals in found.items():
        if org_id in open_cases:
            _add_triggers(actor, open_cases[org_id], proposals)
        else:
            opened.append((orgs[org_id], _new_case(orgs[org_id], proposals)))
    _announce(actor, opened)


def _entry(p: Proposal, unit_id: int | None) -> dict[str, Any]:
    return {"trigger": p.trigger.value, "unit_id": unit_id, "reason": p.reason_zh, "on": today().isoformat()}


def _new_case(org: PartyOrg, proposals: list[Found]) -> AdjustmentCase:
    """A case for `org` proposing the most far-reaching action its triggers call for (not yet flushed)."""
    first, unit_id, target = min(proposals, key=lambda x: PRIORITY.index(x[0].action))
    entries: list[dict[str, Any]] = []
    for p, u, _ in proposals:
        if not any(e["trigger"] == p.trigger and e["unit_id"] == u for e in entries):
            entries.append(_entry(p, u))
    case = AdjustmentCase(
        state=ADJUSTMENT.initial,
        party_org_id=org.id,
        jurisdiction_id=org.jurisdiction_id,
        unit_id=unit_id,
        trigger=first.trigger.value,
        action=first.action.value,
        proposed_form=first.proposed_form,
        target_jurisdiction_id=target,
        reason=first.reason_zh,
        triggers=entries,
        opened_on=today(),
    )
    db.session.add(case)
    escalation.replan(ADJUSTMENT.escalation_item or WORKFLOW, case)
    return case


def _announce(actor: Actor, opened: list[tuple[PartyOrg, AdjustmentCase]]) -> None:
    """The new cases of a batch written at once (one flush: the INSERTs batched), then each one's audit record,
    notice to the handlers of its body and webhook event (written at commit, one INSERT per table)."""
    if not opened:
        return
    db.session.flush()
    for org, case in opened:
        audit.record(actor, f"{WORKFLOW}.open", WORKFLOW, case.id, case.jurisdiction_id, None, snapshot(case))
        why, what = rules.TRIGGER_LABELS[case.trigger], rules.ACTION_LABELS[case.action]
        title = f"组织调整：{org.name}（{why}），拟{what}，请报上级审批"
        handlers = notifications.users_of(case.jurisdiction_id, Role.handler)
        notifications.notify(handlers, "adjustment.opened", title, None, WORKFLOW, case.id)
        _publish("adjustment.opened", case)


def _add_triggers(actor: Actor, case: AdjustmentCase, proposals: list[Found]) -> None:
    """A further trigger on an organisation with an open case is recorded on it (no second case)."""
    entries = list(case.triggers)
    added = [
        _entry(p, u)
        for p, u, _ in proposals
        if not any(e["trigger"] == p.trigger and e["unit_id"] == u for e in entries)
    ]
    if not added:
        return
    with CASES.applying(actor, case) as cmd:
        seen: list[dict[str, Any]] = []
        for e in added:  # the same trigger twice in one batch counts once
            if e not in seen:
                seen.append(e)
        case.triggers = entries + seen
        cmd.record("trigger_added", "；".join(e["reason"] for e in seen))


def open_manual(actor: Actor, data: ManualCase) -> AdjustmentCase:
    """A merger or a split, which the ledger has no field for, recorded by hand on one organisation."""
    rules.check_manual(data.trigger, data.action, data.proposed_form, data.target_jurisdiction_id)
    with transaction():
        org = get_scoped(PartyOrg, data.party_org_id, actor, for_update=True)
        if org.status != "active":
            raise Conflict("party_org_not_active", f"「{org.name}」已不在册，不能立案调整", field="party_org_id")
        if data.target_jurisdiction_id is not None:
            jurisdictions.get(actor, data.target_jurisdiction_id)
        open_case = db.session.execute(
            select(AdjustmentCase.id).where(
                AdjustmentCase.party_org_id == org.id, AdjustmentCase.state.in_(rules.OPEN_STATES)
            )
        ).scalar_one_or_none()
        if open_case is not None:
            raise Conflict(
                "adjustment_case_open", f"「{org.name}」已有正在办理的组织调整（#{open_case}）", field="party_org_id"
            )
        label = rules.TRIGGER_LABELS[data.trigger]
        p = Proposal(Trigger(data.trigger), Action(data.action), f"{label}：{data.note}", data.proposed_form)
        case = _new_case(org, [(p, None, data.target_jurisdiction_id)])
        _announce(actor, [(org, case)])
        return case


# -- commands --------------------------------------------------------------------------------------------------


def _publish(event: str, case: AdjustmentCase) -> None:
    payload = {
        "id": case.id,
        "state": case.state,
        "party_org_id": case.party_org_id,
        "trigger": case.trigger,
        "action": case.action,
        "approval_doc_no": case.approval_doc_no,
    }
    webhooks.publish_at(event, payload, case.jurisdiction_id)


def submit(
    actor: Actor, case_id: int, changes: ProposalChanges, precondition: Precondition | None = None
) -> AdjustmentCase:
    """Send the proposal (as corrected) to the superior body: an approval step through the engine."""
    with CASES.command(actor, case_id, "submit", precondition) as cmd:
        case = cmd.row
        action = changes.action or case.action
        form = changes.proposed_form if changes.action else (changes.proposed_form or case.proposed_form)
        target = (
            changes.target_jurisdiction_id
            if changes.action
            else (changes.target_jurisdiction_id or case.target_jurisdiction_id)
        )
        rules.check_proposal(action, form, target)
        if changes.target_jurisdiction_id is not None:  # a body the caller names must be one it can see
            jurisdictions.get(actor, changes.target_jurisdiction_id)
        case.action, case.proposed_form, case.target_jurisdiction_id = action, form, target
        if changes.note is not None:
            case.note = changes.note
        case.submitted_at, case.return_reason = now(), None
        cmd.fire("submit")
        cmd.settle()
        body = config_cache.place(case.jurisdiction_id)
        approvals.acting.open_step(
            actor, WORKFLOW, case.id, case.jurisdiction_id, 0, LEVEL, body, settings().decision_limit_workdays
        )
        if case.escalation_level is not None:
            notifications.settle(WORKFLOW, case.id, escalations=True, without_task=True)
    return cmd.row


def cancel(actor: Actor, case_id: int, reason: str, precondition: Precondition | None = None) -> AdjustmentCase:
    """Close a case opened in error (before it is submitted, or after it was returned)."""
    with CASES.command(actor, case_id, "cancel", precondition) as cmd:
        cmd.fire("cancel", reason, reason=reason)
        cmd.row.closed_reason = reason
        notifications.settle(WORKFLOW, case_id)
    return cmd.row


def issues_reply(case: AdjustmentCase, step: ApprovalStep) -> bool:
    return True  # one level: its approval is the reply (批复文号)


def on_step_closed(ev: approvals.handlers.StepClosed) -> None:
    """The superior body decided: back for changes, refused, or approved — then the organisation changes."""
    case: AdjustmentCase = ev.subject
    if ev.status is StepStatus.RETURNED:
        with CASES.applying(ev.actor, case) as cmd:
            case.return_reason = ev.comment
            cmd.fire("return_for_changes", ev.comment)
        return
    if ev.status is StepStatus.REJECTED:
        with CASES.applying(ev.actor, case) as cmd:
            case.decision_reason, case.decided_at = ev.comment, now()
            cmd.fire("reject", ev.comment)
        _publish("adjustment.rejected", case)
        return
    doc_no = (ev.reply.approval_doc_no or "").strip()
    if not doc_no:
        raise RuleViolation("approval_doc_no_required", "批准组织调整须填写批复文号", "approval_doc_no")
    with CASES.applying(ev.actor, case) as cmd:
        case.approval_doc_no, case.approved_on = doc_no, ev.reply.approved_on or today()
        case.approving_body, case.decided_at = config_cache.place(ev.step.body_id).name, now()
        cmd.fire("apply", ev.comment)
        _apply(ev.actor, case)
    _publish("adjustment.applied", case)


def _apply(actor: Actor, case: AdjustmentCase) -> None:
    """The approved action on the organisation, audited; coverage and the must-establish list follow at once."""
    org = db.session.execute(
        select(PartyOrg).where(PartyOrg.id == case.party_org_id).with_for_update(of=PartyOrg, key_share=True)
    ).scalar_one()
    before = snapshot(org)
    why = f"组织调整#{case.id} {rules.ACTION_LABELS[case.action]}（{case.approval_doc_no}）"
    if case.action == Action.TRANSFER:
        org.jurisdiction_id = case.target_jurisdiction_id or org.jurisdiction_id
    elif case.action == Action.CHANGE_FORM:
        org.kind = case.proposed_form or org.kind
    else:
        # Dissolved, or dissolved to be re-founded as a joint branch: its units go back to the must-establish
        # list, where the establishment workflow founds what their members now allow.
        org.status = "dissolved"
        units = list(
            db.session.execute(
                select(Unit).where(Unit.party_org_id == org.id).with_for_update(of=Unit, key_share=True)
            ).scalars()
        )
        for unit in units:
            unit.party_org_id = None
            audit.record(
                actor,
                "unit.uncovered",
                "unit",
                unit.id,
                unit.jurisdiction_id,
                {"party_org_id": org.id},
                {"party_org_id": None},
                why,
            )
    db.session.flush()
    old, new = audit.changed(before, snapshot(org))
    audit.record(actor, "party_org.adjust", "party_org", org.id, org.jurisdiction_id, old, new, why)


# -- escalation: what this workflow registers ------------------------------------------------------------------


def _escalation_deadline(c: AdjustmentCase, cal: WorkdayCalendar) -> date | None:
    """An open case not decided within the limit climbs the ladder from its deadline."""
    if c.state not in rules.OPEN_STATES:
        return None
    return rules.decision_deadline(c.opened_on, settings().decision_limit_workdays, cal)


def _notify(c: AdjustmentCase, level: str, _on: date) -> None:
    """The handlers where the case is seen; from 预警 on, the supervisors there and of the body above."""
    recipients = notifications.users_of(c.jurisdiction_id, Role.handler)
    if level != "reminder":
        for body in {b for b in (c.jurisdiction_id, escalation.parent_of(c.jurisdiction_id)) if b is not None}:
            recipients += notifications.users_of(body, Role.supervisor)
    subject = approvals.handlers.subject_label(WORKFLOW, c.id)
    title = f"{deadlines.LEVEL_LABELS.get(level, level)}：组织调整「{subject}」超过期限未决定"
    notifications.notify(recipients, f"escalation.{level}", title, None, WORKFLOW, c.id, subject=subject)
    webhooks.publish_at(
        f"escalation.{level}",
        {"item_type": WORKFLOW, "item_id": c.id, "level": level, "title": subject},
        c.jurisdiction_id,
    )


def register() -> None:
    """Adjustment cases open from ledger writes, run one approval level and escalate when undecided. Called once
    by service.operations.registry."""
    ledger_events.subscribe(on_ledger_change)
    approvals.handlers.register(
        WORKFLOW, on_step_closed, summaries, AdjustmentCase, subject_labels, issues_reply=issues_reply
    )
    escalation.register(
        escalation.ItemType(
            WORKFLOW,
            AdjustmentCase,
            lambda c: (WORKFLOW, c.id),
            _escalation_deadline,
            lambda c: None,
            lambda c: c.jurisdiction_id,
            {"notify": _notify},
        )
    )
