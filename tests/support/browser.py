"""What the console's browser tests share: Debian's Chromium driven by Playwright (headless, --no-sandbox),
the test app served on a real port over the test database, and a user in their own browser context.
The fixtures `browser` and `live_server` are a plugin (tests/conftest.py's `pytest_plugins`): a test asks for
them and imports `MARKS` and `Person` from here."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.serving import make_server

from tests.support.console import PASSWORD
from tests.support.ports import free_port
from tests.support.world import World

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PORTS = range(5140, 5190)

# The marks every browser test module applies: real commits (a server thread), and Chromium present.
MARKS = [
    pytest.mark.commits,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is absent: apt-get install chromium fonts-noto-cjk"
    ),
]


@pytest.fixture
def live_server(app: Flask, world: World) -> Iterator[str]:
    """The test app on a free port, in a thread (rows it commits are emptied after the test)."""
    port = free_port(PORTS)
    if port is None:
        pytest.skip(f"no free port in {PORTS.start}-{PORTS.stop - 1}")
    server = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


@pytest.fixture
def browser() -> Iterator[Any]:
    playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extras)")
    with playwright_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            yield instance
        finally:
            instance.close()


class Person:
    """One user in their own browser context (own cookies)."""

    def __init__(self, browser: Any, base: str, username: str, width: int = 1366, height: int = 768) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
        self.page = self.context.new_page()
        self.base = base
        self.username = username

    def sign_in(self) -> None:
        page = self.page
        page.goto(self.base + "/")
        assert "/sign-in" in page.url
        page.fill("input[name=username]", self.username)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_load_state()

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    def open_first_task(self) -> None:
        self.page.goto(self.base + "/inbox")
        self.page.click("table#tasks tbody tr[data-task] a")
        self.page.wait_for_load_state()
