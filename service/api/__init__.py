"""The HTTP layer: thin flask-smorest blueprints over the service layer."""

from __future__ import annotations

import importlib
import json
import pkgutil
from typing import Any, NoReturn

from flask import Flask, Request
from flask_smorest import Api as SmorestApi
from flask_smorest import Blueprint
from flask_smorest.arguments import ArgumentsMixin
from webargs.flaskparser import FlaskParser, abort
from werkzeug.exceptions import NotFound
from werkzeug.routing import IntegerConverter

from schemas import messages
from schemas.common import ErrorSchema
from service import errors
from service.api import schema_limits
from service.api.apidoc import LazySpec, share_schemas_in_doc_copies
from service.api.docs import IdempotencyKeyPlugin, MultipartFormPlugin, SchemaExtrasPlugin
from service.api.token_docs import TokenLimitsPlugin

share_schemas_in_doc_copies()  # before the blueprint modules decorate their views


class Api(LazySpec, SmorestApi):
    """flask-smorest with our single error shape, for both rendering and documentation; its OpenAPI document
    is built on first use (service/api/apidoc.py)."""

    ERROR_SCHEMA = ErrorSchema

    def handle_http_exception(self, error: Any) -> Any:
        return errors.handle_http_exception(error)

    def init_app(self, app: Flask, **kwargs: Any) -> None:
        super().init_app(app, **kwargs)
        schema_limits.install(self.ma_plugin, app)  # the date window and the deepest page, from app's settings


def make_api() -> Api:
    """One Api per app: its document reads that app's settings (the date window, the deepest page), and a second
    app in the same process (a test's, a CLI's) must not replace the first one's document.

    Idempotency-Key is documented on every POST, an upload's form fields in its multipart body, and each
    operation's token scope, 403, 429 and rate-limit headers on every operation, by spec plugins, whenever the
    paths are built."""
    token_limits_plugin = TokenLimitsPlugin()
    api = Api(
        spec_kwargs={
            "extra_plugins": [MultipartFormPlugin(), IdempotencyKeyPlugin(), SchemaExtrasPlugin(), token_limits_plugin]
        }
    )
    token_limits_plugin.api = api
    return api


class JsonParser(FlaskParser):
    """A body Python's json module cannot decode without a RecursionError (arrays nested thousands deep)
    or a ValueError (an integer of more than 4300 digits) is malformed JSON too: 400, not a 500.
    webargs' own messages are Chinese like marshmallow's (schemas/messages.py)."""

    DEFAULT_VALIDATION_MESSAGE = messages.PARSER_VALIDATION_MESSAGE

    def _handle_invalid_json_error(self, error: Any, req: Request, *args: Any, **kwargs: Any) -> NoReturn:
        abort(400, exc=error, messages={"json": [messages.INVALID_JSON_MESSAGE]})

    def _raw_load_json(self, req: Request) -> Any:
        try:
            return super()._raw_load_json(req)
        except json.JSONDecodeError:
            raise
        except (RecursionError, ValueError) as exc:
            raise json.JSONDecodeError(f"undecodable JSON body ({type(exc).__name__})", "-", 0) from exc


# Every flask-smorest blueprint parses its arguments with this one instance (captured when a view is
# decorated, so it is set here, before the blueprint modules are imported).
ArgumentsMixin.ARGUMENTS_PARSER = JsonParser()


MAX_ID = 2**31 - 1


class IdConverter(IntegerConverter):
    """`<int:...>` in paths. Ids live in 32-bit INTEGER columns, so a larger number names nothing: 404 for
    every method, before the database sees it (SQLite raised OverflowError, PostgreSQL "integer out of
    range": both were 500s). NotFound rather than ValidationError, which werkzeug turns into a 405 for
    methods other than the first rule's."""

    def __init__(self, map: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(map, *args, **{"max": MAX_ID, **kwargs})  # `max` also documents the bound

    def to_python(self, value: str) -> Any:
        if len(value) > len(str(MAX_ID)) or int(value) > MAX_ID:
            raise NotFound()
        return super().to_python(value)


def workflow_blueprints() -> list[Blueprint]:
    """Every blueprint that serves a declared workflow (`Blueprint(..., workflow=<definition>.name)`), from
    every module of this package: found, so a new workflow's API module needs no line here."""
    import service.api
    from service.api.pagination import Blueprint as WorkflowAware
    from workflows.registry import WORKFLOWS

    found: list[Blueprint] = []
    for info in sorted(pkgutil.iter_modules(service.api.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"service.api.{info.name}")
        for value in vars(module).values():
            if isinstance(value, WorkflowAware) and value.workflow in WORKFLOWS and value not in found:
                found.append(value)
    return found


def init_app(app: Flask) -> None:
    from service.api import (
        attachments,
        audit,
        calendar,
        copies,
        coverage,
        docs,
        documents,
        done,
        establishment,
        health,
        jurisdictions,
        notifications,
        opinions,
        party_orgs,
        passwords,
        spreadsheets,
        supervision,
        tasks,
        units,
        users,
        webhooks,
        workflows,
    )

    app.url_map.converters["int"] = IdConverter  # before any route is added
    api = make_api()
    app.extensions["api"] = api
    api.init_app(app)
    for blp in (
        jurisdictions.blp,
        units.blp,
        party_orgs.blp,
        users.blp,
        passwords.blp,
        opinions.blp,
        audit.blp,
        establishment.blp,
        done.blp,  # before tasks.blp: /tasks/done is not a task id
        tasks.blp,
        tasks.routes_blp,
        workflows.blp,
        notifications.blp,
        webhooks.blp,
        calendar.blp,
        supervision.blp,
        supervision.interviews_blp,
        documents.blp,
        documents.templates_blp,
        spreadsheets.blp,
        coverage.blp,
        copies.blp,
        attachments.blp,
    ):
        api.register_blueprint(blp)
    for blp in workflow_blueprints():
        if blp.name not in app.blueprints:
            api.register_blueprint(blp)
    app.register_blueprint(health.bp)
    app.register_blueprint(docs.assets_bp)
