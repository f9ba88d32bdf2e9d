"""The Redis connection and RQ queues. Redis only carries jobs; the database is the source of truth."""

from __future__ import annotations

from redis import Redis
from rq import Queue

QUEUE_NAMES = ("default", "escalations", "notifications")


def connect(url: str) -> Redis:
    # Short timeouts: when Redis is down, API writes must not hang on it.
    return Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2, health_check_interval=30)


def queues(connection: Redis) -> list[Queue]:
    return [Queue(name, connection=connection) for name in QUEUE_NAMES]
