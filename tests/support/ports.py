"""Free loopback ports for the servers some tests start of their own (never the shared ones)."""

from __future__ import annotations

import random
import socket


def free_port(ports: range, taken: frozenset[int] = frozenset()) -> int | None:
    """A port in `ports` nothing listens on and not in `taken`, or None. Tried in random order: CI runs
    the PostgreSQL and the SQLite suites at once, and two runs scanning from the same first port would
    race for it between this check and their server's bind. `taken` holds ports this caller already
    chose but has not bound yet, so one test's servers never get the same port."""
    for port in random.sample(ports, len(ports)):
        if port in taken:
            continue
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    return None
