"""The HTTP layer: thin flask-smorest blueprints over the service layer."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask_smorest import Api as SmorestApi
from werkzeug.routing import IntegerConverter

from schemas.common import ErrorSchema
from service import errors


class Api(SmorestApi):
    """flask-smorest with our single error shape, for both rendering and documentation."""

    ERROR_SCHEMA = ErrorSchema

    def handle_http_exception(self, error: Any) -> Any:
        return errors.handle_http_exception(error)


api = Api()


class IdConverter(IntegerConverter):
    """`<int:...>` in paths: ids live in 32-bit INTEGER columns, so a larger number matches no route (404)
    instead of reaching the database (SQLite OverflowError / PostgreSQL "integer out of range": a 500)."""

    def __init__(
        self, map: Any, fixed_digits: int = 0, min: int | None = None, max: int | None = 2**31 - 1, signed: bool = False
    ) -> None:
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def init_app(app: Flask) -> None:
    from service.api import audit, health, jurisdictions, party_orgs, units, users

    app.url_map.converters["int"] = IdConverter  # before any route is added
    api.init_app(app)
    for module in (jurisdictions, units, party_orgs, users, audit):
        api.register_blueprint(module.blp)
    app.register_blueprint(health.bp)
