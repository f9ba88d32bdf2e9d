"""Webhooks in tests: the `receiver` fixture (a plugin, tests/conftest.py), a real HTTP receiver on 127.0.0.1
that the test's app may reach (`allow`: the SSRF guard refuses loopback otherwise), and helpers to register a
webhook and read a jurisdiction's path."""

from __future__ import annotations

import dataclasses
import queue
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from flask import Flask

from service.extensions import db
from service.models import Jurisdiction
from tests.support.world import Api, World

WEBHOOKS = "/api/v1/webhooks"


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """A webhook receiver on an ephemeral port. Every POST is recorded (before it is answered) in `requests`;
    answers come from `statuses` in order (200 once they run out). With `hold` set, a request signals
    `entered` and waits for `hold` before answering — so a test can act while a delivery is in flight."""

    port: int = 0
    requests: queue.Queue[Received] = field(default_factory=queue.Queue)
    statuses: list[int] = field(default_factory=list)
    hold: threading.Event | None = None
    entered: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    posts: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def next_status(self) -> int:
        with self.lock:
            self.posts += 1
            return self.statuses.pop(0) if self.statuses else 200

    def received(self) -> list[Received]:
        """Everything received so far (delivery is synchronous: deliver() returns after the answer)."""
        out = []
        while True:
            try:
                out.append(self.requests.get_nowait())
            except queue.Empty:
                return out


def _handler(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            receiver.requests.put(Received(self.path, dict(self.headers.items()), body))
            status = receiver.next_status()
            if receiver.hold is not None:
                receiver.entered.set()
                receiver.hold.wait(timeout=30)
            self.send_response(status)
            if 300 <= status < 400:
                self.send_header("Location", f"http://127.0.0.1:{receiver.port}/elsewhere")
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"ok" if status < 300 else b"receiver says no")

        def log_message(self, format: str, *args: Any) -> None:  # keep the test output clean
            return

    return Handler


def allow(app: Flask, *hosts: str) -> None:
    """Name hosts in the app's WEBHOOK_ALLOWED_HOSTS for this test (the app fixture restores its config)."""
    settings = app.config["SETTINGS"]
    app.config["SETTINGS"] = dataclasses.replace(settings, webhook_allowed_hosts=hosts)


@pytest.fixture
def receiver(app: Flask) -> Iterator[Receiver]:
    allow(app, "127.0.0.1")
    rec = Receiver()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(rec))
    server.daemon_threads = True
    rec.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield rec
    finally:
        if rec.hold is not None:
            rec.hold.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def register(api: Api, as_: str, url: str, events: list[str], scheme: str | None = None) -> dict[str, Any]:
    """Register a webhook (the standard signature scheme unless `scheme` says); the answer has its secret."""
    payload: dict[str, Any] = {"url": url, "events": events}
    if scheme is not None:
        payload["signature_scheme"] = scheme
    res = api.post(WEBHOOKS, as_=as_, json=payload)
    assert res.status_code == 201, res.get_data(as_text=True)
    return dict(res.json)


def path_of(app: Flask, world: World, code: str) -> str:
    with app.app_context():
        row = db.session.get(Jurisdiction, world.ids[code])
        assert row is not None
        path = row.path
        db.session.remove()
    return path
