"""Reading an uploaded .xlsx without trusting it.

Before the parser (python-calamine, Rust) sees the bytes: not empty, not the old .xls (OLE2) format, a zip
with the members an .xlsx has, few enough members, and declared uncompressed sizes (total and per-member
ratio) inside the limits — a zip bomb is refused from its central directory, before anything is inflated.
Python's zipfile never inflates a member past its declared size, so the declared sizes bound the work that
follows (calamine reads the same archive after these checks).

Formulas are refused, not evaluated and not taken from cached values: a cached value may be stale or
missing (files written by scripts carry none), and a ledger row must be what the office typed. The sheet's
XML is scanned for formula elements in a streaming pass that also counts its rows (the `dimension` a file
declares may lie).

calamine gives every number as a float and an empty cell as ""; the rows are handed on as openpyxl gave
them (whole numbers as int, empty cells as None, date cells as datetime), so the ledger's cell rules
(ledger_columns) read the same values whichever parser read the file."""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO
from typing import TYPE_CHECKING, Any

from service.spreadsheets.limits import SpreadsheetSettings

if TYPE_CHECKING:
    from python_calamine import CalamineSheet, CalamineWorkbook

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and Office's encrypted workbooks
ZIP_MAGIC = b"PK\x03\x04"
REQUIRED_MEMBERS = ("[Content_Types].xml", "xl/workbook.xml")
RATIO_CHECK_FROM = 1024 * 1024  # small members may compress oddly well; the total cap covers them
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_ROW = re.compile(rb"<(?:\w+:)?row[\s>]")
_CELL_REF = re.compile(rb'<(?:\w+:)?c\s[^>]*?\br="([A-Z]{1,3}[0-9]{1,7})"')
_CHUNK = 1024 * 1024
_OVERLAP = 16
MB = 1024 * 1024
MAX_EXACT_FLOAT = 2**53  # past it a float's integer digits are not what was typed (credit codes as numbers)
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"


