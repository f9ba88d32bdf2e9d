"""Free loopback ports for the servers some tests start of their own (never the shared ones)."""

from __future__ import annotations

import socket


def free_port(ports: range) -> int | None:
    """The first port in `ports` nothing listens on, or None."""
    for port in ports:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    return None
