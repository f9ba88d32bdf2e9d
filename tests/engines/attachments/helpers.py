"""Files and calls shared by the attachment tests."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from flask import Flask

from service.operations.engines import attachments
from tests.support.world import Api

CASES = "/api/v1/establishment-cases"
TICKETS = "/api/v1/supervision-tickets"
INTERVIEWS = "/api/v1/interviews"

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40


def ooxml(main: str, extra: dict[str, bytes] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            f'<?xml version="1.0"?><Types><Override PartName="/x" ContentType="{main}"/></Types>',
        )
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


DOCX = ooxml("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
XLSX = ooxml("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")


def upload(
    api: Api,
    base: str,
    data: bytes,
    name: str = "请示.pdf",
    kind: str = "request",
    as_: str = "admin@city",
    **form: Any,
) -> Any:
    fields: dict[str, Any] = {"kind": kind, "file": (io.BytesIO(data), name), **form}
    return api.post(f"{base}/attachments", as_=as_, data=fields, content_type="multipart/form-data")


def stored_files(app: Flask) -> list[str]:
    with app.app_context():
        return [str(p) for p in attachments.storage().files()]
