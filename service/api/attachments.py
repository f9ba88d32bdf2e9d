"""Attachments (附件) of establishment cases, supervision tickets, interviews and instructors' visits: upload,
list, download, withdraw. The same four routes under each subject's path; the subject's own scope decides (out
of scope: 404, as missing), its registered role groups who may add and withdraw
(service/operations/engines/attachments.py).

A download is always served as a file (`Content-Disposition: attachment`), with `X-Content-Type-Options:
nosniff` and `Content-Security-Policy: default-src 'none'; sandbox`; `?inline=1` previews PNG, JPEG and PDF
in the browser under the same policy (other types stay attachments)."""

from __future__ import annotations

from typing import Any

from flask import Response, request
from marshmallow import Schema, fields

from schemas.attachments import AttachmentFileSchema, AttachmentFormSchema, AttachmentSchema, WithdrawalSchema
from service.api.docs import errors
from service.api.downloads import attachment
from service.api.pagination import Blueprint
from service.attachments.sniff import EXTENSIONS, PREVIEWABLE
from service.auth import current_actor
from service.models import Attachment
from service.operations.engines import attachments

blp = Blueprint(
    "attachments",
    __name__,
    url_prefix="/api/v1",
    description="Attachments (附件) of establishment cases, supervision tickets, interviews and instructors' visits",
)

# URL path -> the subject type its workflow registered.
SUBJECT_PATHS = {
    "establishment-cases": "establishment",
    "supervision-tickets": "supervision_ticket",
    "interviews": "interview",
    "instructor-visits": "instructor_visit",  # a visit-log entry (走访记录) of workflows.instructors
}
CSP = "default-src 'none'; sandbox"
# Multipart form overhead allowed above the per-file limit (field names, boundaries, the kind).
FORM_OVERHEAD = 64 * 1024


class PreviewQuerySchema(Schema):
    inline = fields.Boolean(
        load_default=False,
        metadata={"description": "Preview in the browser (PNG, JPEG and PDF only; others stay attachments)"},
    )


def hardened(response: Response) -> Response:
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = CSP
    response.headers["Cache-Control"] = "private, no-store"
    return response


def send(row: Attachment, inline: bool = False) -> Response:
    """The attachment's bytes as a download (or, for PNG/JPEG/PDF on request, an inline preview)."""
    ascii_name = f"attachment-{row.id}.{EXTENSIONS.get(row.content_type, 'bin')}"
    response = attachment(attachments.content(row), row.content_type, row.filename, ascii_name)
    if inline and row.content_type in PREVIEWABLE:
        disposition = response.headers["Content-Disposition"]
        response.headers["Content-Disposition"] = "inline" + disposition.removeprefix("attachment")
    return hardened(response)


def allow_file_upload() -> None:
    """This request may carry one attachment: more than MAX_CONTENT_LENGTH, up to the per-file limit and the form
    around it; a longer body is refused (413) by Werkzeug before it is read (Content-Length) or as soon as it
    passes the limit (chunked). Called before the body is parsed (a before_request hook)."""
    request.max_content_length = attachments.settings().max_file_bytes + FORM_OVERHEAD


@blp.before_request
def _upload_limit() -> None:
    if (request.endpoint or "").startswith("attachments.upload_"):
        allow_file_upload()


def _routes(path: str, subject_type: str) -> None:
    base = f"/{path}/<int:subject_id>/attachments"
    name = subject_type

    @blp.route(base, methods=["POST"], endpoint=f"upload_{name}")
    @blp.arguments(AttachmentFormSchema, location="form")
    @blp.arguments(AttachmentFileSchema, location="files")
    @blp.response(201, AttachmentSchema)
    @errors(blp, 400, 403, 404, 413, 415, 422, 503)
    def upload(form: dict[str, Any], files: dict[str, Any], subject_id: int) -> Any:
        """Attach a file (multipart: `file`, `kind`, optional `supersedes`). Refused before anything is written:
        a path as name or an empty file (422), too large for a file or the subject (413), a type not allowed by its
        content (415), a zip bomb or a virus found by the optional clamd scan (422); the scan's daemon unreachable
        (503)."""
        upload = files["file"]
        return attachments.add(
            current_actor(),
            subject_type,
            subject_id,
            kind=form["kind"],
            filename=upload.filename,
            stream=upload.stream,
            supersedes_id=form.get("supersedes"),
        )

    @blp.route(base, endpoint=f"list_{name}")
    @blp.response(200, AttachmentSchema(many=True))
    @errors(blp, 403, 404)
    def listing(subject_id: int) -> Any:
        """The subject's attachments, oldest first; withdrawn ones are listed, marked withdrawn."""
        return attachments.list_for(current_actor(), subject_type, subject_id)

    @blp.route(f"{base}/<int:attachment_id>", endpoint=f"download_{name}")
    @blp.arguments(PreviewQuerySchema, location="query")
    @blp.doc(
        responses={
            "200": {
                "description": "The file, as an attachment (or an inline preview of PNG, JPEG, PDF)",
                "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    )
    @errors(blp, 403, 404, 422)
    def download(query: dict[str, Any], subject_id: int, attachment_id: int) -> Any:
        """Download an attachment (withdrawn ones too: the record keeps them)."""
        row = attachments.get(current_actor(), subject_type, subject_id, attachment_id)
        return send(row, query["inline"])

    @blp.route(f"{base}/<int:attachment_id>", methods=["DELETE"], endpoint=f"withdraw_{name}")
    @blp.arguments(WithdrawalSchema)
    @blp.response(200, AttachmentSchema)
    @errors(blp, 400, 403, 404, 409, 422)
    def withdraw(body: dict[str, Any], subject_id: int, attachment_id: int) -> Any:
        """Withdraw an attachment (JSON body `reason`): marked withdrawn with who, when and why; the bytes stay."""
        return attachments.withdraw(current_actor(), subject_type, subject_id, attachment_id, body["reason"])


for _path, _subject_type in SUBJECT_PATHS.items():
    _routes(_path, _subject_type)
