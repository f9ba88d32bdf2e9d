"""Rate limits per token and per client address on the real Redis (the embedded one on the default setup): 429
with Retry-After past a limit, RateLimit-* headers on every API answer, limits from the settings, and requests
that pass uncounted while Redis is away."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from redis import Redis

from service import rate_limits
from service.clock import FixedClock
from service.rate_limits import KEY_PREFIX, RateLimitSettings
from tests.support.database import fingerprint
from tests.support.factories import unit_payload
from tests.support.world import Api, World
from workers.queues import connect

Limit = Callable[..., None]


def _forget_counts(redis: Redis) -> None:
    keys = list(redis.scan_iter(f"{KEY_PREFIX}:*"))
    if keys:
        redis.delete(*keys)


@pytest.fixture
def limit(app: Flask) -> Iterator[Limit]:
    """Set this test's limits (restored after it with the app's config); counters start from nothing."""

    def set_limits(per_token: str = "off", per_address: str = "off", retry_seconds: float = 5.0) -> None:
        settings = app.config["SETTINGS"]
        app.config["SETTINGS"] = replace(settings, rate_limits=RateLimitSettings(per_token, per_address, retry_seconds))

    redis = app.extensions["redis"]  # the real one: a test may swap in an unreachable one
    _forget_counts(redis)
    yield set_limits
    _forget_counts(redis)


def standing(res: object) -> tuple[int, int, int]:
    headers = res.headers  # type: ignore[attr-defined]
    return int(headers["RateLimit-Limit"]), int(headers["RateLimit-Remaining"]), int(headers["RateLimit-Reset"])


def test_every_api_answer_carries_the_headers_of_the_default_limits(
    app: Flask, api: Api, client: FlaskClient, limit: Limit
) -> None:
    defaults = RateLimitSettings()
    app.config["SETTINGS"] = replace(app.config["SETTINGS"], rate_limits=defaults)
    ok = api.get("/api/v1/units", as_="admin@city")
    assert ok.status_code == 200
    # the token's limit is the tighter: 6000 a minute, one used
    assert standing(ok)[:2] == (6000, 5999)
    assert 0 <= standing(ok)[2] <= 60
    refused = api.post("/api/v1/units", as_="admin@city", json={"name": ""})
    assert refused.status_code == 422 and standing(refused)[:2] == (6000, 5998)
    missing = api.get("/api/v1/units/999999", as_="admin@city")
    assert missing.status_code == 404 and standing(missing)[:2] == (6000, 5997)
    # no token: counted per address only (12000 a minute; four requests from it so far)
    anonymous = client.get("/api/v1/units")
    assert anonymous.status_code == 401 and standing(anonymous)[:2] == (12000, 11996)
    assert client.get("/api/v1/no-such-thing").headers["RateLimit-Limit"] == "12000"
    # the console and the document are not the token API
    for path in ("/", "/api/openapi.json", "/healthz"):
        assert "RateLimit-Limit" not in client.get(path).headers, path


def test_a_token_over_its_limit_gets_429_with_retry_after(app: Flask, api: Api, limit: Limit) -> None:
    limit(per_token="3/minute")
    remaining = [standing(api.get("/api/v1/units", as_="handler@east_t1"))[1] for _ in range(3)]
    assert remaining == [2, 1, 0]
    res = api.get("/api/v1/units", as_="handler@east_t1")
    assert res.status_code == 429
    assert res.json["code"] == "rate_limited"
    assert "请求过于频繁" in res.json["message"] and "3" in res.json["message"]
    assert res.json["detail"] == {"limit": 3, "retry_after": int(res.headers["Retry-After"]), "counted_per": "token"}
    assert 1 <= int(res.headers["Retry-After"]) <= 60
    assert standing(res)[:2] == (3, 0)
    # another token from the same address is counted on its own
    assert api.get("/api/v1/units", as_="handler@east").status_code == 200


def test_a_client_address_over_its_limit_gets_429_before_its_token_is_looked_up(
    client: FlaskClient, api: Api, limit: Limit
) -> None:
    limit(per_address="2/minute")
    assert api.get("/api/v1/units", as_="admin@city").status_code == 200
    assert client.get("/api/v1/units", headers={"Authorization": "Bearer dj_wrong"}).status_code == 401
    flood = client.get("/api/v1/units", headers={"Authorization": "Bearer dj_wrong"})
    assert flood.status_code == 429 and flood.json["detail"]["counted_per"] == "address"
    assert "客户端地址" in flood.json["message"]
    assert api.get("/api/v1/units", as_="admin@city").status_code == 429  # a good token, the same address
    # another address is counted on its own
    other = client.get(
        "/api/v1/units", headers={"Authorization": "Bearer dj_wrong"}, environ_base={"REMOTE_ADDR": "10.0.0.9"}
    )
    assert other.status_code == 401 and standing(other)[:2] == (2, 1)


def test_a_refused_write_changes_nothing(app: Flask, api: Api, world: World, limit: Limit) -> None:
    limit(per_token="1/minute")
    assert api.get("/api/v1/units", as_="handler@east_t1").status_code == 200
    before = fingerprint(app)
    res = api.post("/api/v1/units", as_="handler@east_t1", json=unit_payload(world.ids["east_t1"]))
    assert res.status_code == 429
    assert fingerprint(app) == before


def test_the_answer_reports_the_limit_closest_to_refusing(api: Api, limit: Limit) -> None:
    limit(per_token="5/minute", per_address="3/minute")
    assert standing(api.get("/api/v1/units", as_="admin@city"))[:2] == (3, 2)
    limit(per_token="2/minute", per_address="30/minute")
    assert standing(api.get("/api/v1/units", as_="admin@east"))[:2] == (2, 1)


def test_several_limits_at_once_each_count(api: Api, limit: Limit) -> None:
    limit(per_token="2/second;100/minute")
    codes = [api.get("/api/v1/units", as_="admin@city").status_code for _ in range(3)]
    # within one second (no sleep: three requests of a test client take milliseconds) the second limit refuses
    assert codes[:2] == [200, 200] and codes[2] == 429


def test_limits_come_from_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    assert RateLimitSettings() == RateLimitSettings("6000/minute", "12000/minute", 5.0)
    monkeypatch.setenv("RATE_LIMIT_PER_TOKEN", "10/second")
    monkeypatch.setenv("RATE_LIMIT_PER_ADDRESS", "off")
    monkeypatch.setenv("RATE_LIMIT_RETRY_SECONDS", "2.5")
    loaded = RateLimitSettings.from_env()
    assert loaded == RateLimitSettings("10/second", "off", 2.5)
    assert [(i.amount, i.get_expiry()) for i in rate_limits.items(loaded.per_token)] == [(10, 1)]
    assert rate_limits.items("off") == [] and rate_limits.items(" OFF ") == []
    with pytest.raises(ValueError, match="malformed rate limit"):
        RateLimitSettings(per_token="lots")


def test_limits_switched_off_count_nothing(app: Flask, api: Api, limit: Limit) -> None:
    limit()
    res = api.get("/api/v1/units", as_="admin@city")
    assert res.status_code == 200 and "RateLimit-Limit" not in res.headers
    assert not list(app.extensions["redis"].scan_iter(f"{KEY_PREFIX}:*"))


def test_with_redis_away_requests_pass_uncounted_and_redis_is_retried_after_a_rest(
    app: Flask, api: Api, world: World, clock: FixedClock, limit: Limit, caplog: pytest.LogCaptureFixture
) -> None:
    limit(per_token="1/minute", per_address="1/minute", retry_seconds=5)
    app.extensions["redis"] = connect("redis://127.0.0.1:1/0")  # nothing listens there: refused at once
    caplog.set_level(logging.WARNING, logger="service.rate_limits")
    first = api.get("/api/v1/units", as_="admin@city")
    assert first.status_code == 200 and "RateLimit-Limit" not in first.headers
    warnings = [r for r in caplog.records if "rate limits not counted" in r.getMessage()]
    assert len(warnings) == 1
    # resting: the next requests do not try Redis (no new warning), writes included
    created = api.post("/api/v1/units", as_="admin@city", json=unit_payload(world.ids["east_t1"]))
    assert created.status_code == 201
    assert api.get("/api/v1/units", as_="admin@city").status_code == 200
    assert len([r for r in caplog.records if "rate limits not counted" in r.getMessage()]) == 1
    # after the rest the limiter tries again (and rests again, Redis being still away)
    clock.set(clock.now() + timedelta(seconds=6))
    assert api.get("/api/v1/units", as_="admin@city").status_code == 200
    assert len([r for r in caplog.records if "rate limits not counted" in r.getMessage()]) == 2


def test_with_redis_back_counting_resumes(app: Flask, api: Api, clock: FixedClock, limit: Limit) -> None:
    limit(per_token="2/minute", retry_seconds=5)
    working = app.extensions["redis"]
    app.extensions["redis"] = connect("redis://127.0.0.1:1/0")
    assert api.get("/api/v1/units", as_="admin@city").status_code == 200
    app.extensions["redis"] = working
    clock.set(clock.now() + timedelta(seconds=6))
    assert standing(api.get("/api/v1/units", as_="admin@city"))[:2] == (2, 1)


def test_every_operation_documents_429_and_the_headers(client: FlaskClient) -> None:
    doc = client.get("/api/openapi.json").json
    assert set(doc["components"]["headers"]) >= {"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"}
    count = 0
    for path, item in doc["paths"].items():
        if not path.startswith("/api/v1/"):
            continue
        for method, operation in item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            count += 1
            responses = operation["responses"]
            assert "rate_limited" in responses["429"]["description"], (method, path)
            assert responses["429"]["headers"]["Retry-After"] == {"$ref": "#/components/headers/Retry-After"}
            for status, response in responses.items():
                if "$ref" in response:
                    response = doc["components"]["responses"][response["$ref"].rsplit("/", 1)[-1]]
                names = set(response.get("headers", {}))
                assert names >= {"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"}, (method, path, status)
    assert count >= 140


def test_one_round_trip_counts_as_the_library_would(app: Flask, limit: Limit) -> None:
    """The limiter sends each limit's hit and window read in one pipeline: what it reports after each request is
    what the `limits` library's own `hit` and `get_window_stats` report, refusal included."""
    from limits.strategies import SlidingWindowCounterRateLimiter

    limiter = rate_limits.Limiter(app.extensions["redis"], RateLimitSettings("3/minute;5/hour", "off"))
    library = SlidingWindowCounterRateLimiter(limiter.storage)
    seen = []
    for _ in range(5):
        counted = limiter.count("token", "equivalence")
        for (_allowed, standing), item in zip(counted, limiter.per_token, strict=True):
            stats = library.get_window_stats(item, "token", "equivalence")
            assert (standing.limit, standing.remaining) == (item.amount, stats.remaining)
        seen.append([allowed for allowed, _ in counted])
    assert seen == [[True, True], [True, True], [True, True], [False, True], [False, True]]
    limiter.storage.get_connection().delete(*limiter.storage.get_connection().keys(f"{KEY_PREFIX}:*equivalence*"))


def test_counting_loads_the_scripts_again_after_redis_forgot_them(app: Flask, limit: Limit) -> None:
    redis = app.extensions["redis"]
    limiter = rate_limits.Limiter(redis, RateLimitSettings("3/minute", "off"))
    assert [allowed for allowed, _ in limiter.count("token", "reloaded")] == [True]
    redis.script_flush()  # what a restarted Redis knows of them
    assert [(allowed, s.remaining) for allowed, s in limiter.count("token", "reloaded")] == [(True, 1)]
    redis.delete(*redis.keys(f"{KEY_PREFIX}:*reloaded*"))
