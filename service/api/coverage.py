"""Coverage (两个覆盖): the report, the must-establish list (应建未建清单), the trend and circulars (通报)."""

from __future__ import annotations

from typing import Any

from flask import Response

from schemas.coverage import (
    CircularCreateSchema,
    CircularFiguresSchema,
    CircularListQuerySchema,
    CircularPreviewQuerySchema,
    CircularSchema,
    CoverageQuerySchema,
    CoverageReportSchema,
    MustEstablishQuerySchema,
    MustEstablishSchema,
    TrendQuerySchema,
    TrendSchema,
)
from service.api.docs import errors
from service.api.pagination import Blueprint
from service.api.spreadsheets import XLSX_CONTENT, XLSX_DOC, send_xlsx
from service.auth import current_actor, require_roles
from service.exports import coverage as coverage_exports
from service.inputs import NewCircular
from service.operations.common import paginate
from service.operations.reports import circulars, coverage, coverage_snapshots
from service.roles import CIRCULAR_ISSUERS, COVERAGE_READERS

blp = Blueprint(
    "coverage",
    __name__,
    url_prefix="/api/v1/coverage",
    description="Coverage (两个覆盖): report, must-establish list, trend and projection, circulars (通报)",
)


@blp.route("")
@blp.arguments(CoverageQuerySchema, location="query")
@blp.response(200, CoverageReportSchema)
@errors(blp, 403, 404, 422)
@require_roles(*COVERAGE_READERS)
def get_report(args: dict[str, Any]) -> Any:
    """Coverage of a jurisdiction's subtree, by child jurisdiction and by unit kind, with open cases' age."""
    return coverage.report(current_actor(), args.get("jurisdiction_id"))


@blp.route("/export.xlsx")
@blp.arguments(CoverageQuerySchema, location="query")
@blp.response(200, **XLSX_DOC)
@blp.doc(**XLSX_CONTENT)
@errors(blp, 403, 404, 422)
@require_roles(*COVERAGE_READERS)
def export_report(args: dict[str, Any]) -> Response:
    """The coverage report as .xlsx: totals and each child jurisdiction, and a sheet by unit kind."""
    return send_xlsx(
        coverage_exports.report_workbook(current_actor(), args.get("jurisdiction_id")), "覆盖情况", "coverage"
    )


@blp.route("/must-establish/export.xlsx")
@blp.arguments(MustEstablishQuerySchema, location="query")
@blp.response(200, **XLSX_DOC)
@blp.doc(**XLSX_CONTENT)
@errors(blp, 403, 404, 422)
@require_roles(*COVERAGE_READERS)
def export_must_establish(args: dict[str, Any]) -> Response:
    """The whole must-establish list (应建未建清单) with the list's filters and sort, streamed."""
    return send_xlsx(coverage_exports.must_establish_workbook(current_actor(), args), "应建未建清单", "must-establish")


@blp.route("/must-establish")
@blp.arguments(MustEstablishQuerySchema, location="query")
@blp.response(200, MustEstablishSchema(many=True))
@blp.paginate(page_size=50, max_page_size=200)
@errors(blp, 403, 404, 422)
@require_roles(*COVERAGE_READERS)
def must_establish(args: dict[str, Any], pagination_parameters: Any) -> Any:
    """In-scope units with no party organisation (应建未建): reason, instructor, open case and its age.
    Filters and sort as the ledger's unit list; totals in `X-Pagination`."""
    rows, total = coverage.must_establish(
        current_actor(), args, pagination_parameters.page, pagination_parameters.page_size
    )
    pagination_parameters.item_count = total
    return rows


@blp.route("/trend")
@blp.arguments(TrendQuerySchema, location="query")
@blp.response(200, TrendSchema)
@errors(blp, 403, 404, 422)
@require_roles(*COVERAGE_READERS)
def get_trend(args: dict[str, Any]) -> Any:
    """Month-end snapshots and, at the pace of the last three, when the target rate is reached."""
    return coverage_snapshots.trend(current_actor(), args.get("jurisdiction_id"), args["months"])


@blp.route("/circular")
@blp.arguments(CircularPreviewQuerySchema, location="query")
@blp.response(200, CircularFiguresSchema)
@errors(blp, 403, 404, 422)
@require_roles(*COVERAGE_READERS)
def preview_circular(args: dict[str, Any]) -> Any:
    """Preview a circular for a period: children ranked by coverage, progress and supervision; laggards named."""
    return circulars.preview(current_actor(), args.get("jurisdiction_id"), args["period_start"], args["period_end"])


@blp.route("/circulars", methods=["POST"])
@blp.arguments(CircularCreateSchema)
@blp.response(201, CircularSchema)
@errors(blp, 400, 403, 404, 413, 422)
@require_roles(*CIRCULAR_ISSUERS)
def issue_circular(data: NewCircular) -> Any:
    """Issue a circular: the figures are stored as they are now, so it reads the same later."""
    return circulars.issue(current_actor(), data), 201


@blp.route("/circulars")
@blp.arguments(CircularListQuerySchema, location="query")
@blp.response(200, CircularSchema(many=True))
@blp.paginate(page_size=20, max_page_size=200)
@errors(blp, 403, 404, 422)
@require_roles(*COVERAGE_READERS)
def list_circulars(args: dict[str, Any], pagination_parameters: Any) -> Any:
    """Issued circulars in my jurisdiction, newest first."""
    stmt = circulars.query(current_actor(), args.get("jurisdiction_id"))
    items, total = paginate(stmt, pagination_parameters.page, pagination_parameters.page_size)
    pagination_parameters.item_count = total
    return items


@blp.route("/circulars/<int:circular_id>")
@blp.response(200, CircularSchema)
@errors(blp, 403, 404)
@require_roles(*COVERAGE_READERS)
def get_circular(circular_id: int) -> Any:
    """One issued circular with the figures exactly as issued."""
    return circulars.get(current_actor(), circular_id)
