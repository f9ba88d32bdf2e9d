"""The ledger as .xlsx: the unit list's scope, filters and order, every matching row (streamed by
service/operations/reference/units.ledger_rows)."""

from __future__ import annotations

from typing import IO, Any

from service.auth import Actor
from service.operations.reference import units
from service.spreadsheets.ledger_columns import EXPORT_COLUMNS
from service.spreadsheets.writer import Sheet, write_workbook


def ledger_workbook(actor: Actor, filters: dict[str, Any]) -> IO[bytes]:
    return write_workbook([Sheet("台账", EXPORT_COLUMNS, units.ledger_rows(actor, filters))])
