"""Free loopback ports for the servers some tests start of their own (never the shared ones)."""

from __future__ import annotations

import random
import socket


def free_port(ports: range) -> int | None:
    """A port in `ports` nothing listens on, or None. Tried in random order: CI runs the PostgreSQL and
    the SQLite suites at once, and two runs scanning from the same first port would race for it between
    this check and their server's bind."""
    for port in random.sample(ports, len(ports)):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    return None
