"""Document templates an administrator replaces without code: one per kind and body, inherited by the body's
subtree, versioned (old versions stay: issued documents name the one they used), audited; the repository's
default (service/documents/templates/) where no body above has one."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import func, select, update

from service.auth import Actor
from service.clock import now
from service.db import transaction
from service.documents.kinds import KINDS, DocumentKind
from service.documents.render import TemplateError, check_template, default_template
from service.extensions import db
from service.models import DocumentTemplate, Jurisdiction
from service.operations.engines import audit
from service.operations.reference import jurisdictions
from workflows.errors import Conflict, RuleViolation

SUBJECT = "document_template"
# The columns listed and audited (never the content).
META = ("id", "kind", "jurisdiction_id", "version", "filename", "size", "sha256", "uploaded_by", "uploaded_at")


def _meta(row: DocumentTemplate) -> dict[str, Any]:
    out = {key: getattr(row, key) for key in META}
    out["uploaded_at"] = row.uploaded_at.isoformat()
    return out


def effective(kind: str, body: Jurisdiction) -> DocumentTemplate | None:
    """The template in force for `body`: its own current one, else the nearest ancestor's; None: the default."""
    return db.session.execute(
        select(DocumentTemplate)
        .join(Jurisdiction, Jurisdiction.id == DocumentTemplate.jurisdiction_id)
        .where(
            DocumentTemplate.kind == kind,
            DocumentTemplate.jurisdiction_id.in_(body.ancestor_ids),
            DocumentTemplate.retired_at.is_(None),
            DocumentTemplate.content.is_not(None),
        )
        .order_by(func.length(Jurisdiction.path).desc())
        .limit(1)
    ).scalar_one_or_none()


def content_of(template_id: int | None, kind: str) -> bytes:
    if template_id is None:
        return default_template(kind)
    content = db.session.execute(
        select(DocumentTemplate.content).where(DocumentTemplate.id == template_id)
    ).scalar_one()
    assert content is not None  # only templates with content are ever used
    return content


def _body(actor: Actor, body_id: int | None) -> Jurisdiction:
    if body_id is None:
        if actor.jurisdiction_id is None:
            raise RuleViolation("jurisdiction_required", "请指定单位", "jurisdiction_id")
        body_id = actor.jurisdiction_id
    return jurisdictions.get(actor, body_id)  # 404 outside the caller's scope


def overview(actor: Actor, body_id: int | None) -> dict[str, Any]:
    """Per kind: the placeholders, the template in force for the body and the body's own versions (2 queries
    per kind at most)."""
    body = _body(actor, body_id)
    own = db.session.execute(
        select(DocumentTemplate)
        .where(DocumentTemplate.jurisdiction_id == body.id)
        .order_by(DocumentTemplate.kind, DocumentTemplate.version.desc())
    ).scalars()
    versions: dict[str, list[dict[str, Any]]] = {}
    for row in own:
        versions.setdefault(row.kind, []).append(
            {**_meta(row), "current": row.retired_at is None, "reset": row.size is None}
        )
    kinds = []
    for kind, spec in KINDS.items():
        current = effective(kind, body)
        kinds.append(
            {
                "kind": kind.value,
                "label": spec.label,
                "placeholders": [{"name": k, "description": v} for k, v in spec.all_placeholders.items()],
                "current": _meta(current) if current is not None else None,
                "source": "default"
                if current is None
                else ("own" if current.jurisdiction_id == body.id else "inherited"),
                "versions": versions.get(kind.value, []),
            }
        )
    return {"jurisdiction_id": body.id, "kinds": kinds}


def download(actor: Actor, kind: str, body_id: int | None) -> tuple[bytes, str]:
    """The template in force for the body (its own, inherited or the default) and a file name."""
    body = _body(actor, body_id)
    current = effective(kind, body)
    label = KINDS[DocumentKind(kind)].label
    if current is None:
        return default_template(kind), f"{label}模板-默认.docx"
    return content_of(current.id, kind), f"{label}模板-v{current.version}.docx"


def _retire_current(kind: str, body_id: int) -> int:
    """Retire the body's current row of the kind; the next version number."""
    db.session.execute(
        update(DocumentTemplate)
        .where(
            DocumentTemplate.kind == kind,
            DocumentTemplate.jurisdiction_id == body_id,
            DocumentTemplate.retired_at.is_(None),
        )
        .values(retired_at=now())
    )
    last = db.session.execute(
        select(func.max(DocumentTemplate.version)).where(
            DocumentTemplate.kind == kind, DocumentTemplate.jurisdiction_id == body_id
        )
    ).scalar_one()
    return int(last or 0) + 1


def upload(actor: Actor, kind: str, body_id: int | None, filename: str | None, data: bytes) -> dict[str, Any]:
    """A new version of the body's template of `kind`, validated first (422 with a Chinese message)."""
    with transaction():
        body = _body(actor, body_id)
        try:
            found = check_template(kind, data)
        except TemplateError as exc:
            raise RuleViolation("invalid_template", str(exc), "file") from exc
        version = _retire_current(kind, body.id)
        row = DocumentTemplate(
            kind=kind,
            jurisdiction_id=body.id,
            version=version,
            content=data,
            filename=(filename or f"{kind}.docx")[:255],
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            uploaded_by=actor.user_id,
            uploaded_at=now(),
        )
        db.session.add(row)
        db.session.flush()
        audit.record(actor, f"{SUBJECT}.upload", SUBJECT, row.id, body.id, None, {**_meta(row), **found})
        return {**_meta(row), **found}


def reset(actor: Actor, kind: str, body_id: int | None) -> dict[str, Any]:
    """Back to the inherited (or default) template: a new version without content; old versions stay."""
    with transaction():
        body = _body(actor, body_id)
        current = effective(kind, body)
        if current is None or current.jurisdiction_id != body.id:
            raise Conflict("template_not_customised", f"该单位没有自定义的{KINDS[DocumentKind(kind)].label}模板")
        version = _retire_current(kind, body.id)
        row = DocumentTemplate(
            kind=kind, jurisdiction_id=body.id, version=version, uploaded_by=actor.user_id, uploaded_at=now()
        )
        db.session.add(row)
        db.session.flush()
        audit.record(actor, f"{SUBJECT}.reset", SUBJECT, row.id, body.id, {"version": current.version}, _meta(row))
        return _meta(row)
