"""全部事项: one list over establishment cases and supervision tickets, and the capped reads of the console's
worklist exports (待办, 已办, 全部事项).

Scope is never decided here: `statement` starts from the workflows' own scoped list queries
(`cases.query`, `ticket_board.query`, with their body and state filters and their 404 for a body outside
scope), narrows them by unit, credit code and date and puts them under one UNION ALL. Each branch keeps its
own indexes (ix_establishment_cases_scope_state, ix_supervision_tickets_scope_state / _issuer_state); a page is
one COUNT, one page of rows, and one query each for the page's units and people."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Date, Integer, Select, String, cast, exists, false, func, literal, null, or_, select, union_all

from service import config_cache
from service.auth import Actor
from service.clock import CHINA
from service.extensions import db
from service.models import EstablishmentCase, EstablishmentCaseUnit, Jurisdiction, SupervisionTicket, Unit
from service.operations.flows.establishment import cases as case_lists
from service.operations.flows.supervision import ticket_board
from service.operations.reference import users
from workflows.establishment import ESTABLISHMENT
from workflows.supervision import SUPERVISION_TICKET

CASE, TICKET = ESTABLISHMENT.name, SUPERVISION_TICKET.name
KIND_LABELS = {CASE: "建立党组织", TICKET: "督办单"}
DEFINITIONS = {CASE: ESTABLISHMENT, TICKET: SUPERVISION_TICKET}


@dataclass(frozen=True)
class SearchFilters:
    """What the search narrows the scoped lists by (kind, state and body are the lists' own filters)."""

    unit: str | None = None
    credit_code: str | None = None
    date_from: date | None = None
    date_to: date | None = None


def _day_start(d: date) -> datetime:
    return datetime.combine(d, time.min, tzinfo=CHINA)


def _case_branch(scoped: Select[Any], f: SearchFilters) -> Select[Any]:
    c = EstablishmentCase
    columns: list[Any] = [
        literal(CASE, String).label("kind"),
        c.id.label("id"),
        c.proposed_name.label("title"),
        c.state.label("state"),
        c.jurisdiction_id.label("body_id"),
        cast(null(), Integer).label("issuing_body_id"),
        c.created_at.label("at"),
        cast(null(), Date).label("issued_on"),
        c.applicant_id.label("person_id"),
    ]
    stmt = scoped.order_by(None).with_only_columns(*columns)
    if f.unit:
        # The unit's name, or the proposed organisation's (which normally carries it): a correlated EXISTS per
        # case in scope, so the cost follows the scoped cases, not the city's ledger.
        of_unit = exists().where(
            EstablishmentCaseUnit.case_id == c.id,
            Unit.id == EstablishmentCaseUnit.unit_id,
            Unit.name.contains(f.unit, autoescape=True),
        )
        stmt = stmt.where(or_(c.proposed_name.contains(f.unit, autoescape=True), of_unit))
    if f.credit_code:
        unit_id = select(Unit.id).where(Unit.credit_code == f.credit_code.upper()).scalar_subquery()
        # The case's primary key (case_id, unit_id) answers the probe; the code's unique index the sub-select.
        stmt = stmt.where(
            exists().where(EstablishmentCaseUnit.case_id == c.id, EstablishmentCaseUnit.unit_id == unit_id)
        )
    if f.date_from:
        stmt = stmt.where(c.created_at >= _day_start(f.date_from))
    if f.date_to:
        stmt = stmt.where(c.created_at < _day_start(f.date_to + timedelta(days=1)))
    return stmt


def _ticket_branch(scoped: Select[Any], f: SearchFilters) -> Select[Any]:
    t = SupervisionTicket
    columns: list[Any] = [
        literal(TICKET, String).label("kind"),
        t.id.label("id"),
        t.title.label("title"),
        t.state.label("state"),
        t.jurisdiction_id.label("body_id"),
        t.issuing_body_id.label("issuing_body_id"),
        t.created_at.label("at"),
        t.issued_on.label("issued_on"),
        t.issuer_id.label("person_id"),
    ]
    stmt = scoped.order_by(None).with_only_columns(*columns)
    if f.unit:
        # A ticket goes to a body, not to a unit: the handling body's name, or the ticket's title.
        bodies = select(Jurisdiction.id).where(Jurisdiction.name.contains(f.unit, autoescape=True))
        stmt = stmt.where(or_(t.title.contains(f.unit, autoescape=True), t.jurisdiction_id.in_(bodies)))
    if f.credit_code:
        stmt = stmt.where(false())  # a credit code names a unit: tickets have none
    if f.date_from:
        stmt = stmt.where(t.issued_on >= f.date_from)
    if f.date_to:
        stmt = stmt.where(t.issued_on <= f.date_to)
    return stmt


def query(cases: Select[Any] | None, tickets: Select[Any] | None, f: SearchFilters) -> Select[Any]:
    """Rows (kind, id, title, state, body_id, issuing_body_id, at, issued_on, person_id), newest first.

    `cases` / `tickets`: the workflows' scoped list queries, or None to leave that kind out. A case is dated
    by when it was filed (its Beijing day), a ticket by the day it was issued (drafts have none)."""
    branches = []
    if cases is not None:
        branches.append(_case_branch(cases, f))
    if tickets is not None and not f.credit_code:
        branches.append(_ticket_branch(tickets, f))
    if not branches:  # nothing asked for: an empty list of the same shape
        branches.append(_case_branch(select(EstablishmentCase).where(false()), f))
    both = (union_all(*branches) if len(branches) > 1 else branches[0]).subquery("items")
    return select(both).order_by(both.c.at.desc(), both.c.kind, both.c.id.desc())


def statement(actor: Actor, f: dict[str, Any]) -> Select[Any]:
    """The search form's filters (schemas/search.py: kind, state as `kind:STATE`, body, unit, credit code,
    dates) on the workflows' scoped lists, as one list (`query`)."""
    state_kind, state = f["state"].split(":", 1) if f.get("state") else (None, None)
    kind = f.get("kind") or state_kind
    body = f.get("body")
    case_stmt = (
        case_lists.query(actor, {"jurisdiction_id": body, "state": state if state_kind == CASE else None})
        if kind in (None, CASE)
        else None
    )
    ticket_stmt = (
        ticket_board.query(actor, {"jurisdiction_id": body, "state": state if state_kind == TICKET else None})
        if kind in (None, TICKET)
        else None
    )
    narrow = SearchFilters(
        unit=f.get("unit"), credit_code=f.get("credit_code"), date_from=f.get("date_from"), date_to=f.get("date_to")
    )
    return query(case_stmt, ticket_stmt, narrow)


def fetch(stmt: Select[Any], page: int, page_size: int) -> tuple[list[dict[str, Any]], int]:
    """One COUNT and one page of rows, presented (with their units and people: two more queries)."""
    total = db.session.execute(select(func.count()).select_from(stmt.order_by(None).subquery())).scalar_one()
    rows = db.session.execute(stmt.limit(page_size).offset((page - 1) * page_size)).all()
    return present(list(rows)), int(total)


def capped(stmt: Select[Any], limit: int, *, entities: bool = False) -> tuple[list[Any], bool]:
    """At most `limit` rows of a list (ORM objects with `entities`), and whether the list holds more."""
    result = db.session.execute(stmt.limit(limit + 1))
    rows = list(result.scalars().unique().all()) if entities else list(result.all())
    return rows[:limit], len(rows) > limit


def _chunks(ids: list[int], size: int = 500) -> Iterable[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def case_units(case_ids: Iterable[int]) -> dict[int, list[tuple[str, str]]]:
    """(name, credit code) of each case's units, in one query per 500 cases."""
    ids = sorted(set(case_ids))
    out: dict[int, list[tuple[str, str]]] = {i: [] for i in ids}
    for chunk in _chunks(ids):
        rows = db.session.execute(
            select(EstablishmentCaseUnit.case_id, Unit.name, Unit.credit_code)
            .join(Unit, Unit.id == EstablishmentCaseUnit.unit_id)
            .where(EstablishmentCaseUnit.case_id.in_(chunk))
            .order_by(EstablishmentCaseUnit.case_id, Unit.id)
        ).all()
        for r in rows:
            out[r.case_id].append((r.name, r.credit_code))
    return out


def _civil(moment: datetime | None) -> date | None:
    return moment.astimezone(CHINA).date() if moment is not None else None


def present(rows: Sequence[Any]) -> list[dict[str, Any]]:
    """Rows of `query` with labels, body names (the cached tree), units and people (one query each)."""
    units = case_units(r.id for r in rows if r.kind == CASE)
    people = users.display_names(r.person_id for r in rows)
    places = config_cache.places()
    out = []
    for r in rows:
        own = units.get(r.id, []) if r.kind == CASE else []
        body = places.get(r.body_id)
        issuing = places.get(r.issuing_body_id) if r.issuing_body_id is not None else None
        out.append(
            {
                "kind": r.kind,
                "kind_label": KIND_LABELS[r.kind],
                "id": r.id,
                "title": r.title,
                "state": r.state,
                "state_label": DEFINITIONS[r.kind].state_label(r.state),
                "body_name": body.name if body else "",
                "issuing_body_name": issuing.name if issuing else "",
                "units": "、".join(name for name, _ in own),
                "credit_codes": "、".join(code for _, code in own),
                # Filed (cases, the Beijing day) or issued (tickets; a draft has no day yet).
                "dated": _civil(r.at) if r.kind == CASE else r.issued_on,
                "person": people.get(r.person_id, "") if r.person_id is not None else "",
            }
        )
    return out
