"""Attachments (附件): the upload (multipart), the withdrawal and the attachment as listed."""

from __future__ import annotations

from flask_smorest.fields import Upload
from marshmallow import Schema, fields, validate

from schemas.common import text

ID_RANGE = validate.Range(min=1, max=2**31 - 1)


class AttachmentFileSchema(Schema):
    file = Upload(
        required=True,
        metadata={
            "description": "The file: PDF, PNG, JPEG, .docx/.xlsx, .doc/.xls or plain text, judged by its content"
        },
    )


class AttachmentFormSchema(Schema):
    kind = fields.String(
        required=True,
        validate=validate.Length(max=32),
        metadata={
            "description": "The kind of file the subject takes: a case request/roster/minutes/reply_scan, a ticket "
            "evidence/report, an interview record"
        },
    )
    supersedes = fields.Integer(
        validate=ID_RANGE, metadata={"description": "The id of an attachment of the same subject this one replaces"}
    )


class WithdrawalSchema(Schema):
    reason = text(
        500, required=True, metadata={"description": "Why the attachment is withdrawn (kept with who and when)"}
    )


class AttachmentSchema(Schema):
    id = fields.Integer()
    subject_type = fields.String()
    subject_id = fields.Integer()
    kind = fields.String()
    kind_label = fields.String()
    filename = fields.String(metadata={"description": "The display name (no path)"})
    content_type = fields.String(metadata={"description": "As judged from the content"})
    size = fields.Integer(metadata={"description": "Bytes"})
    sha256 = fields.String()
    uploaded_by = fields.Integer(allow_none=True)
    uploader_name = fields.String(metadata={"description": "The uploader's display name"})
    uploaded_at = fields.DateTime()
    supersedes_id = fields.Integer(allow_none=True)
    withdrawn = fields.Function(lambda a: a.withdrawn_at is not None)
    withdrawn_at = fields.DateTime(allow_none=True)
    withdrawn_by = fields.Integer(allow_none=True)
    withdrawer_name = fields.String(allow_none=True)
    withdrawal_reason = fields.String(allow_none=True)
