"""Dangjian Flow: the Flask application factory."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from flask import Flask, request
from werkzeug.middleware.proxy_fix import ProxyFix

from service.clock import Clock
from service.config import Settings, default_instance_dir

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


class App(Flask):
    def dispatch_request(self) -> Any:
        from service.db import run_unit_of_work
        from service.idempotency import guarded

        # A view that hit a deadlock / serialization failure is run again (bounded; see run_unit_of_work);
        # a POST with an Idempotency-Key runs once per key (service/idempotency.py).
        return guarded(lambda: run_unit_of_work(super(App, self).dispatch_request))

    def preprocess_request(self) -> Any:
        from service.db import run_before_request

        # The token or session look-up is a request's first statement: where a pooled connection the server
        # dropped is found lost (no `SELECT 1` at check-out), and replaced (see run_unit_of_work).
        return run_before_request(super().preprocess_request)


def trust_proxies(app: Flask, hops: int) -> None:
    """Behind `hops` reverse proxies, take the client's address, scheme, host and path prefix from the
    X-Forwarded-* headers they set (werkzeug's ProxyFix); with 0, those headers are ignored."""
    if hops > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_prefix=hops)  # type: ignore[method-assign]


_frozen: list[bool] = []  # whether this process froze its first app


@contextmanager
def collector_paused() -> Iterator[None]:
    """Start-up creates ~200,000 long-lived objects (modules, classes, mapped tables, routes) and next to no
    garbage. The cyclic garbage collector's passes over them were a fifth of create_app(), and its passes at
    interpreter exit half a second of every CLI command: it is paused while the app is built, and what was
    built is then frozen (gc.freeze: never scanned again, so neither at exit nor by a worker's full
    collections, and a forked worker's pages stay shared). Only the process's first app is frozen: a process
    that builds more (the tests do) must be able to collect those it drops, their connection pools included."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        if not _frozen:
            _frozen.append(True)
            gc.freeze()
    finally:
        if was_enabled:
            gc.enable()


def create_app(settings: Settings | None = None, *, clock: Clock | None = None) -> Flask:
    with collector_paused():
        return build_app(settings, clock)


def build_app(settings: Settings | None, clock: Clock | None) -> Flask:
    from service import api, auth, cli, console, errors, logs, metrics, rate_limits, requestlog
    from service.db import configure_sqlite, end_read_only_transaction
    from service.extensions import db, migrate
    from workers.queues import connect

    settings = settings or Settings.from_env()
    app = App(__name__, instance_path=str(default_instance_dir()))
    trust_proxies(app, settings.trusted_proxies)
    app.config.update(settings.flask_config())
    app.json.ensure_ascii = False  # type: ignore[attr-defined]  # Chinese stays readable in responses
    logs.configure(settings.log_level, settings.log_format)

    db.init_app(app)
    app.teardown_appcontext(end_read_only_transaction)  # registered after db's: runs before its session removal
    migrate.init_app(app, db, directory=str(MIGRATIONS))
    if settings.database_url.startswith("sqlite"):
        with app.app_context():
            configure_sqlite(db.engine)
    if clock is not None:
        app.extensions["clock"] = clock
    app.extensions["redis"] = connect(settings.redis_url) if settings.redis_url else None

    from service.operations.registry import register_workflows

    register_workflows()  # explicit: engines never depend on which workflow module was imported first
    from service import rule_versions  # its session hook stamps new subjects

    rule_versions.describe(settings)  # worked out once at start-up; a bad setting fails here, not in a write
    requestlog.init_app(app)
    metrics.init_app(app)
    rate_limits.init_app(app)  # RateLimit-* headers on every API answer
    api.init_app(app)
    errors.register(app)  # after flask-smorest, so one error shape wins everywhere
    console.init_app(app)  # after errors: HTML error pages for console paths, the API's JSON elsewhere

    @app.before_request
    def _authenticate() -> None:
        if request.path.startswith("/api/v1/"):
            auth.authenticate()

    cli.register(app)
    return app
