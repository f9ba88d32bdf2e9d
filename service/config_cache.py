"""Admin-managed configuration that every command reads, cached per process.

The working-day calendar, the approval routes, who works where (active users by body and role), the
jurisdiction tree and the webhook subscriptions change rarely and only by an administrator's hand, but
were read on every command (a fifth of a submission's statements). Each process now keeps them in memory.

Freshness: every transaction that changes one of these tables bumps the one-row `config_version` counter
(found automatically by the session hooks below — ORM flushes and bulk statements alike — so no writer
can forget). A process compares the counter with the one its caches were built from at most every
CONFIG_CHECK_SECONDS (1 s by default; 0 checks on every read) and at once after it changed something
itself. A read-only request therefore sees another process's change within that interval; a command never
runs on older configuration than its own transaction: the statement that locks its subject reads the
counter too (`version_column`, no extra statement) and hands it to `observe`, which drops stale caches
before the command reads any (docs/decisions/0047)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from flask import current_app, has_app_context
from sqlalchemy import event, insert, inspect, select, update
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

from service.extensions import db
from service.models import (
    ApprovalRoute,
    CalendarOverride,
    CalendarYear,
    ConfigVersion,
    Jurisdiction,
    User,
    Webhook,
)
from service.models.jurisdiction import COUNTY_LEVEL_KINDS

T = TypeVar("T")

CONFIG_MODELS: tuple[type, ...] = (ApprovalRoute, CalendarOverride, CalendarYear, Jurisdiction, User, Webhook)
# A user's row changes on every sign-in or profile edit; only these columns matter to the caches.
USER_COLUMNS = ("role", "active", "jurisdiction_id")


class _State:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.version: int | None = None
        self.checked = 0.0
        self.values: dict[str, Any] = {}


_state = _State()


def _check_seconds() -> float:
    if has_app_context():
        return float(getattr(current_app.config.get("SETTINGS"), "config_check_seconds", 1.0))
    return 1.0


def _current_version() -> int:
    return db.session.execute(select(ConfigVersion.version).where(ConfigVersion.id == 1)).scalar_one_or_none() or 0


def cached(name: str, loader: Callable[[], T]) -> T:
    """The named configuration value, loaded by `loader` when the configuration changed."""
    stamp = time.monotonic()
    if _state.version is None or stamp - _state.checked >= _check_seconds():
        version = _current_version()
        with _state.lock:
            if version != _state.version:
                _state.values = {}
                _state.version = version
            _state.checked = stamp
    values = _state.values
    if name in values:
        return cast(T, values[name])
    value = loader()
    values[name] = value
    return value


def version_column() -> Any:
    """The counter as a scalar subquery, for a command's locking statement to read alongside its row."""
    return select(ConfigVersion.version).where(ConfigVersion.id == 1).scalar_subquery().label("config_version")


def observe(version: int | None) -> None:
    """A command's transaction saw the counter at `version`: caches built from another version are dropped,
    so every read later in the transaction loads what the transaction sees; no further check is needed."""
    version = version or 0
    with _state.lock:
        if version != _state.version:
            _state.values = {}
            _state.version = version
        _state.checked = time.monotonic()


def invalidate() -> None:
    """Forget everything: the next read compares the version and reloads."""
    with _state.lock:
        _state.values = {}
        _state.version = None


def _bump(session: Session) -> None:
    conn = session.connection()
    done = conn.execute(update(ConfigVersion).where(ConfigVersion.id == 1).values(version=ConfigVersion.version + 1))
    if not done.rowcount:  # a schema made without the migration's row (create_all): start the counter
        conn.execute(insert(ConfigVersion).values(id=1, version=1))
    invalidate()


def _touches_config(session: Session) -> bool:
    for obj in (*session.new, *session.deleted):
        if isinstance(obj, CONFIG_MODELS):
            return True
    for obj in session.dirty:
        if isinstance(obj, User):
            attrs = inspect(obj).attrs
            if any(attrs[c].history.has_changes() for c in USER_COLUMNS):
                return True
        elif isinstance(obj, CONFIG_MODELS) and session.is_modified(obj):
            return True
    return False


