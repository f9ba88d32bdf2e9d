"""Helpers for the document tests: read a .docx back, build templates with placeholders split across runs."""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument

from service.documents.render import document_text

DOCS = "/api/v1"
TEMPLATES = "/api/v1/document-templates"


def text_of(data: bytes) -> str:
    return document_text(data)


def table_rows(data: bytes) -> list[list[str]]:
    doc = Document(io.BytesIO(data))
    return [[c.text for c in row.cells] for table in doc.tables for row in table.rows]


def save(doc: DocxDocument) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def split_runs_template(extra: str = "") -> bytes:
    """A template whose placeholders Word-style split over several runs with different formatting, in the
    body, a table cell and the header."""
    doc = Document()
    p = doc.add_paragraph()
    for piece in ("发文字号：{", "{doc", "_n", "o}", "}。"):
        run = p.add_run(piece)
        run.bold = piece == "{doc"
    p2 = doc.add_paragraph()
    p2.add_run("{{ti")
    p2.add_run("tle}}")
    doc.add_paragraph("{{body}}")
    table = doc.add_table(rows=1, cols=2)
    cell = table.rows[0].cells[0].paragraphs[0]
    cell.add_run("{{add")
    cell.add_run("ressee}}")
    table.rows[0].cells[1].paragraphs[0].add_run("{{date}}")
    header = doc.sections[0].header.paragraphs[0]
    header.add_run("{{iss")
    header.add_run("uer}}")
    if extra:
        doc.add_paragraph(extra)
    return save(doc)


def upload(api: Any, kind: str, data: bytes, as_: str = "admin@east", query: str = "", name: str = "t.docx") -> Any:
    return api.call(
        "PUT",
        f"{TEMPLATES}/{kind}{query}",
        as_=as_,
        data={"file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )
