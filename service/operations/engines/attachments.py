"""附件: files attached to a workflow's subjects (an establishment case, a supervision ticket, an interview).

A workflow registers its subject (`register_subject`): its scoped `get` (out of scope: 404, as missing), the
kinds of file it takes and the role groups that add and withdraw them; readers of the subject list and
download them. A file is checked before anything is written: its name (no path), its size (streamed into a
temporary file, refused as soon as it passes the limit: 413), its type from its content
(service/attachments/sniff.py: 415/422), the subject's total (413). Only then, under the subject's lock, the
row and its audit record are written and the bytes moved into the content-addressed store in one go; a
refusal leaves no row and no file. An attachment never changes: a new one may supersede it, and it can be
withdrawn (who, when, why recorded; the bytes kept). Like the other engines, this module imports no
workflow module."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import IO, Any

from flask import current_app
from sqlalchemy import func, select

from service.attachments import scan, sniff
from service.attachments.limits import MB, AttachmentSettings
from service.attachments.storage import LocalStorage, S3Storage, Spooled, TooLarge, s3_client
from service.auth import Actor
from service.clock import now
from service.config import default_instance_dir
from service.db import transaction
from service.errors import ApiError, Forbidden, NotFound
from service.extensions import db
from service.models import Attachment, Role
from service.operations.engines import audit, webhooks
from service.operations.reference import users
from workflows.errors import Conflict

log = logging.getLogger(__name__)
SCANNER_UNAVAILABLE = "病毒扫描服务暂时不可用，附件未上传，请稍后重试"
Getter = Callable[..., Any]  # (actor, subject_id, *, for_update=False) -> the scoped row; 404 outside scope


@dataclass(frozen=True)
class Subject:
    """What a workflow registers: its subject type, scoped getter, the kinds of file (value -> Chinese label),
    who may add and withdraw files and who may read them (role groups of service/roles.py)."""

    subject_type: str
    get: Getter
    kinds: dict[str, str]
    writers: tuple[Role, ...]
    readers: tuple[Role, ...]
    # Which side of the subject adds and withdraws files (raises Forbidden), as its own commands check it.
    side: Callable[[Actor, Any], None] | None = None


_SUBJECTS: dict[str, Subject] = {}


def register_subject(subject: Subject) -> None:
    _SUBJECTS[subject.subject_type] = subject


def subject(subject_type: str) -> Subject:
    try:
        return _SUBJECTS[subject_type]
    except KeyError:
        raise RuntimeError(f"no attachment subject registered for {subject_type}") from None


def subject_types() -> list[str]:
    return sorted(_SUBJECTS)


def settings() -> AttachmentSettings:
    return current_app.config["SETTINGS"].attachments


def storage() -> LocalStorage:
    """The configured store: the local directory, or an S3-compatible bucket (one client per process and
    settings, as boto3 clients are thread-safe)."""
    s = settings()
    root = s.directory if s.directory is not None else Path(default_instance_dir()) / "attachments"
    if s.storage == "s3":
        client = _s3_client(s.s3_endpoint, s.s3_region, s.s3_access_key, s.s3_secret_key)
        return S3Storage(root, client, s.s3_bucket)
    return LocalStorage(root)


_s3_client = cache(s3_client)


def _refused(exc: sniff.Refused, field: str = "file") -> ApiError:
    return ApiError(exc.status, exc.code, exc.message, {"files": {field: [exc.message]}})


def _check_role(actor: Actor, roles: tuple[Role, ...]) -> None:
    if actor.role not in roles:
        raise Forbidden()


def _require_side(actor: Actor, s: Subject, row: Any) -> None:
    if s.side is not None:
        s.side(actor, row)


def _load(actor: Actor, s: Subject, subject_id: int, *, for_update: bool = False) -> Any:
    return s.get(actor, subject_id, for_update=for_update)


def add(
    actor: Actor,
    subject_type: str,
    subject_id: int,
    *,
    kind: str,
    filename: str | None,
    stream: IO[bytes],
    supersedes_id: int | None = None,
) -> Attachment:
    s = subject(subject_type)
    _check_role(actor, s.writers)
    _require_side(actor, s, _load(actor, s, subject_id))  # 404 / 403 before the body is looked at
    with checked_file(actor, subject_type, kind=kind, filename=filename, stream=stream) as checked, transaction():
        row = _load(actor, s, subject_id, for_update=True)
        attachment = attach_checked(actor, row, checked, supersedes_id)
    return attachment


@dataclass(frozen=True)
class Upload:
    """A file as a form sends it with the command that creates its subject (its kind, name and stream)."""

    kind: str
    filename: str | None
    stream: IO[bytes]


@dataclass(frozen=True)
class Checked:
    """A file that passed every check of its subject type, spooled and waiting for `attach_checked`."""

    subject_type: str
    kind: str
    name: str
    spooled: Spooled
    content_type: str
    store: LocalStorage


@contextmanager
def checked_file(
    actor: Actor, subject_type: str, *, kind: str, filename: str | None, stream: IO[bytes]
) -> Iterator[Checked]:
    """The checks of a file that need no subject row (the role, the kind, the name, the size, the type by
    content, the optional scan), the file spooled for the block. A command that creates its subject and
    attaches the file in one transaction (a visit with its photo) checks it here first, so a refusal leaves
    neither; the block ends with the spooled file gone unless `attach_checked` kept it."""
    s = subject(subject_type)
    _check_role(actor, s.writers)
    if kind not in s.kinds:
        message = "附件类型无效，可选：" + "、".join(s.kinds.values())
        raise ApiError(422, "validation_failed", message, {"form": {"kind": [message]}})
    try:
        name = sniff.display_name(filename)
    except sniff.Refused as exc:
        raise _refused(exc) from exc
    limits = settings()
    store = storage()
    try:
        with store.spool(stream, limits.max_file_bytes) as spooled:
            if spooled.size == 0:
                raise _refused(sniff.Refused(422, "empty_file", "上传的文件为空"))
            sniffed = _checked(spooled.path, name, limits)
            yield Checked(subject_type, kind, name, spooled, sniffed.content_type, store)
    except TooLarge:
        raise _too_large(f"文件过大（单个附件不超过 {limits.max_file_bytes // MB} MB）") from None


def attach_checked(actor: Actor, row: Any, checked: Checked, supersedes_id: int | None = None) -> Attachment:
    """Write a checked file on its subject, in the caller's transaction with the subject row (loaded in scope
    and locked, or just created): the subject's totals, the row, its audit record and webhook, the bytes kept."""
    subject_type, subject_id = checked.subject_type, row.id
    limits = settings()
    _check_supersedes(subject_type, subject_id, supersedes_id)
    _check_total(subject_type, subject_id, checked.spooled.size, limits)
    attachment = Attachment(
        subject_type=subject_type,
        subject_id=subject_id,
        jurisdiction_id=row.jurisdiction_id,
        kind=checked.kind,
        filename=checked.name,
        content_type=checked.content_type,
        size=checked.spooled.size,
        sha256=checked.spooled.sha256,
        uploaded_by=actor.user_id,
        uploaded_at=now(),
        supersedes_id=supersedes_id,
    )
    db.session.add(attachment)
    db.session.flush()
    snap = snapshot(attachment)
    audit.record(actor, "attachment.add", subject_type, subject_id, row.jurisdiction_id, None, snap)
    # Ids, kind, type, size and hash: the file's name and bytes stay behind the scoped download.
    published = {k: v for k, v in snap.items() if k != "filename"}
    webhooks.publish_at(
        "attachment.added",
        {"subject_type": subject_type, "subject_id": subject_id, **published},
        row.jurisdiction_id,
    )
    checked.store.keep(checked.spooled)
    _present([attachment], subject(subject_type))
    return attachment