@event.listens_for(Session, "before_flush")
def _on_flush(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    if _touches_config(session):
        _bump(session)


@event.listens_for(Session, "do_orm_execute")
def _on_bulk(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    mapper = state.bind_mapper
    if mapper is not None and issubclass(mapper.class_, CONFIG_MODELS) and mapper.class_ is not User:
        _bump(state.session)
    elif mapper is not None and mapper.class_ is User and state.is_update:
        values = getattr(state.statement, "_values", None) or {}
        if any(getattr(k, "key", k) in USER_COLUMNS for k in values):
            _bump(state.session)


# -- what is cached --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """A jurisdiction as the commands need it."""

    id: int
    name: str
    code: str
    path: str
    parent_id: int | None
    kind: str
    county_id: int | None


def _load_places() -> dict[int, Place]:
    rows = db.session.execute(
        select(
            Jurisdiction.id,
            Jurisdiction.name,
            Jurisdiction.code,
            Jurisdiction.path,
            Jurisdiction.parent_id,
            Jurisdiction.kind,
        )
    ).all()
    kinds = {r.id: r.kind for r in rows}
    parents = {r.id: r.parent_id for r in rows}

    def county(ident: int) -> int | None:
        node: int | None = ident
        while node is not None:
            if kinds.get(node) in COUNTY_LEVEL_KINDS:
                return node
            node = parents.get(node)
        return None

    return {r.id: Place(r.id, r.name, r.code, r.path, r.parent_id, kinds[r.id], county(r.id)) for r in rows}


def places() -> dict[int, Place]:
    return cached("places", _load_places)


def place(ident: int) -> Place:
    return places()[ident]


def _load_staff() -> dict[tuple[int, str], list[int]]:
    out: dict[tuple[int, str], list[int]] = {}
    rows = db.session.execute(
        select(User.id, User.jurisdiction_id, User.role).where(User.active.is_(True)).order_by(User.id)
    ).all()
    for r in rows:
        role = r.role.value if hasattr(r.role, "value") else str(r.role)
        out.setdefault((r.jurisdiction_id, role), []).append(r.id)
    return out


def staff(body_id: int, *roles: str) -> list[int]:
    """Active users of a body with one of the roles, by id."""
    table = cached("staff", _load_staff)
    if len(roles) == 1:
        return list(table.get((body_id, roles[0]), ()))
    return sorted({u for r in roles for u in table.get((body_id, r), ())})


@dataclass(frozen=True)
class Route:
    mode: str
    approver_ids: tuple[int, ...] | None


def _load_routes() -> dict[tuple[int, str, str], Route]:
    rows = db.session.execute(
        select(
            ApprovalRoute.body_id,
            ApprovalRoute.workflow,
            ApprovalRoute.level_name,
            ApprovalRoute.mode,
            ApprovalRoute.approver_ids,
        )
    ).all()
    return {
        (r.body_id, r.workflow, r.level_name): Route(r.mode, tuple(r.approver_ids) if r.approver_ids else None)
        for r in rows
    }


def route(body_id: int, workflow: str, level_name: str) -> Route | None:
    return cached("routes", _load_routes).get((body_id, workflow, level_name))


@dataclass(frozen=True)
class Subscription:
    webhook_id: int
    events: frozenset[str]
    path: str


def _load_subscriptions() -> list[Subscription]:
    rows = db.session.execute(
        select(Webhook.id, Webhook.events, Jurisdiction.path)
        .join(Jurisdiction, Jurisdiction.id == Webhook.jurisdiction_id)
        .join(User, User.id == Webhook.owner_id)
        .where(Webhook.active.is_(True), User.active.is_(True))
        .order_by(Webhook.id)
    ).all()
    return [Subscription(r.id, frozenset(r.events or ()), r.path) for r in rows]


def subscriptions() -> list[Subscription]:
    return cached("subscriptions", _load_subscriptions)
