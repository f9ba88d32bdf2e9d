"""Helpers shared by the service-layer modules."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar, cast

from sqlalchemy import CursorResult, Result, Select, func, select

from service import config_cache
from service.auth import Actor, in_scope
from service.errors import NotFound
from service.extensions import db

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
