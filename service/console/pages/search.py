"""全部事项: one search over the establishment cases and supervision tickets in my scope, and its .xlsx export.

The page reads the query string and renders; service/operations/worklists/search.py builds the list: scope, the
body filter (404 outside my subtree) and the state filter are the workflows' own list queries (as the API's
lists), narrowed by unit, credit code and date and paged as one list."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import current_app, g, render_template, request
from marshmallow import ValidationError
from werkzeug.wrappers import Response

from schemas.search import SearchQuerySchema
from service.api.spreadsheets import send_xlsx
from service.auth import Actor
from service.clock import now
from service.console import forms
from service.console.access import page, signed_in_actor
from service.console.blueprint import bp
from service.console.nav import NavEntry
from service.console.paging import PAGE_SIZE, Listing, requested_page
from service.errors import ApiError
from service.exports import worklists
from service.operations.worklists import inbox, search
from service.roles import SEARCHERS

FIELD_LABELS = {
    "kind": "事项类型",
    "state": "状态",
    "body": "所属/承办单位",
    "unit": "单位名称",
    "credit_code": "统一社会信用代码",
    "date_from": "起始日期",
    "date_to": "截止日期",
}


def signed_in() -> Actor:
    actor = signed_in_actor()
    assert actor is not None  # @page guarantees it
    return actor


def state_choices() -> list[tuple[str, str]]:
    """(value, label) for the state filter: each workflow's states, labelled with the workflow."""
    return [
        (f"{kind}:{state.name}", f"{search.KIND_LABELS[kind]} · {definition.state_label(state.name)}")
        for kind, definition in search.DEFINITIONS.items()
        for state in definition.states
    ]


def typed() -> dict[str, str]:
    """What the form holds as typed (kept on the page when it is refused)."""
    return {k: request.args.get(k, "").strip()[:200] for k in FIELD_LABELS}


def load_filters() -> tuple[dict[str, Any], dict[str, str]]:
    """The query string through the schema: (filters, {}) or ({}, field messages in Chinese)."""
    schema = SearchQuerySchema()
    raw = {k: v for k, v in typed().items() if v}
    try:
        loaded: dict[str, Any] = schema.load(raw)
    except ValidationError as exc:
        return {}, forms.flatten(exc.messages)
    return loaded, {}


def _args(f: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in f.items() if v}


NAV = NavEntry("全部事项", "console.search", 40)


@bp.route("/search", endpoint="search")
@page(*SEARCHERS)
def search_page() -> Any:
    actor = signed_in()
    f, errors = load_filters()
    page_no = requested_page()
    rows: list[dict[str, Any]] = []
    total = 0
    if not errors:
        rows, total = search.fetch(search.statement(actor, f), page_no, PAGE_SIZE)
    html = render_template(
        "console/search.html",
        rows=rows,
        listing=Listing(rows, total, page_no, PAGE_SIZE),
        typed=typed(),
        errors=errors,
        args=_args(f),
        kinds=search.KIND_LABELS,
        states=state_choices(),
        bodies=inbox.body_options(actor),
        export_limit=export_limit(),
    )
    return html, 422 if errors else 200


def export_limit() -> int:
    return int(current_app.config["SETTINGS"].console_export_max_rows)


def described(f: dict[str, Any], labels: dict[str, dict[str, str]]) -> list[tuple[str, str]]:
    """The filters in words for the workbook's 说明 sheet."""
    out = []
    for key, value in f.items():
        if value is None or value == "":
            continue
        shown = labels.get(key, {}).get(str(value), value.isoformat() if isinstance(value, date) else str(value))
        out.append((FIELD_LABELS.get(key, key), shown))
    return out


@bp.route("/search/export.xlsx", endpoint="search_export")
@page(*SEARCHERS)
def search_export() -> Response:
    actor = signed_in()
    f, errors = load_filters()
    if errors:  # a download is refused as the API refuses it (422 page), never silently widened
        raise ApiError(422, "validation_error", "；".join(errors.values()))
    limit = export_limit()
    rows, truncated = search.capped(search.statement(actor, f), limit)
    bodies = {str(b.id): b.name for b in inbox.body_options(actor)}
    note = worklists.ExportNote(
        title="全部事项",
        exported_by=actor_name(),
        exported_at=now(),
        filters=described(f, {"kind": search.KIND_LABELS, "state": dict(state_choices()), "body": bodies}),
        rows=len(rows),
        limit=limit,
        truncated=truncated,
    )
    book = worklists.workbook("全部事项", worklists.SEARCH_COLUMNS, search.present(rows), note)
    return send_xlsx(book, "全部事项", "search")


def actor_name() -> str:
    """The signed-in person's display name (loaded with the session)."""
    user = g.get("console_user")
    return str(user.display_name) if user is not None else signed_in().username
