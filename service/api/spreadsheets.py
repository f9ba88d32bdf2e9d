"""Ledger and ticket exports to .xlsx, and ledger imports from .xlsx (background jobs with progress)."""

from __future__ import annotations

from typing import IO, Any

from flask import Response, request, url_for

from schemas.imports import ErrorsXlsxQuerySchema, ImportFileSchema, ImportModeSchema, UnitImportSchema
from schemas.supervision import TicketQuerySchema
from schemas.units import UnitQuerySchema
from service.api.docs import errors
from service.api.downloads import attachment
from service.api.pagination import Blueprint
from service.auth import current_actor, require_roles
from service.clock import today
from service.exports import ledger, tickets
from service.operations.engines import unit_import_report, unit_imports
from service.roles import SUPERVISION_READERS, UNIT_WRITERS
from service.spreadsheets.writer import XLSX_MIMETYPE

blp = Blueprint(
    "spreadsheets",
    __name__,
    url_prefix="/api/v1",
    description="Excel (.xlsx): ledger and ticket exports, ledger imports",
)
XLSX_DOC = {"description": "An .xlsx workbook (Chinese headers, frozen header row)", "content_type": XLSX_MIMETYPE}
# flask-smorest documents a schemaless response without content: say what the body is.
XLSX_CONTENT = {
    "responses": {
        "200": {
            "description": XLSX_DOC["description"],
            "content": {XLSX_MIMETYPE: {"schema": {"type": "string", "format": "binary"}}},
        }
    }
}
# Errors inline in the status answer; every one of them is in errors.xlsx.
INLINE_ERRORS = 100


def send_xlsx(stream: IO[bytes], name: str, ascii_name: str) -> Response:
    """An .xlsx download named after what it holds and the day (台账-2026-11-30.xlsx; units-2026-11-30.xlsx for
    clients that read only an ASCII name)."""
    day = today()
    return attachment(stream, XLSX_MIMETYPE, f"{name}-{day}.xlsx", f"{ascii_name}-{day}.xlsx")


@blp.route("/units/export.xlsx")
@blp.arguments(UnitQuerySchema, location="query")
@blp.response(200, **XLSX_DOC)
@blp.doc(**XLSX_CONTENT)
@errors(blp, 404, 422)
def export_units(filters: dict[str, Any]) -> Response:
    """The ledger as .xlsx: the unit list's filters, scope and order, every matching row (streamed)."""
    return send_xlsx(ledger.ledger_workbook(current_actor(), filters), "台账", "units")


@blp.route("/supervision-tickets/export.xlsx")
@blp.arguments(TicketQuerySchema, location="query")
@blp.response(200, **XLSX_DOC)
@blp.doc(**XLSX_CONTENT)
@errors(blp, 403, 404, 422)
@require_roles(*SUPERVISION_READERS)
def export_tickets(filters: dict[str, Any]) -> Response:
    """The board as .xlsx: the ticket list's filters with each ticket's light, and the per-body counts."""
    return send_xlsx(tickets.tickets_workbook(current_actor(), filters), "督办单", "supervision-tickets")


@blp.before_request
def _upload_limit() -> None:
    # Only the import accepts more than MAX_CONTENT_LENGTH; its own bound is IMPORT_MAX_BYTES (+ form overhead).
    if request.endpoint == "spreadsheets.start_import":
        request.max_content_length = unit_imports.limits().max_bytes + 64 * 1024


def _status(imp: Any) -> Any:
    imp.errors = unit_imports.errors_of(imp.id, INLINE_ERRORS)  # presented with the row, not stored
    return imp


@blp.route("/units/imports", methods=["POST"])
@blp.arguments(ImportModeSchema, location="query")
@blp.arguments(ImportFileSchema, location="files")
@blp.response(202, UnitImportSchema)
@errors(blp, 400, 403, 413, 422)
@require_roles(*UNIT_WRITERS)
def start_import(query: dict[str, Any], files: dict[str, Any]) -> Any:
    """Upload an .xlsx ledger (multipart field `file`; `?mode=`). The whole file is checked now (not a zip, zip bomb,
    .xls, formulas, too many rows/columns, headers: 422, nothing changed); the rows are validated and applied
    by a background job. Poll the `Location`."""
    upload = files["file"]
    imp = unit_imports.start(current_actor(), upload.filename or "upload.xlsx", upload.read(), query["mode"])
    location = url_for("spreadsheets.get_import", import_id=imp.id)
    return _status(imp), 202, {"Location": location}


@blp.route("/units/imports/<int:import_id>")
@blp.response(200, UnitImportSchema)
@errors(blp, 403, 404)
@require_roles(*UNIT_WRITERS)
def get_import(import_id: int) -> Any:
    """Status, progress, counts (created, updated, unchanged), the first errors (row, column, Chinese message)."""
    return _status(unit_imports.get(current_actor(), import_id))


@blp.route("/units/imports/<int:import_id>/errors.xlsx")
@blp.arguments(ErrorsXlsxQuerySchema, location="query")
@blp.response(200, **XLSX_DOC)
@blp.doc(**XLSX_CONTENT)
@errors(blp, 403, 404, 409, 422)
@require_roles(*UNIT_WRITERS)
def import_errors(args: dict[str, Any], import_id: int) -> Response:
    """The uploaded rows with each row's errors beside it and the faulty cells filled red (409 while running)."""
    stream = unit_import_report.errors_workbook(current_actor(), import_id, args["only_errors"])
    return send_xlsx(stream, f"导入错误-{import_id}", f"import-errors-{import_id}")
