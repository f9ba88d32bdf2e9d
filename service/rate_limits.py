"""Rate limits of the token API, per client address and per token, counted in Redis by the `limits` library
(decision 0059).

Every /api/v1 request counts once against its client address (before its token is looked up, so a flood of bad
tokens is limited too) and, once authenticated, once against its token. Over a limit: 429 `rate_limited` with
`Retry-After`. Every API answer carries `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` (seconds)
of the limit closest to refusing. The counters live in Redis; when Redis fails, requests pass uncounted (fail
open: no Redis outage may break a request, decision 0019) and the limiter rests `retry_seconds` before trying
Redis again, so an outage costs one request a timeout, not every request."""

from __future__ import annotations

import logging
import math
import os
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from flask import Flask, Response, current_app, g, request
from limits import RateLimitItem, parse_many
from limits.errors import StorageError
from limits.storage import RedisStorage
from limits.strategies import SlidingWindowCounterRateLimiter
from redis.exceptions import NoScriptError, RedisError

from service.clock import now
from service.errors import ApiError

log = logging.getLogger(__name__)

KEY_PREFIX = "dj:ratelimit"
HEADERS = ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")
OFF = "off"


@dataclass(frozen=True)
class RateLimitSettings:
    # Requests per token and per client address, in the `limits` notation ("6000/minute", several separated by
    # ";": "50/second;6000/minute"); "off" switches one off (RATE_LIMIT_PER_TOKEN, RATE_LIMIT_PER_ADDRESS).
    # Generous by default: they stop a runaway script, not a busy portal.
    per_token: str = "6000/minute"
    per_address: str = "12000/minute"
    # After Redis failed, requests pass uncounted this long before the limiter tries Redis again
    # (RATE_LIMIT_RETRY_SECONDS).
    retry_seconds: float = 5.0

    def __post_init__(self) -> None:
        for name in ("per_token", "per_address"):
            items(getattr(self, name))  # a malformed limit stops start-up, not a request

    @classmethod
    def from_env(cls) -> RateLimitSettings:
        d = cls()
        return cls(
            per_token=os.environ.get("RATE_LIMIT_PER_TOKEN") or d.per_token,
            per_address=os.environ.get("RATE_LIMIT_PER_ADDRESS") or d.per_address,
            retry_seconds=float(os.environ.get("RATE_LIMIT_RETRY_SECONDS") or d.retry_seconds),
        )


def items(spec: str) -> list[RateLimitItem]:
    if spec.strip().lower() == OFF:
        return []
    try:
        return parse_many(spec)
    except ValueError as exc:
        raise ValueError(f"malformed rate limit {spec!r} (e.g. '6000/minute', or 'off')") from exc


@dataclass(frozen=True)
class Standing:
    """Where a caller stands against one limit after this request."""

    limit: int
    remaining: int
    reset_seconds: int  # until one more request is allowed again (0: now)


class Limiter:
    """The limits of one app over one Redis connection, with the rest it takes after Redis failed."""

    def __init__(self, redis: Any, settings: RateLimitSettings) -> None:
        self.redis = redis
        self.storage = RedisStorage("redis://", connection_pool=redis.connection_pool, key_prefix=KEY_PREFIX)
        self.per_token = items(settings.per_token)
        self.per_address = items(settings.per_address)
        self.retry = timedelta(seconds=settings.retry_seconds)
        self.resting_until: Any = None  # a datetime while Redis is given a rest after a failure

    def resting(self) -> bool:
        return self.resting_until is not None and now() < self.resting_until

    def count(self, kind: str, ident: str) -> list[tuple[bool, Standing]]:
        """Count one request against each limit of `kind`; raises what Redis raised.

        One Redis round trip for all of them: each limit's hit and then its window, as the `limits` library's
        own `hit` and `get_window_stats` send them (the same Lua scripts, in the same order), in one pipeline;
        the window's figures are then worked out by the library's strategy, over the window read."""
        items = self.per_token if kind == "token" else self.per_address
        if not items:
            return []
        try:
            replies = self._send(items, kind, ident)
        except NoScriptError:  # Redis restarted, or its scripts were flushed: load them and send again, once
            for script in (self.storage.lua_acquire_sliding_window, self.storage.lua_sliding_window):
                self.redis.script_load(script.script)
            replies = self._send(items, kind, ident)
        out = []
        for n, item in enumerate(items):
            allowed, window = bool(replies[2 * n]), replies[2 * n + 1]
            stats = _over(window).get_window_stats(item, kind, ident)
            reset = max(0, math.ceil(stats.reset_time - time.time()))
            out.append((allowed, Standing(item.amount, stats.remaining, reset)))
        return out

    def _send(self, items: list[RateLimitItem], kind: str, ident: str) -> list[Any]:
        # EVALSHA itself: redis-py's pipelined Script objects would ask SCRIPT EXISTS first, a second round trip.
        acquire, window = self.storage.lua_acquire_sliding_window.sha, self.storage.lua_sliding_window.sha
        pipe = self.redis.pipeline(transaction=False)
        for item in items:
            key = item.key_for(kind, ident)
            previous = self.storage.prefixed_key(self.storage._previous_window_key(key))
            current = self.storage.prefixed_key(self.storage._current_window_key(key))
            pipe.evalsha(acquire, 2, previous, current, item.amount, item.get_expiry(), 1)
            pipe.evalsha(window, 2, previous, current, item.get_expiry())
        replies: list[Any] = pipe.execute()
        return replies


