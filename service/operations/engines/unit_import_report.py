"""The error report of an import as .xlsx: the uploaded rows with their errors beside them."""

from __future__ import annotations

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
from service.spreadsheets.writer import Book, new_file
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
    out = new_file()
    book = Book(out)
    ws = book.sheet(
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
        text = "；".join(f"{c}：{m}" if c else m for c, m in messages)
        red = {i for i, h in enumerate(headers, start=1) if h in bad} | ({width + 1} if messages else set())
        ws.append([number, *values, text or None], errors=red)
    book.close()
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
