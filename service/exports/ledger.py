"""The ledger as .xlsx: the unit list's scope, filters and order, every matching row."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import aliased

from service.auth import Actor
from service.exports import STREAM_BATCH
from service.extensions import db
from service.models import Jurisdiction, PartyOrg, Unit, User
from service.operations.common import order_by_keys
from service.operations.reference import units
from service.spreadsheets.ledger_columns import EXPORT_COLUMNS
from service.spreadsheets.writer import Sheet, write_workbook
from service.vocab import UNIT_SORT_KEYS
from workflows.ledger import missing_clears


def ledger_rows(actor: Actor, filters: dict[str, Any]) -> Iterator[Mapping[str, Any]]:
    """The unit list's rows (same scope, filters and order) with the names the sheet shows, in one query.
    The statement is built before the first row is asked for, so a bad filter fails before streaming."""
    instructor = aliased(User)
    stmt = (
        select(
            *(getattr(Unit, c.name) for c in Unit.__table__.columns),
            Jurisdiction.code.label("jurisdiction_code"),
            Jurisdiction.name.label("jurisdiction_name"),
            instructor.username.label("instructor_username"),
            instructor.display_name.label("instructor_name"),
            PartyOrg.name.label("party_org_name"),
        )
        .select_from(Unit)
        .join(Jurisdiction, Jurisdiction.id == Unit.jurisdiction_id)
        .outerjoin(instructor, instructor.id == Unit.instructor_id)
        .outerjoin(PartyOrg, PartyOrg.id == Unit.party_org_id)
    )
    stmt = order_by_keys(units.filtered(stmt, actor, filters), Unit, filters.get("sort"), UNIT_SORT_KEYS, "name")
    return _ledger_stream(stmt)


def _ledger_stream(stmt: Any) -> Iterator[Mapping[str, Any]]:
    for row in db.session.execute(stmt.execution_options(yield_per=STREAM_BATCH)):
        data = dict(row._mapping)
        data["missing_clears"] = missing_clears(
            operating_status=data["operating_status"],
            employees=data["employees"],
            formal_members=data["formal_members"],
            investor_or_head=data["investor_or_head"],
            has_party_org=data["party_org_id"] is not None,
            no_org_reason=data["no_org_reason"],
        )
        yield data


def ledger_workbook(actor: Actor, filters: dict[str, Any]) -> IO[bytes]:
    return write_workbook([Sheet("台账", EXPORT_COLUMNS, ledger_rows(actor, filters))])
