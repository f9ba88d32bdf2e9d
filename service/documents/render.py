"""Fill a .docx template: `{{name}}` placeholders in paragraphs, tables, headers and footers.

Word splits text into runs wherever formatting, spell-checking or editing history changes, so `{{doc_no}}`
often arrives as `{{`, `doc_`, `no}}` in three runs (or inside a hyperlink or a tracked insertion). We work on
a paragraph's `w:t` text nodes in document order: find placeholders in their joined text, put the value in
the node where the placeholder starts (keeping that run's formatting) and cut the rest of the placeholder out
of the following nodes. A table row holding `{{list.field}}` placeholders is repeated once per item. A
paragraph that is nothing but one placeholder whose value has several lines becomes one paragraph per line
(the body); elsewhere a line break becomes a `w:br`.

Hand-written rather than docxtpl: templates are uploaded by administrators, and docxtpl runs them as Jinja2
(not sandboxed); we only need fixed names and repeated rows."""

from __future__ import annotations

import copy
import io
import re
import zipfile
from collections.abc import Iterator, Mapping
from typing import Any

from service.documents.kinds import KINDS, DocumentKind

# A placeholder as written in a template; anything else between braces is reported as malformed.
PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)\s*\}\}")
ANY_BRACES = re.compile(r"\{\{(.*?)\}\}")
# Characters XML 1.0 forbids (lxml refuses them): dropped from values.
XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MAIN_DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# Parts whose text is filled: the body, headers, footers, footnotes and endnotes.
TEXT_PARTS = re.compile(r"^/word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")

MAX_TEMPLATE_BYTES = 2 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
MAX_ZIP_ENTRIES = 500


class TemplateError(ValueError):
    """A template that cannot be used, with a Chinese message for the uploader."""


# python-docx is imported where a document is read or written, not when the app starts (0.05 s of start-up).
def qn(tag: str) -> str:
    """A prefixed tag ("w:t") as the element name lxml matches."""
    from docx.oxml.ns import qn as qualified

    return qualified(tag)


def open_docx(data: bytes) -> Any:
    from docx import Document

    return Document(io.BytesIO(data))


def _text_parts(document: Any) -> Iterator[Any]:
    for part in document.part.package.iter_parts():
        if TEXT_PARTS.match(str(part.partname)) and hasattr(part, "element"):
            yield part.element


def _paragraph_text(p: Any) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def _clean(value: Any) -> str:
    if value is None:
        return ""
    return XML_INVALID.sub("", str(value)).replace("\r\n", "\n").replace("\r", "\n")


def _set_text(t: Any, text: str) -> None:
    t.text = text
    if text != text.strip():
        t.set(XML_SPACE, "preserve")


def _split_lines(t: Any) -> None:
    """A text node holding line breaks becomes text, <w:br/>, text… inside the same run."""
    lines = (t.text or "").split("\n")
    if len(lines) == 1:
        return
    from docx.oxml import OxmlElement

    _set_text(t, lines[0])
    anchor = t
    for line in lines[1:]:
        br = OxmlElement("w:br")
        anchor.addnext(br)
        nt = OxmlElement("w:t")
        br.addnext(nt)
        _set_text(nt, line)
        anchor = nt


def _replace_in_paragraph(p: Any, values: Mapping[str, str]) -> None:
    nodes = list(p.iter(qn("w:t")))
    full = "".join(t.text or "" for t in nodes)
    if "{{" not in full:
        return
    matches = [m for m in PLACEHOLDER.finditer(full) if m.group(1) in values]
    if not matches:
        return
    bounds = []
    pos = 0
    for t in nodes:
        bounds.append((pos, pos + len(t.text or "")))
        pos += len(t.text or "")
    # Right to left: the offsets of earlier matches stay valid.
    for m in reversed(matches):
        start, end = m.span()
        value = values[m.group(1)]
        first = True
        for k, (s0, e0) in enumerate(bounds):
            if e0 <= start or s0 >= end or s0 == e0:
                continue
            text = nodes[k].text or ""
            a, b = max(start, s0) - s0, min(end, e0) - s0
            _set_text(nodes[k], text[:a] + (value if first else "") + text[b:])
            first = False
    for t in nodes:
        if t.text and "\n" in t.text:
            _split_lines(t)


def _expand_paragraph(p: Any, values: Mapping[str, str]) -> bool:
    """A paragraph that is exactly one multi-line placeholder: one copy of the paragraph per line."""
    m = PLACEHOLDER.fullmatch(_paragraph_text(p).strip())
    if m is None or m.group(1) not in values or "\n" not in values[m.group(1)]:
        return False
    anchor = p
    for line in values[m.group(1)].split("\n"):
        clone = copy.deepcopy(p)
        nodes = list(clone.iter(qn("w:t")))
        for i, t in enumerate(nodes):
            _set_text(t, line if i == 0 else "")
        anchor.addnext(clone)
        anchor = clone
    p.getparent().remove(p)
    return True


def _fill(element: Any, values: Mapping[str, str]) -> None:
    for p in list(element.iter(qn("w:p"))):
        if p.getparent() is None:
            continue
        if not _expand_paragraph(p, values):
            _replace_in_paragraph(p, values)


