"""The error report of an import as .xlsx: the uploaded rows with their errors beside them."""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import IO, Any

from sqlalchemy import select

from service.auth import Actor
from service.extensions import db
from service.models import UnitImportError
from service.operations.engines.unit_imports import FINISHED, get, limits
from service.spreadsheets import reader
from service.spreadsheets.ledger_columns import BY_HEADER
from service.spreadsheets.writer import cell, start_sheet, styles
from workflows.errors import Conflict

ERROR_HEADER = "导入错误"
ROW_HEADER = "原行号"


def errors_workbook(actor: Actor, import_id: int, only_errors: bool) -> IO[bytes]:
    """The uploaded rows with their errors beside them (and the faulty cells filled red), streamed: the file
    and the errors (ordered by row) are read side by side."""
    imp = get(actor, import_id)
    if imp.status not in FINISHED:
        raise Conflict("import_not_finished", "导入尚未完成，错误报告暂不可用")
    headers = [h or "" for h in imp.headers]
    width = len(headers)
    from openpyxl import Workbook  # imported when a report is written, not when the app starts

    error_fill = styles().error_fill
    wb = Workbook(write_only=True)
    ws = start_sheet(
        wb,
        "导入错误",
        [9, *(BY_HEADER[h].column.width if h in BY_HEADER else 14 for h in headers), 50],
        [ROW_HEADER, *headers, ERROR_HEADER],
    )
    by_row = _errors_by_row(import_id)
    pending = next(by_row, None)
    for number, values in reader.data_rows(imp.content, width, limits()):
        messages: list[tuple[str | None, str]] = []
        while pending is not None and pending[0] <= number:
            if pending[0] == number:
                messages = pending[1]
            pending = next(by_row, None)
        if only_errors and not messages:
            continue
        bad = {c for c, _ in messages}
        cells = [cell(ws, v, fill=error_fill if h in bad else None) for h, v in zip(headers, values, strict=True)]
        text = "；".join(f"{c}：{m}" if c else m for c, m in messages)
        ws.append([number, *cells, cell(ws, text, fill=error_fill if messages else None) if text else None])
    out = tempfile.TemporaryFile()  # noqa: SIM115  # handed to the response, which closes it
    wb.save(out)
    out.seek(0)
    return out


def _errors_by_row(import_id: int) -> Iterator[tuple[int, list[tuple[str | None, str]]]]:
    rows: Iterable[Any] = db.session.execute(
        select(UnitImportError.row_no, UnitImportError.column, UnitImportError.message)
        .where(UnitImportError.import_id == import_id)
        .order_by(UnitImportError.row_no, UnitImportError.id)
        .execution_options(yield_per=1000)
    )
    grouped: dict[int, list[tuple[str | None, str]]] = defaultdict(list)
    current: int | None = None
    for row_no, column, message in rows:
        if current is not None and row_no != current:
            yield current, grouped.pop(current)
        current = row_no
        grouped[row_no].append((column, message))
    if current is not None:
        yield current, grouped.pop(current)
