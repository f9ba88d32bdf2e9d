"""Lookups a batch job reuses across its rows: who to notify in a body, which webhooks listen, a body's path.

A batch job (e.g. `workers.jobs.escalate_batch`) escalates up to a hundred rows, each in its own short
transaction, and most rows of a batch share their bodies: looking the same small facts up again for every
row was a third of its statements. Inside `batch_cache()` the lookups that opt in (`cached`) are answered
from a dict that lives for the job only; outside it (API requests, commands) `cached` just computes. A user
or webhook changed while a job runs is seen by the next job — a second or so later, as if the change had
committed after the job's rows."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from flask import g

T = TypeVar("T")
_KEY = "_batch_cache"


@contextmanager
def batch_cache() -> Iterator[None]:
    """Cache opted-in lookups until the block ends (one job)."""
    setattr(g, _KEY, {})
    try:
        yield
    finally:
        g.pop(_KEY, None)


def cached(key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, remembered under `key` while a batch_cache is open. Callers must not mutate the value."""
    cache: dict[Hashable, Any] | None = g.get(_KEY)
    if cache is None:
        return compute()
    if key not in cache:
        cache[key] = compute()
    return cache[key]