def _repeat_rows(element: Any, lists: Mapping[str, list[Mapping[str, Any]]]) -> None:
    """A table row naming `{{rows.field}}` is copied once per item of `rows`, then removed (none: no row)."""
    for tr in list(element.iter(qn("w:tr"))):
        names = {m.group(1) for p in tr.iter(qn("w:p")) for m in PLACEHOLDER.finditer(_paragraph_text(p))}
        owners = {name.split(".", 1)[0] for name in names if "." in name} & set(lists)
        if not owners:
            continue
        owner = sorted(owners)[0]
        for item in lists[owner]:
            clone = copy.deepcopy(tr)
            # Fields of the row the item lacks are left empty, never as "{{…}}".
            values = {name: "" for name in names if name.startswith(f"{owner}.")}
            values.update({f"{owner}.{key}": _clean(value) for key, value in item.items()})
            _fill(clone, values)
            tr.addprevious(clone)
        tr.getparent().remove(tr)


def render_template(template: bytes, context: Mapping[str, Any]) -> bytes:
    """The template filled with `context`: scalars by name, lists of dicts as repeated table rows.
    Placeholders the context does not name are left as they are."""
    document = open_docx(template)
    scalars = {k: _clean(v) for k, v in context.items() if not isinstance(v, list | tuple)}
    lists = {k: list(v) for k, v in context.items() if isinstance(v, list | tuple)}
    for element in _text_parts(document):
        _repeat_rows(element, lists)
        _fill(element, scalars)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def default_template(kind: DocumentKind | str) -> bytes:
    from service.documents.templates import path_of

    return path_of(DocumentKind(kind)).read_bytes()


def render(kind: DocumentKind | str, context: Mapping[str, Any], template: bytes | None = None) -> bytes:
    """The document of `kind` as .docx bytes, from `template` (an uploaded one) or the repository's default.
    A documented placeholder the context leaves out is filled with nothing (a list with no rows)."""
    spec = KINDS[DocumentKind(kind)]
    base: dict[str, Any] = {name: "" for name in spec.all_placeholders if "." not in name}
    base.update({name: [] for name in spec.lists})
    return render_template(template if template is not None else default_template(kind), {**base, **context})


# -- reading templates back ------------------------------------------------------------------------------------


def _check_package(data: bytes) -> None:
    """A Word document (not a macro-enabled one, not a zip bomb) before python-docx parses it."""
    if len(data) > MAX_TEMPLATE_BYTES:
        raise TemplateError(f"模板文件过大（上限 {MAX_TEMPLATE_BYTES // 1024 // 1024} MB）")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TemplateError("文件不是 Word 文档（.docx）")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ZIP_ENTRIES or sum(i.file_size for i in infos) > MAX_UNCOMPRESSED_BYTES:
                raise TemplateError("文件解压后过大，不能作为模板")
            names = {i.filename for i in infos}
            if "[Content_Types].xml" not in names:
                raise TemplateError("文件不是 Word 文档（.docx）")
            types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
    except zipfile.BadZipFile as exc:
        raise TemplateError("文件不是 Word 文档（.docx）") from exc
    if MAIN_DOCUMENT_TYPE not in types:
        raise TemplateError("文件不是 Word 文档（.docx）；不接受启用宏的文档（.docm）或其他格式")


def placeholders_of(data: bytes) -> tuple[set[str], set[str]]:
    """(placeholder names, malformed `{{…}}` texts) found in a template; TemplateError if it is no .docx."""
    _check_package(data)
    try:
        document = open_docx(data)
    except Exception as exc:  # python-docx raises several kinds for a broken package
        raise TemplateError("无法读取该 Word 文档，文件可能已损坏") from exc
    names: set[str] = set()
    malformed: set[str] = set()
    for element in _text_parts(document):
        for p in element.iter(qn("w:p")):
            text = _paragraph_text(p)
            for m in ANY_BRACES.finditer(text):
                ok = PLACEHOLDER.fullmatch(m.group(0))
                if ok:
                    names.add(ok.group(1))
                else:
                    malformed.add(m.group(0))
    return names, malformed


def check_template(kind: DocumentKind | str, data: bytes) -> dict[str, list[str]]:
    """Validate an uploaded template of `kind`: TemplateError (Chinese) for a file that is not a .docx, for
    unknown or malformed placeholders; else the placeholders used and the documented ones it leaves out."""
    spec = KINDS[DocumentKind(kind)]
    names, malformed = placeholders_of(data)
    allowed = spec.all_placeholders
    unknown = sorted(names - set(allowed))
    problems = []
    if unknown:
        problems.append(
            f"模板含有{spec.label}不支持的占位符：{'、'.join('{{' + n + '}}' for n in unknown)}"
            f"（可用：{'、'.join('{{' + n + '}}' for n in allowed)}）"
        )
    if malformed:
        problems.append(f"占位符格式不正确：{'、'.join(sorted(malformed))}（应为 {{{{名称}}}}）")
    if problems:
        raise TemplateError("；".join(problems))
    return {"placeholders": sorted(names), "missing": sorted(set(allowed) - names)}


def document_text(data: bytes) -> str:
    """Every paragraph's text (body, tables, headers, footers), one per line: for tests and previews."""
    document = open_docx(data)
    return "\n".join(_paragraph_text(p) for element in _text_parts(document) for p in element.iter(qn("w:p")))
