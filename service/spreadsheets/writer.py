"""A streaming .xlsx writer: XlsxWriter's constant-memory mode, so each row goes to a temporary file as soon as
the next one starts and a city-wide export never sits in memory. Generic over columns (key, Chinese header,
width, formatter). The cell formats (header, date, error fill) are made once per workbook, not per cell."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "yyyy-mm-dd"
# Timestamps are stored in UTC; a ledger reader thinks in Beijing days.
CIVIL_TZ = ZoneInfo("Asia/Shanghai")
HEADER_FILL = "#DDEBF7"
ERROR_FILL = "#F8CBAD"
WORKBOOK_OPTIONS = {
    "constant_memory": True,
    # Cells are written by type, never guessed: a text starting with "=" stays text (no formula injection).
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}

# The control characters Excel cannot hold (openpyxl's ILLEGAL_CHARACTERS_RE): tab, LF and CR are kept.
ILLEGAL_CHARACTERS = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")

Formatter = Callable[[Any], Any]


@dataclass(frozen=True)
class Column:
    """One column: where its value comes from (`key` in the row mapping), its Chinese header, its width in
    characters, and how a value becomes a cell value (`format`; None: as is)."""

    key: str
    header: str
    width: float = 14
    format: Formatter | None = None


@dataclass
class Sheet:
    title: str
    columns: list[Column]
    rows: Iterable[Mapping[str, Any]]


def clean_text(value: str) -> str:
    """Control characters Excel cannot hold are dropped; our text columns refuse them on input too."""
    return ILLEGAL_CHARACTERS.sub("", value)


def civil_date(value: date | datetime | None) -> date | None:
    """A date cell (YYYY-MM-DD): datetimes as their Beijing calendar day."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(CIVIL_TZ).date() if value.tzinfo else value.date()
    return value


def stored_width(width: float) -> float:
    """XlsxWriter adds Excel's 5-pixel cell padding to a width (7 pixels a character); taken off here, the file
    stores the width as given, as the files written before did, so the columns look as they always have."""
    return max(width - 5 / 7, 0) if width > 1 else width


class Book:
    """A workbook being written to `out`, with its few cell formats made once."""

    def __init__(self, out: IO[bytes]) -> None:
        from xlsxwriter import Workbook  # imported when a workbook is written, not when the app starts

        self.wb = Workbook(out, WORKBOOK_OPTIONS)
        self.header = self.wb.add_format({"bold": True, "bg_color": HEADER_FILL, "pattern": 1})
        self.date = self.wb.add_format({"num_format": DATE_FORMAT})
        self.error = self.wb.add_format({"bg_color": ERROR_FILL, "pattern": 1})
        self.error_date = self.wb.add_format({"num_format": DATE_FORMAT, "bg_color": ERROR_FILL, "pattern": 1})

    def sheet(self, title: str, widths: Iterable[float], headers: Iterable[str]) -> SheetWriter:
        """A sheet with its column widths, a bold filled header row, and that row frozen."""
        ws = self.wb.add_worksheet(title[:31])
        for index, width in enumerate(widths):
            ws.set_column(index, index, stored_width(width))
        ws.freeze_panes(1, 0)
        for index, text in enumerate(headers):
            ws.write_string(0, index, clean_text(text), self.header)
        return SheetWriter(self, ws)

    def close(self) -> None:
        self.wb.close()


class SheetWriter:
    """Rows appended in order below the header (constant-memory mode writes each row once)."""

    def __init__(self, book: Book, ws: Worksheet) -> None:
        self.book = book
        self.ws = ws
        self.row = 1

    def append(self, values: Iterable[Any], errors: Collection[int] = ()) -> None:
        """One row; the cells at the `errors` positions are filled red."""
        for col, value in enumerate(values):
            self.cell(col, value, col in errors)
        self.row += 1

    def cell(self, col: int, value: Any, error: bool = False) -> None:
        """A cell by its value's type, never a formula; dates get the YYYY-MM-DD format."""
        ws, row, book = self.ws, self.row, self.book
        if value is None:
            if error:
                ws.write_blank(row, col, None, book.error)
        elif isinstance(value, str):
            ws.write_string(row, col, clean_text(value), book.error if error else None)
        elif isinstance(value, bool):
            ws.write_boolean(row, col, value, book.error if error else None)
        elif isinstance(value, int | float | Decimal):
            ws.write_number(row, col, value, book.error if error else None)
        elif isinstance(value, date):
            ws.write_datetime(row, col, civil_date(value), book.error_date if error else book.date)
        else:
            ws.write_string(row, col, clean_text(str(value)), book.error if error else None)


def write_rows(sheet: SheetWriter, columns: list[Column], rows: Iterable[Mapping[str, Any]]) -> int:
    written = 0
    for row in rows:
        sheet.append([c.format(row[c.key]) if c.format else row[c.key] for c in columns])
        written += 1
    return written


def new_file() -> IO[bytes]:
    # The response closes the temporary file once it is sent.
    return tempfile.TemporaryFile()


def write_workbook(sheets: Iterable[Sheet], out: IO[bytes] | None = None) -> IO[bytes]:
    """Write the sheets to `out` (default: a new temporary file) and return it rewound. Rows are consumed one
    at a time; give an iterator over a server-side cursor and memory stays flat whatever the row count."""
    target = out if out is not None else new_file()
    book = Book(target)
    for sheet in sheets:
        ws = book.sheet(sheet.title, [c.width for c in sheet.columns], [c.header for c in sheet.columns])
        write_rows(ws, sheet.columns, sheet.rows)
    book.close()
    target.seek(0)
    return target
