"""The HTTP layer: thin flask-smorest blueprints over the service layer."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask_smorest import Api as SmorestApi

from schemas.common import ErrorSchema
from service import errors


class Api(SmorestApi):
    """flask-smorest with our single error shape, for both rendering and documentation."""

    ERROR_SCHEMA = ErrorSchema

    def handle_http_exception(self, error: Any) -> Any:
        return errors.handle_http_exception(error)


api = Api()


def init_app(app: Flask) -> None:
    from service.api import audit, health, jurisdictions, party_orgs, units, users

    api.init_app(app)
    for module in (jurisdictions, units, party_orgs, users, audit):
        api.register_blueprint(module.blp)
    app.register_blueprint(health.bp)