class SpreadsheetRefused(Exception):
    """The file cannot be imported at all (nothing is changed): a stable code and a Chinese message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Inspection:
    sheet_title: str
    headers: list[str | None]
    data_rows: int  # rows after the header row, as the sheet's XML holds them (blank ones included)


def _refuse(code: str, message: str) -> SpreadsheetRefused:
    return SpreadsheetRefused(code, message)


def check_container(data: bytes, limits: SpreadsheetSettings) -> zipfile.ZipFile:
    """The zip checks, from the central directory only."""
    if not data:
        raise _refuse("empty_file", "上传的文件为空")
    if len(data) > limits.max_bytes:
        raise _refuse("file_too_large", f"文件过大（超过 {limits.max_bytes // MB} MB）")
    if data.startswith(OLE2_MAGIC):
        raise _refuse(
            "xls_not_supported",
            "不支持旧版 Excel 97-2003（.xls）文件或加密的工作簿，请在 Excel 中另存为未加密的 .xlsx 后再导入",
        )
    if not data.startswith(ZIP_MAGIC):
        raise _refuse("not_xlsx", "文件不是 .xlsx 格式（Excel 2007 及以上版本的工作簿）")
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise _refuse("not_xlsx", "文件已损坏，无法作为 .xlsx 读取") from exc
    check_members(infos, limits)
    names = {i.filename for i in infos}
    if any(m not in names for m in REQUIRED_MEMBERS):
        raise _refuse("not_xlsx", "文件不是 Excel 工作簿（.xlsx）")
    for info in infos:
        check_inflates_as_declared(data, info)
    return archive


def check_inflates_as_declared(data: bytes, info: zipfile.ZipInfo) -> None:
    """A member inflates to no more than its declared size. Python's zipfile stops at the declared size, but
    calamine's Rust reader inflates a member to its end: a member that lies about its size would be a zip bomb
    that the central directory does not show. Inflated here in chunks, never more than declared + 1 byte."""
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise _refuse("not_xlsx", "文件不是 Excel 工作簿（.xlsx）：压缩方式不受支持")
    header = data[info.header_offset : info.header_offset + 30]
    if len(header) < 30 or not header.startswith(b"PK\x03\x04"):
        raise _refuse("not_xlsx", "文件已损坏，无法作为 .xlsx 读取")
    start = info.header_offset + 30 + int.from_bytes(header[26:28], "little") + int.from_bytes(header[28:30], "little")
    raw = memoryview(data)[start : start + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        if len(raw) != info.file_size:
            raise _refuse("not_xlsx", "文件已损坏，无法作为 .xlsx 读取")
        return
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    left = info.file_size + 1
    try:
        for at in range(0, len(raw), _CHUNK):
            left -= len(inflater.decompress(raw[at : at + _CHUNK], left))
            while inflater.unconsumed_tail and left > 0:
                left -= len(inflater.decompress(inflater.unconsumed_tail, left))
            if left <= 0:
                raise _refuse("zip_bomb", "文件解压后的大小与声明不符，疑似压缩炸弹，已拒绝")
    except zlib.error as exc:
        raise _refuse("not_xlsx", "文件已损坏，无法作为 .xlsx 读取") from exc


def check_members(infos: list[zipfile.ZipInfo], limits: SpreadsheetSettings) -> None:
    """A zip's central directory inside the limits: members, total declared size, per-member ratio, no
    encryption (also the attachments' check on .docx/.xlsx, service/attachments/sniff.py)."""
    if len(infos) > limits.max_members:
        raise _refuse("zip_too_many_members", f"文件结构异常（压缩包内文件数超过 {limits.max_members} 个）")
    total = sum(i.file_size for i in infos)
    if total > limits.max_uncompressed_bytes:
        raise _refuse(
            "zip_bomb", f"文件解压后过大（超过 {limits.max_uncompressed_bytes // MB} MB），疑似压缩炸弹，已拒绝"
        )
    for info in infos:
        if info.flag_bits & 0x1:
            raise _refuse("encrypted", "文件已加密，请取消密码保护后再导入")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size >= RATIO_CHECK_FROM and ratio > limits.max_compression_ratio:
            raise _refuse("zip_bomb", f"文件压缩比异常（{ratio:.0f} 倍），疑似压缩炸弹，已拒绝")


def open_workbook(data: bytes) -> CalamineWorkbook:
    """calamine reads cell values only: formulas are never evaluated (and were refused before)."""
    from python_calamine import CalamineWorkbook  # imported when a workbook is read, not when the app starts

    try:
        return CalamineWorkbook.from_filelike(BytesIO(data))
    except Exception as exc:  # calamine raises ZipError, XmlError, CalamineError... for a damaged workbook
        raise _refuse("unreadable", "无法读取该 Excel 文件：文件已损坏或格式不受支持") from exc


def _first_sheet(wb: CalamineWorkbook) -> CalamineSheet:
    from python_calamine import SheetTypeEnum

    sheets = wb.sheets_metadata
    if not sheets:
        raise _refuse("no_sheet", "工作簿中没有工作表")
    if sheets[0].typ != SheetTypeEnum.WorkSheet:
        raise _refuse("no_sheet", "第一个工作表不是数据表")
    try:
        return wb.get_sheet_by_index(0)
    except Exception as exc:
        raise _refuse("unreadable", "无法读取该 Excel 文件：文件已损坏或格式不受支持") from exc


def first_sheet_path(archive: zipfile.ZipFile) -> str:
    """The zip member of the workbook's first sheet (workbook.xml's first <sheet>, through its relationship)."""
    from openpyxl.xml.functions import fromstring  # openpyxl's XML parser settings (defusedxml when installed)

    try:
        book = fromstring(archive.read("xl/workbook.xml"))
        first = book.find(f"{_MAIN}sheets/{_MAIN}sheet")
        rels = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except Exception as exc:  # KeyError (member missing), XML errors
        raise _refuse("unreadable", "无法读取该 Excel 文件：文件已损坏或格式不受支持") from exc
    if first is None:
        raise _refuse("no_sheet", "工作簿中没有工作表")
    rel = next((r for r in rels.iter(f"{_PKG}Relationship") if r.get("Id") == first.get(f"{_REL}id")), None)
    if rel is None or not str(rel.get("Type", "")).endswith("/worksheet"):
        raise _refuse("no_sheet", "第一个工作表不是数据表")
    target = str(rel.get("Target", ""))
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))


