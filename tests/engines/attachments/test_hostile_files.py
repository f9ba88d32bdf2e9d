"""Hostile uploads: each refused with its 4xx before anything is written (no row, no audit record, no file in
the store, no temporary file left behind)."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from flask import Flask

from service.attachments import sniff
from tests.engines.attachments.helpers import CASES, PDF, stored_files, upload
from tests.support.database import fingerprint
from tests.support.establishment import make_unit, new_case
from tests.support.world import Api

MB = 1024 * 1024


def _bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
        z.writestr("[Content_Types].xml", f'<Types><Override ContentType="{main}"/></Types>')
        z.writestr("word/document.xml", b"\x00" * (50 * MB))
    return buf.getvalue()


def _zip_without_office() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("evil.exe", b"MZ" + b"\x00" * 100)
    return buf.getvalue()


HOSTILE = [
    ("html", b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>", "通知.pdf", 415),
    ("html-as-text", b"<html><body>hi</body></html>", "名单.txt", 415),
    ("svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "图.png", 415),
    ("svg-plain", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>', "图.svg", 415),
    ("polyglot-pdf", b"%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF", "请示.pdf", 415),
    ("exe-as-pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200, "请示.pdf", 415),
    ("elf", b"\x7fELF\x02\x01\x01" + b"\x00" * 200, "请示.pdf", 415),
    ("zip-not-office", _zip_without_office(), "花名册.docx", 415),
    ("zip-bomb", _bomb(), "会议记录.docx", 422),
    ("binary", bytes(range(256)) * 4, "请示.pdf", 415),
    ("empty", b"", "请示.pdf", 422),
    ("dotdot", PDF, "../../etc/passwd.pdf", 422),
    ("absolute", PDF, "/etc/请示.pdf", 422),
]


@pytest.fixture()
def case(api: Api) -> dict[str, Any]:
    unit = make_unit(api, "east_t1", as_="admin@city", formal_members=3)
    return new_case(api, [unit["id"]], "branch", as_="admin@city")


@pytest.mark.parametrize(("label", "data", "name", "status"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_file_is_refused_and_nothing_written(
    app: Flask, api: Api, case: dict[str, Any], label: str, data: bytes, name: str, status: int
) -> None:
    base = f"{CASES}/{case['id']}"
    before, files = fingerprint(app), stored_files(app)
    res = upload(api, base, data, name=name)
    assert res.status_code == status, res.json
    assert res.json["message"]  # Chinese
    assert fingerprint(app) == before
    assert stored_files(app) == files
    assert api.get(f"{base}/attachments").json == []


def test_a_200_mb_stream_is_refused_before_it_is_read(app: Flask, api: Api, case: dict[str, Any]) -> None:
    """Werkzeug refuses a declared body above the upload limit (20 MB + form overhead) without reading it."""

    class Endless(io.RawIOBase):
        """200 MB of zeros, made as they are read; its size is what the test client declares."""

        read_bytes = 0
        position = 0

        def readable(self) -> bool:
            return True

        def seekable(self) -> bool:
            return True

        def tell(self) -> int:
            return self.position

        def seek(self, offset: int, whence: int = 0) -> int:
            self.position = 200 * MB if whence == 2 else offset
            return self.position

        def readinto(self, b: Any) -> int:
            n = len(b)
            b[:n] = b"0" * n
            self.read_bytes += n
            return n

    stream = Endless()
    before, files = fingerprint(app), stored_files(app)
    res = api.post(
        f"{CASES}/{case['id']}/attachments",
        input_stream=stream,
        headers={"Content-Type": "multipart/form-data; boundary=xyz"},
    )
    assert res.status_code == 413
    assert res.json["code"] == "payload_too_large"
    assert stream.read_bytes < 1 * MB
    assert fingerprint(app) == before
    assert stored_files(app) == files


@pytest.mark.parametrize(
    ("raw", "shown"),
    [("请示.pdf", "请示.pdf"), (" 会议\x07记录.docx ", "会议记录.docx"), ("a" * 300 + ".pdf", "a" * 196 + ".pdf")],
)
def test_display_names_are_cleaned(raw: str, shown: str) -> None:
    assert sniff.display_name(raw) == shown


@pytest.mark.parametrize("raw", ["../x.pdf", "..\\x.pdf", "C:\\Users\\x.pdf", "/etc/x.pdf", "..", "", "\x00"])
def test_paths_are_refused_as_names(raw: str) -> None:
    with pytest.raises(sniff.Refused) as exc:
        sniff.display_name(raw)
    assert exc.value.status == 422
