"""Shared column types and mixins."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from sqlalchemy import BigInteger, DateTime, Integer, String, inspect
from sqlalchemy.orm import Mapped, Mapper, declared_attr, mapped_column
from sqlalchemy.types import TypeDecorator

from service.clock import now

# SQLite only auto-increments INTEGER PRIMARY KEY.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite stores them naive)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime")
        # SQLite keeps the wall-clock digits and drops the offset: store every instant as UTC, or a time given
        # in China's zone would read back eight hours late.
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class Versioned:
    """Optimistic locking: every UPDATE carries `WHERE version = :loaded`, so a concurrent writer
    gets StaleDataError (answered 409) instead of silently overwriting."""

    version: Mapped[int] = mapped_column(Integer, nullable=False)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}


class Timestamped:
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=now, onupdate=now)


class RuleVersioned:
    """A case, ticket or agreement: the version of the rules it started under (service/rule_versions.py),
    stamped by a session hook at its INSERT and never changed; None for rows created before versions were
    recorded."""

    rules_version: Mapped[str | None] = mapped_column(String(16))


def snapshot(row: object, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    """JSON-ready column values of a row, for audit records."""
    return {
        attr.key: _json_ready(getattr(row, attr.key))
        for attr in inspect(row).mapper.column_attrs
        if attr.key not in exclude
    }


def snapshot_of(model: type, values: Mapping[str, Any], exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    """`snapshot` of a row written without an ORM object, from the values it was written with (every column's,
    by attribute name): the same keys, in the same order, as `snapshot` of the row read back."""
    return {key: _json_ready(values[key]) for key in _column_keys(model) if key not in exclude}


@cache
def _column_keys(model: type) -> tuple[str, ...]:
    mapper: Mapper[Any] = inspect(model)
    return tuple(attr.key for attr in mapper.column_attrs)


def _json_ready(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime | date) else value
