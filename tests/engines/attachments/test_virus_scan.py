"""The optional clamd scan (ATTACHMENT_CLAMD), against a fake daemon this module runs on a free loopback port
that speaks only clamd's INSTREAM protocol (`nINSTREAM\\n`, chunks each led by a 4-byte big-endian length, a
zero length to end; one answer line): a clean file is kept, a finding refused (422), an unreachable daemon
refuses the upload (503); a refusal writes nothing."""

from __future__ import annotations

import socket
import struct
import threading
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from flask import Flask

from tests.engines.attachments.helpers import CASES, PDF, stored_files, upload
from tests.support.database import fingerprint
from tests.support.establishment import make_unit, new_case
from tests.support.ports import free_port
from tests.support.world import Api

EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


def _read_exact(conn: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    return data


def _serve(server: socket.socket, seen: list[int]) -> None:
    while True:
        try:
            conn, _ = server.accept()
        except OSError:
            return
        with conn:
            command = b""
            while not command.endswith(b"\n"):
                command += _read_exact(conn, 1)
            assert command == b"nINSTREAM\n"
            body = b""
            while size := struct.unpack("!L", _read_exact(conn, 4))[0]:
                body += _read_exact(conn, size)
            seen.append(len(body))
            found = b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE" in body
            conn.sendall(b"stream: Eicar-Signature FOUND\n" if found else b"stream: OK\n")


@pytest.fixture(scope="module")
def fake_clamd() -> Iterator[tuple[str, list[int]]]:
    port = free_port(range(28000, 29000))
    assert port is not None
    server = socket.socket()
    server.bind(("127.0.0.1", port))
    server.listen()
    seen: list[int] = []
    thread = threading.Thread(target=_serve, args=(server, seen), daemon=True)
    thread.start()
    yield f"127.0.0.1:{port}", seen
    server.close()


def _with_clamd(app: Flask, address: str) -> Any:
    settings = app.config["SETTINGS"]
    app.config["SETTINGS"] = replace(settings, attachments=replace(settings.attachments, clamd=address))
    return settings


@pytest.fixture()
def case(api: Api) -> dict[str, Any]:
    unit = make_unit(api, "east_t1", as_="admin@city", formal_members=3)
    return new_case(api, [unit["id"]], "branch", as_="admin@city")


def test_clean_file_is_scanned_and_kept(app: Flask, api: Api, case: Any, fake_clamd: Any) -> None:
    address, seen = fake_clamd
    settings = _with_clamd(app, address)
    try:
        res = upload(api, f"{CASES}/{case['id']}", PDF)
        assert res.status_code == 201, res.json
        assert seen[-1] == len(PDF)
    finally:
        app.config["SETTINGS"] = settings


def test_a_finding_is_refused_and_nothing_written(app: Flask, api: Api, case: Any, fake_clamd: Any) -> None:
    address, _ = fake_clamd
    settings = _with_clamd(app, address)
    try:
        before, files = fingerprint(app), stored_files(app)
        res = upload(api, f"{CASES}/{case['id']}", EICAR + b"\n", name="说明.txt")
        assert res.status_code == 422
        assert res.json["code"] == "virus_found" and "病毒" in res.json["message"]
        assert (fingerprint(app), stored_files(app)) == (before, files)
    finally:
        app.config["SETTINGS"] = settings


def test_an_unreachable_daemon_refuses_the_upload(app: Flask, api: Api, case: Any) -> None:
    port = free_port(range(29000, 30000))  # nothing listens there
    settings = _with_clamd(app, f"127.0.0.1:{port}")
    try:
        before, files = fingerprint(app), stored_files(app)
        res = upload(api, f"{CASES}/{case['id']}", PDF)
        assert res.status_code == 503
        assert res.json["message"] == "病毒扫描服务暂时不可用，附件未上传，请稍后重试"
        assert res.headers["Retry-After"] == "30"
        assert (fingerprint(app), stored_files(app)) == (before, files)
    finally:
        app.config["SETTINGS"] = settings
