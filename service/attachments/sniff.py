"""What an uploaded file is, from its content (never its name), and whether it may be kept.

Allowed: PDF, PNG, JPEG, .docx/.xlsx (a zip whose [Content_Types].xml declares the Word document or Excel
workbook main part, inside the Excel import's zip-bomb limits), .doc/.xls (an OLE2 compound file; the name's
extension tells the two apart, the content must be OLE2), plain text (UTF-8 or GB18030, no NUL bytes).
Refused: everything else, and in particular HTML and SVG (any), markup in the head of a PDF or a text file (a
polyglot a browser could render), executables whatever their name (puremagic names them)."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import puremagic

from service.spreadsheets.limits import SpreadsheetSettings
from service.spreadsheets.reader import SpreadsheetRefused, check_members

HEAD = 8192
POLYGLOT_WINDOW = 1024
PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOC = "application/msword"
XLS = "application/vnd.ms-excel"
TEXT = "text/plain"
# What may be shown inline (sandboxed) in the console; everything else is only downloaded.
PREVIEWABLE = frozenset({PDF, PNG, JPEG})
EXTENSIONS = {PDF: "pdf", PNG: "png", JPEG: "jpg", DOCX: "docx", XLSX: "xlsx", DOC: "doc", XLS: "xls", TEXT: "txt"}
MAIN_PARTS = {
    DOCX: b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    XLSX: b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
}
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# Markup a browser would render, looked for (case-insensitively) in the head of PDFs and text files.
MARKUP = re.compile(rb"<\s*(?:script|html|svg|body|iframe|object|embed|!doctype|\?xml)\b|javascript:", re.I)
# What puremagic names that is refused outright, whatever else the bytes look like.
REFUSED_EXTENSIONS = {".exe", ".dll", ".com", ".msi", ".elf", ".so", ".html", ".htm", ".svg", ".xhtml", ".js", ".jar"}
_CONTENT_TYPES_MAX = 256 * 1024
MB = 1024 * 1024
ALLOWED_ZH = "仅可上传 PDF、PNG、JPEG、Word、Excel 或纯文本文件"


class Refused(Exception):
    """The file may not be kept: an HTTP status, a stable code and a Chinese message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def _unsupported(detail: str = "") -> Refused:
    return Refused(
        415,
        "unsupported_file_type",
        "不支持的文件类型"
        + (f"（{detail}）" if detail else "")
        + "：仅可上传 PDF、PNG、JPEG、Word、Excel 或纯文本文件",
    )


@dataclass(frozen=True)
class Sniffed:
    content_type: str

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.content_type]


def _named_by_puremagic(head: bytes) -> set[str]:
    import io

    try:
        return {m.extension.lower() for m in puremagic.magic_stream(io.BytesIO(head)) if m.extension}
    except puremagic.PureError:
        return set()


def _ooxml(path: Path, limits: SpreadsheetSettings) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            try:
                check_members(infos, limits)
            except SpreadsheetRefused as exc:
                raise Refused(422, exc.code, exc.message) from exc
            names = {i.filename: i for i in infos}
            info = names.get("[Content_Types].xml")
            if info is None or info.file_size > _CONTENT_TYPES_MAX:
                raise _unsupported("压缩包不是 Word 或 Excel 文档")
            declared = archive.read(info)
    except zipfile.BadZipFile as exc:
        raise _unsupported("压缩包已损坏") from exc
    for content_type, main in MAIN_PARTS.items():
        if main in declared:
            return content_type
    raise _unsupported("压缩包不是 Word 或 Excel 文档")


def _text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as exc:
            # The head may end inside a multi-byte character.
            if exc.start >= len(head) - 4:
                return True
    return False


def sniff(path: Path, display_name: str, limits: SpreadsheetSettings) -> Sniffed:
    """The content type of the spooled file at `path`, or Refused."""
    with path.open("rb") as f:
        head = f.read(HEAD)
    if not head:
        raise Refused(422, "empty_file", "上传的文件为空")
    # Zip and OLE2 containers match dozens of puremagic's names (.jar, .msi…): their structure is checked below.
    named = set() if head.startswith((ZIP_MAGIC, OLE2_MAGIC)) else _named_by_puremagic(head)
    if named & REFUSED_EXTENSIONS or head.startswith((b"MZ", b"\x7fELF")):
        raise _unsupported("可执行文件或网页")
    if head.startswith(b"%PDF-"):
        if MARKUP.search(head[:POLYGLOT_WINDOW]):
            raise _unsupported("PDF 文件头部含有网页代码")
        return Sniffed(PDF)
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Sniffed(PNG)
    if head.startswith(b"\xff\xd8\xff"):
        return Sniffed(JPEG)
    if head.startswith(ZIP_MAGIC):
        return Sniffed(_ooxml(path, limits))
    if head.startswith(OLE2_MAGIC):
        suffix = Path(display_name).suffix.lower()
        if suffix in (".doc", ".xls"):
            return Sniffed(DOC if suffix == ".doc" else XLS)
        raise _unsupported("Office 97-2003 文档须以 .doc 或 .xls 命名")
    if _text(head):
        if MARKUP.search(head) or head.lstrip().startswith(b"<"):
            raise _unsupported("网页或 XML 文件")
        return Sniffed(TEXT)
    raise _unsupported()


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
MAX_NAME = 200


def display_name(raw: str | None) -> str:
    """The name shown and offered on download: refused if it is a path (`../`, `/x`, `C:\\x`); control
    characters dropped, trimmed, at most MAX_NAME characters (the extension kept)."""
    name = _CONTROL.sub("", raw or "").strip()
    if not name:
        raise Refused(422, "invalid_filename", "请选择要上传的文件（文件名不能为空）")
    if "/" in name or "\\" in name or name in (".", "..") or re.match(r"^[A-Za-z]:", name):
        raise Refused(422, "invalid_filename", "文件名不能包含路径（如 ../ 或 /）")
    if len(name) > MAX_NAME:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: MAX_NAME - len(ext) - 1] + dot + ext) if dot and len(ext) <= 10 else name[:MAX_NAME]
    return name