def scan_sheet_xml(archive: zipfile.ZipFile, path: str) -> tuple[int, str | None]:
    """(rows in the sheet, the first formula cell or None) in one streaming pass over the sheet's XML."""
    rows = 0
    tail = b""
    try:
        with archive.open(path) as stream:
            while chunk := stream.read(_CHUNK):
                buf = tail + chunk
                # A match lying wholly in the carried-over tail was counted with the previous chunk.
                rows += sum(1 for m in _ROW.finditer(buf) if m.end() > len(tail))
                hit = _FORMULA.search(buf)
                if hit:
                    refs = _CELL_REF.findall(buf[max(0, hit.start() - 2000) : hit.start()])
                    return rows, refs[-1].decode() if refs else "?"
                tail = buf[-_OVERLAP:]
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise _refuse("unreadable", "无法读取该 Excel 文件：文件已损坏") from exc
    return rows, None


def inspect(data: bytes, limits: SpreadsheetSettings) -> Inspection:
    """Everything that can refuse a whole file, checked before an import is accepted."""
    archive = check_container(data, limits)
    rows, formula_at = scan_sheet_xml(archive, first_sheet_path(archive))
    wb = open_workbook(data)
    try:
        ws = _first_sheet(wb)
        if formula_at:
            raise _refuse(
                "formulas_not_allowed",
                f"工作表「{ws.name}」含有公式（如 {formula_at} 单元格）。系统不计算公式，"
                "请将公式转换为数值（复制后“选择性粘贴—数值”）后再导入",
            )
        if rows - 1 > limits.max_rows:
            raise _refuse("too_many_rows", f"数据行数超过上限（{limits.max_rows} 行），请拆分后分批导入")
        headers = _headers(next(_rows(ws), ()))
        if len(headers) > limits.max_columns:
            raise _refuse("too_many_columns", f"列数超过上限（{limits.max_columns} 列）")
        if not any(headers):
            raise _refuse("no_header", "第一行应为列标题（与导出的台账表头一致），但第一行为空")
        return Inspection(ws.name, headers, max(rows - 1, 0))
    finally:
        wb.close()


def _headers(first: tuple[Any, ...]) -> list[str | None]:
    headers = [str(v).strip() if v is not None and str(v).strip() else None for v in first]
    while headers and headers[-1] is None:
        headers.pop()
    return headers


def _value(v: Any) -> Any:
    """A calamine value as openpyxl gave it."""
    if v == "" or v is None:
        return None
    if type(v) is float and v.is_integer() and abs(v) < MAX_EXACT_FLOAT:
        return int(v)
    if type(v) is date:
        return datetime(v.year, v.month, v.day)
    return v


def _rows(ws: CalamineSheet, width: int | None = None) -> Iterator[tuple[Any, ...]]:
    """Every row from row 1, cells from column A: calamine's range starts at the sheet's first non-empty cell,
    so the rows above it come as () and the columns left of it as blanks."""
    from python_calamine import CalamineError, XmlError, ZipError

    top, left = ws.start or (0, 0)
    pad = (None,) * left
    cut = None if width is None else max(width - left, 0)
    yield from ((),) * top
    try:
        for values in ws.iter_rows():
            yield pad + tuple(_value(v) for v in values[:cut])
    except (CalamineError, XmlError, ZipError) as exc:
        raise _refuse("unreadable", "无法读取该 Excel 文件：文件已损坏或格式不受支持") from exc


def data_rows(data: bytes, width: int, limits: SpreadsheetSettings) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(row number, the first `width` values) for every row below the header; wholly blank rows are skipped.
    The file was inspected when it was accepted; the row limit is enforced again here."""
    wb = open_workbook(data)
    try:
        ws = _first_sheet(wb)
        rows = _rows(ws, width)
        next(rows, None)  # the header
        for number, values in enumerate(rows, start=2):
            if number - 1 > limits.max_rows:
                raise _refuse("too_many_rows", f"数据行数超过上限（{limits.max_rows} 行），请拆分后分批导入")
            row = values[:width] + (None,) * (width - len(values))
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
                continue
            yield number, row
    finally:
        wb.close()