def _over(window: list[Any] | None) -> SlidingWindowCounterRateLimiter:
    """The library's strategy over a window already read (its constructor insists on a full storage; its
    arithmetic needs only `get_sliding_window`). tests/api/test_rate_limits.py checks it against the library."""
    strategy = SlidingWindowCounterRateLimiter.__new__(SlidingWindowCounterRateLimiter)
    strategy.storage = _WindowRead(window)  # type: ignore[assignment]
    return strategy


class _WindowRead:
    """A sliding window already read from Redis, in the shape `RedisStorage.get_sliding_window` returns it
    (counts, and seconds until each window expires), for the strategy's arithmetic."""

    def __init__(self, window: list[Any] | None) -> None:
        window = window or [None] * 4  # the storage reads an empty answer as an empty window too
        self.window = (
            int(window[0] or 0),
            max(0, float(window[1] or 0)) / 1000,
            int(window[2] or 0),
            max(0, float(window[3] or 0)) / 1000,
        )

    def get_sliding_window(self, key: str, expiry: int) -> tuple[int, float, int, float]:
        return self.window

    def acquire_sliding_window_entry(self, key: str, limit: int, expiry: int, amount: int = 1) -> bool:
        raise NotImplementedError("read-only: the hit was counted in the pipeline")


def _limiter() -> Limiter | None:
    app = current_app
    redis = app.extensions.get("redis")
    settings = app.config["SETTINGS"].rate_limits
    if redis is None:
        return None
    key = (id(redis), settings)
    cached = app.extensions.get("rate_limiter")
    if cached is None or cached[0] != key:
        cached = (key, Limiter(redis, settings))
        app.extensions["rate_limiter"] = cached
    limiter: Limiter = cached[1]
    return limiter


def client_address() -> str:
    # request.remote_addr is the proxy's unless TRUSTED_PROXIES lets ProxyFix take X-Forwarded-For.
    return request.remote_addr or "-"


def check_address() -> None:
    _check("address", client_address())


def check_token(actor: Any) -> None:
    if actor.token_id is not None:
        _check("token", str(actor.token_id))


def _check(kind: str, ident: str) -> None:
    limiter = _limiter()
    if limiter is None or limiter.resting():
        return
    try:
        counted = limiter.count(kind, ident)
    except (RedisError, StorageError, OSError) as exc:
        limiter.resting_until = now() + limiter.retry
        log.warning(
            "rate limits not counted: Redis failed (%s); requests pass uncounted for %ss",
            type(exc).__name__,
            limiter.retry.total_seconds(),
            extra={"request_id": g.get("request_id")},
        )
        return
    for allowed, standing in counted:
        _keep_tightest(standing)
        if not allowed:
            raise too_many(kind, standing)


def _keep_tightest(standing: Standing) -> None:
    held: Standing | None = g.get("rate_limit")
    if held is None or (standing.remaining, standing.limit) < (held.remaining, held.limit):
        g.rate_limit = standing


def too_many(kind: str, standing: Standing) -> ApiError:
    wait = max(1, standing.reset_seconds)
    whose = "该令牌" if kind == "token" else "该客户端地址"
    return ApiError(
        429,
        "rate_limited",
        f"{whose}的请求过于频繁（上限 {standing.limit} 次），请 {wait} 秒后重试",
        headers={"Retry-After": str(wait)},
        extra={"detail": {"limit": standing.limit, "retry_after": wait, "counted_per": kind}},
    )


def add_headers(response: Response) -> Response:
    """after_request: the standing of the limit closest to refusing, on every API answer that was counted."""
    standing: Standing | None = g.get("rate_limit")
    if standing is not None and request.path.startswith("/api/v1/"):
        response.headers["RateLimit-Limit"] = str(standing.limit)
        response.headers["RateLimit-Remaining"] = str(standing.remaining)
        response.headers["RateLimit-Reset"] = str(standing.reset_seconds)
    return response


def init_app(app: Flask) -> None:
    app.after_request(add_headers)
