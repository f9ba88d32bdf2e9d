"""The Redis connection and RQ queues. Redis only carries jobs; the database is the source of truth."""

from __future__ import annotations

import os
import random

from redis import Redis
from rq import Queue

QUEUE_NAMES = ("default", "escalations", "notifications")


def connect(url: str) -> Redis:
    # Short timeouts: when Redis is down, API writes must not hang on it.
    return Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2, health_check_interval=30)


def queues(connection: Redis) -> list[Queue]:
    return [Queue(name, connection=connection) for name in QUEUE_NAMES]


# Reconnecting to a lost Redis: capped exponential backoff with jitter, so many workers do not all hammer
# the server the moment it comes back. The cap can be lowered (tests, small deployments) by environment.
RECONNECT_BASE_SECONDS = 1.0


def reconnect_cap() -> float:
    return float(os.environ.get("REDIS_RECONNECT_MAX_SECONDS", "30"))


class Backoff:
    """Delays for successive reconnect attempts: 1, 2, 4, … seconds up to the cap, each with "equal jitter"
    (a random delay between half and all of the exponential step)."""

    def __init__(self, base: float = RECONNECT_BASE_SECONDS, cap: float | None = None) -> None:
        self.base = base
        self.cap = reconnect_cap() if cap is None else cap
        self.attempts = 0

    def next_delay(self) -> float:
        step = min(self.cap, self.base * 2 ** min(self.attempts, 30))  # no float overflow in a long outage
        self.attempts += 1
        return step / 2 + random.uniform(0, step / 2)

    def reset(self) -> None:
        self.attempts = 0
