"""The repository's default templates, one .docx per kind, built by `python -m service.documents.build_templates`."""

from __future__ import annotations

from pathlib import Path

from service.documents.kinds import DocumentKind

HERE = Path(__file__).resolve().parent
# 审批单: the read-only form of a subject's approval steps (not a numbered document kind; not replaceable).
APPROVAL_FORM = HERE / "approval_form.docx"
# 请示: an establishment case's request, read only like the 审批单 (not a numbered kind; not replaceable).
REQUEST = HERE / "request.docx"
# 责任书: a pairing agreement's responsibility letter, read only like the 请示 (decision 0057).
PAIRING_LETTER = HERE / "pairing_letter.docx"


def path_of(kind: DocumentKind) -> Path:
    return HERE / f"{kind.value}.docx"
