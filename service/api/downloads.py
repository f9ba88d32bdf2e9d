"""File downloads, named twice: the Chinese name for browsers (RFC 6266 `filename*`) and an ASCII name for
tools that read only `filename=` (curl -OJ, wget, some mail gateways). Werkzeug's own fallback strips the
Chinese characters and left names such as `-20261.docx`, which curl saved as a file starting with a dash."""

from __future__ import annotations

import io
import re
from typing import IO
from urllib.parse import quote

from flask import Response, send_file

ASCII_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


def attachment(body: bytes | IO[bytes], mimetype: str, filename: str, ascii_name: str) -> Response:
    """`body` as an attachment called `filename`; `ascii_name` (letters, digits, `_.-`) for ASCII-only clients."""
    if not ASCII_NAME.fullmatch(ascii_name):
        raise ValueError(f"not a plain ASCII file name: {ascii_name!r}")
    stream = io.BytesIO(body) if isinstance(body, bytes) else body
    response = send_file(stream, mimetype=mimetype, as_attachment=True, download_name=ascii_name)
    if filename != ascii_name:
        # RFC 5987 attr-chars stay as they are; everything else is percent-encoded UTF-8.
        encoded = quote(filename, safe="!#$&+-.^_`|~")
        response.headers["Content-Disposition"] = f"attachment; filename={ascii_name}; filename*=UTF-8''{encoded}"
    return response
