"""Helpers shared by the service-layer modules."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, partial
from typing import Any, TypeVar, cast

from sqlalchemy import CursorResult, Result, Select, Table, bindparam, func, insert, inspect, select, update
from sqlalchemy.orm import make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError

from service import config_cache
from service.auth import Actor, in_scope
from service.clock import now
from service.errors import NotFound
from service.extensions import db
from service.models.base import RuleVersioned

T = TypeVar("T")

# The HTTP layer's If-Match check, handed to a command and run on the row once it is locked.
Precondition = Callable[[Any], None]
# How a kind of row narrows a statement to what an actor may see (its scope, its sides, its owner).
Scope = Callable[[Select[Any], Actor], Select[Any]]
# Rows fetched per round trip while streaming a long read (the .xlsx exports).
STREAM_BATCH = 1000


def check_precondition(row: Any, precondition: Precondition | None) -> None:
    if precondition is not None:
        precondition(row)


def get_scoped(
    model: type[T],
    ident: int,
    actor: Actor,
    jurisdiction_attr: str = "jurisdiction_id",
    *,
    for_update: bool = False,
    scope: Scope | None = None,
) -> T:
    """Load a row by id inside the actor's scope; out of scope is indistinguishable from missing (404).

    The scope is `jurisdiction_attr` (a column holding a jurisdiction id) in the actor's subtree, or `scope`
    where a kind of row decides what an actor sees itself (both sides of a ticket, a portal's own cases).
    `for_update` locks the row for the command that changes it."""
    stmt = select(model).where(model.id == ident)  # type: ignore[attr-defined]
    stmt = scope(stmt, actor) if scope is not None else in_scope(stmt, getattr(model, jurisdiction_attr), actor)
    if not for_update:
        row = db.session.execute(stmt).scalar_one_or_none()
        if row is None:
            raise NotFound()
        return row
    # The row alone, never its eagerly joined jurisdiction; NO KEY UPDATE (keys never change), so inserts
    # referencing the row are not held up; and fresh values, not what the session held. The configuration
    # counter rides along, so the command never reads caches older than its transaction (decision 0047).
    locked = stmt.add_columns(config_cache.version_column())
    locked = locked.with_for_update(of=model, key_share=True).execution_options(populate_existing=True)
    found = db.session.execute(locked).one_or_none()
    if found is None:
        raise NotFound()
    config_cache.observe(found[1])
    return cast(T, found[0])


def streamed(stmt: Select[Any]) -> Iterator[Any]:
    """Every row of a statement, STREAM_BATCH at a time (a server-side cursor on PostgreSQL), so nothing holds
    the whole result. A generator: the statement runs when the first row is asked for."""
    yield from db.session.execute(stmt.execution_options(yield_per=STREAM_BATCH))


def paginate(stmt: Select[Any], page: int, page_size: int) -> tuple[list[Any], int]:
    """One COUNT and one LIMIT/OFFSET query."""
    total = db.session.execute(select(func.count()).select_from(stmt.order_by(None).subquery())).scalar_one()
    items: Sequence[Any] = (
        db.session.execute(stmt.limit(page_size).offset((page - 1) * page_size)).scalars().unique().all()
    )
    return list(items), total


def rowcount(result: Result[Any]) -> int:
    """Rows an UPDATE matched. Session.execute returns a CursorResult for DML but is typed as a plain Result."""
    return int(cast(CursorResult[Any], result).rowcount or 0)


def order_by_keys(stmt: Select[Any], model: type, sort: str | None, allowed: set[str], default: str) -> Select[Any]:
    """`sort=-employees,name`: allowed keys only (validated by the schema), id breaks ties."""
    keys = [k.strip() for k in (sort or default).split(",") if k.strip()]
    clauses = []
    for key in keys:
        desc = key.startswith("-")
        name = key.lstrip("-")
        if name not in allowed:
            continue
        column = getattr(model, name)
        clauses.append(column.desc() if desc else column.asc())
    clauses.append(model.id.asc())  # type: ignore[attr-defined]
    return stmt.order_by(*clauses)


def store(row: Any) -> None:
    """Write what changed on a loaded row — the columns whose values the command set — with one Core UPDATE,
    and let the session's copy take those values as stored: no unit of work, no flush (decision 0069).

    The same statement the flush would send (only the changed columns, `version` stepped and checked, so a
    concurrent writer still gets StaleDataError, answered 409; `updated_at` stamped), without the flush's
    bookkeeping, and built once per table and set of columns. A row whose relationships changed (a foreign
    key the flush fills in) is left to the flush, as is a row of an inheriting model or without an `id`; a
    row new to the session is not stored here. The session flushes before every statement it runs: store each
    changed row before the next ORM statement (Core statements go through `write`), else the flush writes it."""
    state = inspect(row)
    changed = state.committed_state  # the attributes set since the row was loaded, with their loaded values
    if not changed or state.key is None or state.session is None:
        return
    mapper = state.mapper
    plan = _plan(mapper)
    if plan is None or any(key not in plan.columns for key in changed):
        db.session.flush()
        return
    values = state.dict
    changes = {key: values[key] for key, old in changed.items() if key in values and values[key] != old}
    if not changes:
        _clean(state)
        return
    params = {plan.columns[key]: value for key, value in changes.items()}
    params["_id"] = row.id
    if plan.versioned:
        params["_version"] = row.version
        changes["version"] = params["version"] = row.version + 1
    if plan.stamped:
        changes["updated_at"] = params["updated_at"] = now()
    if rowcount(write(_update(plan.table, plan.versioned), params)) != 1:
        raise StaleDataError(f"{plan.table.name} {row.id}: changed by another transaction since it was loaded")
    stored(row, **changes)
    _clean(state)


def _clean(state: Any) -> None:
    """The row is as stored: it leaves the session's dirty rows, so the next flush has nothing to look at
    (what a flush does to the rows it wrote; SQLAlchemy has no public call for it)."""
    state._commit_all(state.dict, db.session.identity_map)


def stored(row: Any, **values: Any) -> None:
    """The session's copy of `row` takes these values as what the database holds (after a Core UPDATE of it)."""
    for key, value in values.items():
        set_committed_value(row, key, value)


def insert_new(rows: Sequence[Any]) -> None:
    """INSERT new rows of one model with one Core statement (RETURNING their ids, in order), and put them in the
    session as stored: no unit of work, no flush (decision 0069). Each row is written with the values set on it
    and its columns' Python defaults (`version` 1 where versioned); a column with only a server default is
    left to the server and read back when first asked for. Not for rows the flush stamps (RuleVersioned)."""
    if not rows:
        return
    if isinstance(rows[0], RuleVersioned):
        raise TypeError(f"{type(rows[0]).__name__}: its rules version is stamped by the flush; add it to the session")
    plan = _plan(inspect(rows[0]).mapper)
    assert plan is not None
    values: list[dict[str, Any]] = []
    for row in rows:
        given = row.__dict__
        out: dict[str, Any] = {}
        for key, column, default in plan.inserted:
            if key in given:
                value = given[key]
            elif default is _SERVER:
                continue
            else:
                value = default() if callable(default) else default
                setattr(row, key, value)
            out[column] = value
        values.append(out)
    stmt = _insert(plan.table)
    ids = [write(stmt, values[0]).scalar_one()] if len(values) == 1 else list(write(stmt, values).scalars())
    for row, ident in zip(rows, ids, strict=True):
        row.id = ident
        make_transient_to_detached(row)
        db.session.add(row)


def table_of(model: type) -> Table:
    """A model's table, for Core statements."""
    return cast(Table, model.__table__)  # type: ignore[attr-defined]


def write(stmt: Any, params: Any = None) -> CursorResult[Any]:
    """Run a Core statement on the session's connection, in its transaction: without the session's execute
    path and without first flushing the unit of work (the hot commands write their rows themselves)."""
    return db.session.connection().execute(stmt, params)


_SERVER = object()  # a column the server fills in (a server default and no Python default)


@dataclass(frozen=True)
class _Plan:
    """How store and insert_new write a model's rows: its table, its columns by attribute, what an INSERT
    fills in by default."""

    table: Table
    columns: dict[str, str]
    inserted: tuple[tuple[str, str, Any], ...]
    versioned: bool
    stamped: bool


@cache
def _plan(mapper: Any) -> _Plan | None:
    table = mapper.local_table
    if mapper.inherits is not None or "id" not in table.c:
        return None
    columns = {prop.key: prop.columns[0].name for prop in mapper.column_attrs}
    inserted = []
    for prop in mapper.column_attrs:
        column = prop.columns[0]
        if column.primary_key:
            continue
        default: Any = None
        if column is mapper.version_id_col:
            default = 1
        elif column.default is not None and column.default.is_scalar:
            default = column.default.arg
        elif column.default is not None and column.default.is_callable:
            default = partial(column.default.arg, None)  # SQLAlchemy wraps it to take an execution context
        elif column.server_default is not None:
            default = _SERVER
        inserted.append((prop.key, column.name, default))
    return _Plan(table, columns, tuple(inserted), mapper.version_id_col is not None, "updated_at" in table.c)


@cache
def _update(table: Table, versioned: bool) -> Any:
    """UPDATE of one row (`_id`, at its `_version` when versioned); it sets the columns its parameters name."""
    stmt = update(table).where(table.c.id == bindparam("_id"))
    return stmt.where(table.c.version == bindparam("_version")) if versioned else stmt


@cache
def _insert(table: Table) -> Any:
    return insert(table).returning(table.c.id, sort_by_parameter_order=True)
