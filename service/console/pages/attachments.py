"""附件 on the case, application and ticket pages (and each interview on its ticket's page): upload (multipart,
CSRF-checked like every console POST), download or preview, withdraw with a reason. The pages show the section
through `panel()` / `panels()` and the partial `console/_attachments.html`; the actions here call the same engine
as the API (service/operations/engines/attachments.py), so scope, roles and every check are the API's. A refused
upload comes back to the page with the Chinese message above the section and the kind still selected."""

from __future__ import annotations

import io
from typing import Any
from urllib.parse import urlencode

from flask import flash, redirect, request
from werkzeug.wrappers import Response

from service.api.attachments import FORM_OVERHEAD, send
from service.auth import Actor
from service.console.access import page, safe_next, signed_in_actor
from service.console.blueprint import bp
from service.errors import ApiError
from service.models import Attachment
from service.operations.engines import attachments


def panel(
    actor: Actor, subject_type: str, row: Any, back: str, items: list[Attachment] | None = None, *, side: bool = True
) -> dict[str, Any]:
    """What the partial shows for one subject (`back`: the page to come back to after an upload or withdrawal)."""
    if items is None:
        items = attachments.for_subjects(subject_type, [row.id])[row.id]
    chosen = request.args.get("attach_kind") if request.args.get("attach_to") == f"{subject_type}-{row.id}" else None
    return {
        "subject_type": subject_type,
        "subject_id": row.id,
        "items": items,
        "kinds": attachments.subject(subject_type).kinds,
        "can_write": attachments.may_write(actor, subject_type, row, side=side),
        "back": back,
        "anchor": f"attachments-{subject_type}-{row.id}",
        "chosen_kind": chosen,
        "max_file_bytes": attachments.settings().max_file_bytes,  # checked in the browser before sending
    }


def panels(actor: Actor, subject_type: str, rows: list[Any], back: str, *, side: bool = True) -> dict[int, Any]:
    """The panels of several subjects of one type (a ticket's interviews), in a fixed number of statements."""
    found = attachments.for_subjects(subject_type, [r.id for r in rows])
    return {r.id: panel(actor, subject_type, r, back, found[r.id], side=side) for r in rows}


def _back(subject_type: str, subject_id: int, kind: str | None = None) -> Response:
    target = safe_next(request.form.get("back")) or "/"
    anchor = f"attachments-{subject_type}-{subject_id}"
    if kind:
        target += ("&" if "?" in target else "?") + urlencode(
            {"attach_to": f"{subject_type}-{subject_id}", "attach_kind": kind}
        )
    return redirect(f"{target}#{anchor}")


def _actor() -> Actor:
    actor = signed_in_actor()
    assert actor is not None  # @page() guarantees it
    return actor


def _known(subject_type: str) -> None:
    if subject_type not in attachments.subject_types():
        raise ApiError(404)


@bp.before_request
def _upload_limit() -> None:
    # As the API's upload routes: the file up to its limit (plus the form), refused (413) beyond it.
    if request.endpoint == "console.attachment_upload" and request.method == "POST":
        request.max_content_length = attachments.settings().max_file_bytes + FORM_OVERHEAD


@bp.route("/attachments/<subject_type>/<int:subject_id>", methods=["POST"], endpoint="attachment_upload")
@page()
def upload(subject_type: str, subject_id: int) -> Response:
    _known(subject_type)
    kind = request.form.get("kind", "")
    upload = request.files.get("file")
    try:
        supersedes = request.form.get("supersedes") or None
        row = attachments.add(
            _actor(),
            subject_type,
            subject_id,
            kind=kind,
            filename=upload.filename if upload else None,
            stream=upload.stream if upload else io.BytesIO(),
            supersedes_id=int(supersedes) if supersedes and supersedes.isdigit() else None,
        )
    except ApiError as exc:
        if exc.status in (403, 404):
            raise
        flash(f"附件未上传：{exc.message}", "error")
        return _back(subject_type, subject_id, kind)
    flash(f"已上传附件「{row.filename}」", "success")
    return _back(subject_type, subject_id)


@bp.route("/attachments/<subject_type>/<int:subject_id>/<int:attachment_id>", endpoint="attachment_download")
@page()
def download(subject_type: str, subject_id: int, attachment_id: int) -> Response:
    _known(subject_type)
    row = attachments.get(_actor(), subject_type, subject_id, attachment_id)
    return send(row, request.args.get("inline") == "1")


@bp.route(
    "/attachments/<subject_type>/<int:subject_id>/<int:attachment_id>/withdraw",
    methods=["POST"],
    endpoint="attachment_withdraw",
)
@page()
def withdraw(subject_type: str, subject_id: int, attachment_id: int) -> Response:
    _known(subject_type)
    reason = request.form.get("reason", "").strip()
    if not reason:
        flash("附件未撤回：请填写撤回理由", "error")
        return _back(subject_type, subject_id)
    row = attachments.withdraw(_actor(), subject_type, subject_id, attachment_id, reason[:500])
    flash(f"已撤回附件「{row.filename}」", "success")
    return _back(subject_type, subject_id)
