"""Ledger imports from .xlsx: the upload (multipart) and the import's status with its per-row errors."""

from __future__ import annotations

from flask_smorest.fields import Upload
from marshmallow import Schema, fields

from schemas.common import one_of

MODES = ["all_or_nothing", "valid_rows_only"]
STATUS_LABELS = {"queued": "排队中", "running": "导入中", "succeeded": "已完成", "failed": "失败"}
PHASE_LABELS = {"validating": "逐行校验", "applying": "写入台账"}


class ImportFileSchema(Schema):
    file = Upload(
        required=True,
        metadata={"description": "The .xlsx workbook; its first sheet's first row holds the export's Chinese headers"},
    )


class ImportModeSchema(Schema):
    mode = one_of(
        MODES,
        load_default="all_or_nothing",
        metadata={
            "description": "all_or_nothing: any faulty row and nothing is imported; "
            "valid_rows_only: the valid rows are imported, the faulty ones reported"
        },
    )


class ImportErrorSchema(Schema):
    row = fields.Integer(attribute="row_no", metadata={"description": "Row number in the sheet (the header is row 1)"})
    column = fields.String(allow_none=True, metadata={"description": "The column's Chinese header"})
    code = fields.String()
    message = fields.String(metadata={"description": "Chinese message"})


class UnitImportSchema(Schema):
    id = fields.Integer()
    status = fields.String(metadata={"description": "queued, running, succeeded or failed"})
    status_label = fields.Function(lambda i: STATUS_LABELS.get(i.status, i.status))
    phase = fields.String(allow_none=True, metadata={"description": "While running: validating, then applying"})
    phase_label = fields.Function(lambda i: PHASE_LABELS.get(i.phase) if i.phase else None)
    mode = fields.String()
    filename = fields.String()
    size_bytes = fields.Integer()
    sheet_title = fields.String()
    total_rows = fields.Integer(metadata={"description": "Rows below the header, as the sheet holds them"})
    processed_rows = fields.Integer(metadata={"description": "Rows validated so far"})
    progress = fields.Function(
        lambda i: 1.0 if i.status in ("succeeded", "failed") else round(i.processed_rows / max(i.total_rows, 1), 3),
        metadata={"description": "0..1"},
    )
    created_count = fields.Integer()
    updated_count = fields.Integer()
    unchanged_count = fields.Integer()
    error_count = fields.Integer()
    error_rows = fields.Integer()
    unknown_columns = fields.List(
        fields.String(), metadata={"description": "Headers the import does not know (ignored)"}
    )
    message = fields.String(allow_none=True)
    created_at = fields.DateTime()
    started_at = fields.DateTime(allow_none=True)
    finished_at = fields.DateTime(allow_none=True)
    errors = fields.List(
        fields.Nested(ImportErrorSchema), metadata={"description": "The first errors (all of them in errors.xlsx)"}
    )


class ErrorsXlsxQuerySchema(Schema):
    only_errors = fields.Boolean(
        load_default=False, metadata={"description": "Only the rows with errors (default: every row)"}
    )
