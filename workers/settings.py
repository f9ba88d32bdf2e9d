"""Durations the worker processes and their jobs read from the environment, checked when read.

Below both `workers.runtime` (the processes: backoff, start-up) and `workers.jobs` (the jobs' leases), so
the processes can bind the jobs to their app without the jobs importing the processes' module back."""

from __future__ import annotations

import os
from datetime import timedelta


def seconds_env(name: str, default: float) -> float:
    """A positive number of seconds from the environment variable `name`, or `default` when it is unset."""
    raw = os.environ.get(name)
    try:
        value = float(raw) if raw else default
    except ValueError:
        raise SystemExit(f"{name} must be a number of seconds, not {raw!r}") from None
    if value <= 0:
        raise SystemExit(f"{name} must be positive, not {raw!r}")
    return value


def lease_seconds() -> float:
    """How long a swept row stays claimed by its pending job (ESCALATION_LEASE_SECONDS, default 900).
    Queued jobs expire after the same time, so a row is never claimed again while its job still waits."""
    return seconds_env("ESCALATION_LEASE_SECONDS", 900)


def lease_delta() -> timedelta:
    return timedelta(seconds=lease_seconds())
