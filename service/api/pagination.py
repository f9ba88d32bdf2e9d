"""The one place where list pagination is bounded and documented.

Every blueprint is a `service.api.pagination.Blueprint`, whose `paginate()` parses `page` / `page_size`
with a bounded schema (422 with Chinese field messages instead of an SQL "bigint out of range" 500) and
caps how deep OFFSET goes: `(page - 1) * page_size` may not exceed the `MAX_PAGINATION_OFFSET` setting
(default 10000), because the database still reads and drops every skipped row — a deep page costs as much
as all the pages before it. Beyond the cap the caller must narrow the filters (or sort the other way).
The `X-Pagination` header is documented as what it is: a string holding a JSON object.
"""

from __future__ import annotations

import http
import json
from copy import deepcopy
from functools import wraps
from typing import Any

import marshmallow as ma
from flask import current_app, request
from flask_smorest import Blueprint as SmorestBlueprint
from flask_smorest.pagination import PaginationParameters
from flask_smorest.utils import unpack_tuple_response

import schemas  # noqa: F401  (Chinese field messages before the pagination fields are created)
from service.api.apidoc import copy_doc

# A hard bound whatever the settings: page numbers stay far inside a 64-bit OFFSET.
MAX_PAGE = 1_000_000
DEFAULT_MAX_OFFSET = 10_000

PAGINATION_HEADER_DOC = {
    "description": (
        "Pagination metadata: a string holding a JSON object with the integer fields `total` (items), "
        "`total_pages`, `first_page`, `last_page`, `page`, `previous_page`, `next_page` (the page fields are "
        'absent when there are no items or the page is past the end). Example: `{"total": 120, '
        '"total_pages": 3, "first_page": 1, "last_page": 3, "page": 1, "next_page": 2}`.'
    ),
    "schema": {"type": "string"},
}


def max_offset() -> int:
    settings = current_app.config.get("SETTINGS")
    return getattr(settings, "max_pagination_offset", DEFAULT_MAX_OFFSET)


def pagination_schema(default_page_size: int, max_page_size: int) -> type[ma.Schema]:
    class PaginationParametersSchema(ma.Schema):
        class Meta:
            unknown = ma.EXCLUDE  # other query parameters belong to the list's own filter schema

        # The document states `page`'s maximum as the deepest page this page size reaches (schema_limits.py).
        DEEPEST_PAGE_AT_PAGE_SIZE = max_page_size

        page = ma.fields.Integer(
            load_default=1,
            validate=ma.validate.Range(min=1, max=MAX_PAGE),
            metadata={
                "description": "Page number. `(page - 1) * page_size` may not exceed MAX_PAGINATION_OFFSET "
                f"(default {DEFAULT_MAX_OFFSET}): deeper pages answer 422; narrow the filters instead. The maximum "
                "stated here is the deepest page at the largest `page_size`; smaller pages reach deeper (e.g. "
                "page 201 at 50 per page)."
            },
        )
        page_size = ma.fields.Integer(
            load_default=default_page_size, validate=ma.validate.Range(min=1, max=max_page_size)
        )

        @ma.validates_schema
        def offset_is_bounded(self, data: dict[str, int], **kwargs: Any) -> None:
            limit = max_offset()
            if (data["page"] - 1) * data["page_size"] > limit:
                raise ma.ValidationError(
                    f"页码过深：(page - 1) × page_size 不能超过 {limit}，请缩小筛选条件或改变排序后再查询", "page"
                )

        @ma.post_load
        def make_paginator(self, data: dict[str, int], **kwargs: Any) -> PaginationParameters:
            return PaginationParameters(**data)

    return PaginationParametersSchema


class Blueprint(SmorestBlueprint):
    """flask-smorest's Blueprint with bounded pagination (pagination inside the view only: the view sets
    `pagination_parameters.item_count`, see `service.operations.common.paginate`).

    `workflow=` names the declared workflow a blueprint serves: such blueprints are registered by
    `service.api.workflow_blueprints` (found, not listed) and the workflow kit's tests read their rules."""

    def __init__(self, *args: Any, workflow: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.workflow = workflow

    def paginate(
        self, pager: Any = None, *, page: int | None = None, page_size: int = 50, max_page_size: int = 200
    ) -> Any:
        if pager is not None or page not in (None, 1):
            raise TypeError("only in-view pagination starting at page 1 is supported")
        schema = pagination_schema(page_size, max_page_size)
        parser = self.ARGUMENTS_PARSER  # our JsonParser: Chinese messages, same 422 shape as every argument
        error_status = parser.DEFAULT_VALIDATION_STATUS

        def decorator(func: Any) -> Any:
            @wraps(func)
            def wrapper(*args: Any, **kwargs: Any) -> Any:
                params = parser.parse(schema, request, location="query")
                kwargs["pagination_parameters"] = params
                result, status, headers = unpack_tuple_response(current_app.ensure_sync(func)(*args, **kwargs))
                if params.item_count is None:
                    raise RuntimeError(f"item_count not set in endpoint {request.endpoint}")
                result, headers = self._set_pagination_metadata(params, result, headers)
                return result, status, headers

            view: Any = wrapper  # flask-smorest keeps its OpenAPI notes in an attribute of the view
            view._apidoc = copy_doc(getattr(wrapper, "_apidoc", {}))
            view._apidoc["pagination"] = {
                "parameters": {"in": "query", "schema": schema},
                "response": {error_status: http.HTTPStatus(error_status).name},
            }
            return view

        return decorator

    def _set_pagination_metadata(self, page_params: Any, result: Any, headers: Any) -> tuple[Any, Any]:
        headers = dict(headers or {})
        headers[self.PAGINATION_HEADER_NAME] = json.dumps(
            self._make_pagination_metadata(page_params.page, page_params.page_size, page_params.item_count)
        )
        return result, headers

    def _document_pagination_metadata(self, spec: Any, resp_doc: dict[str, Any]) -> None:
        resp_doc.setdefault("headers", {})[self.PAGINATION_HEADER_NAME] = deepcopy(PAGINATION_HEADER_DOC)
