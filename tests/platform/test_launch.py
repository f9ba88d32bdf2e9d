"""The run command (`make run` → `python -m service.launch`) on the embedded defaults, started twice on one
instance directory as a newcomer does on their second day: the second start must not crash, keep the demo
data, and the demo users must still sign in with the passwords printed on the first day."""

from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.support import ROOT
from tests.support.ports import free_port

# Start-up (migrate, demo data, create_app in four processes) on a loaded two-core CI machine.
START_TIMEOUT = 240.0


def _launcher_env(instance: Path, port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DEMO_DATA", "SECRET_KEY"}}
    env.update(INSTANCE_DIR=str(instance), PORT=str(port), HOST="127.0.0.1", WEB_CONCURRENCY="1")
    return env


def _wait_until_up(proc: subprocess.Popen[bytes], base: str, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"the run command exited with {proc.returncode}:\n{log.read_text(errors='replace')[-4000:]}")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    pytest.fail(f"the run command did not answer within {START_TIMEOUT} s:\n{log.read_text(errors='replace')[-4000:]}")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)  # what systemd and a terminal's Ctrl-C (SIGINT) both unwind the same way
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _sign_in(base: str, username: str, password: str) -> str:
    """Sign in through the console's form (CSRF token included); returns the page landed on."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(base + "/sign-in", timeout=10) as page:
        html = page.read().decode()
    token = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert token, "the sign-in form carries a CSRF token"
    form = urllib.parse.urlencode({"username": username, "password": password, "csrf_token": token.group(1)})
    with opener.open(base + "/sign-in", data=form.encode(), timeout=10) as landed:
        return landed.read().decode()


def _demo_password(instance: Path, username: str) -> str:
    text = (instance / "demo-tokens.txt").read_text(encoding="utf-8")
    match = re.search(rf"^\s+{username}\s+(\S+)\s+\S+$", text, re.M)
    assert match, text
    return match.group(1)


@pytest.mark.skipif(sys.platform == "win32", reason="process groups")
def test_run_command_starts_twice_on_one_instance_and_signs_in(tmp_path: Path) -> None:
    instance = tmp_path / "instance"
    for day in (1, 2):
        port = free_port(range(20000, 30000))
        assert port is not None
        base = f"http://127.0.0.1:{port}"
        log = tmp_path / f"day{day}.log"
        with log.open("wb") as out:
            proc = subprocess.Popen(
                [sys.executable, "-m", "service.launch"],
                cwd=ROOT,
                env=_launcher_env(instance, port),
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            try:
                _wait_until_up(proc, base, log)
                landed = _sign_in(base, "approver", _demo_password(instance, "approver"))
                assert "登录成功" in landed and "退出" in landed, landed[:2000]
            finally:
                _stop(proc)
        text = log.read_text(errors="replace")
        assert "Traceback" not in text and "database is locked" not in text, text[-4000:]
        # The second day prints the demo users from the instance directory instead of loading them again.
        assert "Demo users:" in text