def _checked(path: Path, name: str, limits: AttachmentSettings) -> sniff.Sniffed:
    """The spooled file's type from its content, and the optional virus scan; Refused → its 4xx, an unreachable
    scanner → 503."""
    try:
        sniffed = sniff.sniff(path, name, current_app.config["SETTINGS"].spreadsheets)
        if limits.clamd:
            scan.scan(path, limits.clamd, limits.clamd_timeout_seconds)
    except sniff.Refused as exc:
        raise _refused(exc) from exc
    except scan.ScannerUnavailable as exc:
        log.warning("attachment virus scan unavailable: %s", exc)
        raise ApiError(503, "unavailable", SCANNER_UNAVAILABLE, headers={"Retry-After": "30"}) from exc
    return sniffed


def _too_large(message: str) -> ApiError:
    return ApiError(413, "payload_too_large", message, {"files": {"file": [message]}})


def _check_supersedes(subject_type: str, subject_id: int, supersedes_id: int | None) -> None:
    if supersedes_id is None:
        return
    old = db.session.get(Attachment, supersedes_id)
    if old is None or old.subject_type != subject_type or old.subject_id != subject_id:
        message = "被替换的附件不存在或不属于本事项"
        raise ApiError(422, "validation_failed", message, {"form": {"supersedes": [message]}})


def _check_total(subject_type: str, subject_id: int, size: int, limits: AttachmentSettings) -> None:
    files, used = db.session.execute(
        select(func.count(), func.coalesce(func.sum(Attachment.size), 0)).where(
            Attachment.subject_type == subject_type,
            Attachment.subject_id == subject_id,
            Attachment.withdrawn_at.is_(None),
        )
    ).one()
    if files >= limits.max_subject_files:
        message = f"本事项的附件已达 {limits.max_subject_files} 个，请先撤回不需要的附件"
        raise ApiError(422, "too_many_attachments", message, {"files": {"file": [message]}})
    if int(used) + size > limits.max_subject_bytes:
        raise _too_large(
            f"本事项的附件总大小将超过 {limits.max_subject_bytes // MB} MB（已用 {int(used) / MB:.1f} MB），"
            "请先撤回不需要的附件"
        )


def snapshot(a: Attachment) -> dict[str, Any]:
    return {
        "attachment_id": a.id,
        "kind": a.kind,
        "filename": a.filename,
        "content_type": a.content_type,
        "size": a.size,
        "sha256": a.sha256,
        "supersedes_id": a.supersedes_id,
    }


def list_for(actor: Actor, subject_type: str, subject_id: int) -> list[Attachment]:
    """The subject's attachments, oldest first, withdrawn ones included (marked), with display names."""
    s = subject(subject_type)
    _check_role(actor, s.readers)
    _load(actor, s, subject_id)
    rows = list(
        db.session.execute(
            select(Attachment)
            .where(Attachment.subject_type == subject_type, Attachment.subject_id == subject_id)
            .order_by(Attachment.id)
        ).scalars()
    )
    _present(rows, s)
    return rows


def _present(rows: list[Attachment], s: Subject) -> None:
    names = users.display_names([r.uploaded_by for r in rows] + [r.withdrawn_by for r in rows])
    for r in rows:
        r.uploader_name = names.get(r.uploaded_by or 0, "系统")  # type: ignore[attr-defined]
        r.withdrawer_name = names.get(r.withdrawn_by or 0) if r.withdrawn_by else None  # type: ignore[attr-defined]
        r.kind_label = s.kinds.get(r.kind, r.kind)  # type: ignore[attr-defined]


def for_subjects(subject_type: str, subject_ids: list[int]) -> dict[int, list[Attachment]]:
    """Attachments of subjects the caller already loaded in scope (a page's ticket and its interviews), by
    subject id, oldest first: one statement, and one for the display names, whatever the count."""
    s = subject(subject_type)
    out: dict[int, list[Attachment]] = {i: [] for i in subject_ids}
    rows = list(
        db.session.execute(
            select(Attachment)
            .where(Attachment.subject_type == subject_type, Attachment.subject_id.in_(subject_ids or [0]))
            .order_by(Attachment.id)
        ).scalars()
    )
    _present(rows, s)
    for r in rows:
        out[r.subject_id].append(r)
    return out


def may_write(actor: Actor, subject_type: str, row: Any, *, side: bool = True) -> bool:
    """Whether the actor may add and withdraw files of the loaded subject (the role, and its side unless
    `side=False`: a page that cannot afford the side's look-up shows the form and lets the command refuse)."""
    s = subject(subject_type)
    if actor.role not in s.writers:
        return False
    if side:
        try:
            _require_side(actor, s, row)
        except Forbidden:
            return False
    return True


def get(actor: Actor, subject_type: str, subject_id: int, attachment_id: int) -> Attachment:
    """One attachment of a subject the actor reads (404 if either is missing or out of scope)."""
    s = subject(subject_type)
    _check_role(actor, s.readers)
    _load(actor, s, subject_id)
    row = db.session.get(Attachment, attachment_id)
    if row is None or row.subject_type != subject_type or row.subject_id != subject_id:
        raise NotFound()
    _present([row], s)
    return row


def content(row: Attachment) -> IO[bytes]:
    return storage().open(row.sha256)


def withdraw(actor: Actor, subject_type: str, subject_id: int, attachment_id: int, reason: str) -> Attachment:
    """Mark an attachment withdrawn (who, when, why); the bytes stay. A withdrawn one cannot be withdrawn again."""
    s = subject(subject_type)
    _check_role(actor, s.writers)
    with transaction():
        subject_row = _load(actor, s, subject_id, for_update=True)
        _require_side(actor, s, subject_row)
        row = db.session.get(Attachment, attachment_id)
        if row is None or row.subject_type != subject_type or row.subject_id != subject_id:
            raise NotFound()
        if row.withdrawn_at is not None:
            raise Conflict("already_withdrawn", "该附件已撤回")
        row.withdrawn_at = now()
        row.withdrawn_by = actor.user_id
        row.withdrawal_reason = reason
        audit.record(
            actor,
            "attachment.withdraw",
            subject_type,
            subject_id,
            subject_row.jurisdiction_id,
            {"attachment_id": row.id, "withdrawn": False},
            {"attachment_id": row.id, "withdrawn": True},
            reason,
        )
    _present([row], s)
    return row
