"""覆盖: the coverage report with its charts, the must-establish list, circulars, and the Excel exports and import
under the console's session (the API's routes want a token). Every figure, scope check and workbook comes from
the service functions the API calls (service.operations.reports: coverage, coverage_snapshots, circulars,
unit_imports, service.exports); this module only reads the query string and renders."""

from __future__ import annotations

from typing import Any

from flask import g, redirect, render_template, request, url_for
from marshmallow import Schema, ValidationError
from werkzeug.wrappers import Response

from schemas.coverage import CircularCreateSchema, MustEstablishQuerySchema
from schemas.imports import ImportModeSchema
from schemas.supervision import TicketQuerySchema
from schemas.units import UnitQuerySchema
from service.api.downloads import attachment
from service.api.spreadsheets import INLINE_ERRORS, send_xlsx
from service.auth import Actor
from service.console import charts, forms
from service.console.access import page, signed_in_actor
from service.console.blueprint import bp
from service.console.nav import NavEntry
from service.console.paging import Listing, page_of, requested_page
from service.documents.render import DOCX_MIME
from service.errors import ApiError, Forbidden
from service.exports import coverage as coverage_exports
from service.exports import ledger, tickets
from service.operations.engines import approval_forms, documents, unit_import_report, unit_imports
from service.operations.reference import users
from service.operations.reports import circulars, coverage, coverage_snapshots
from service.roles import CIRCULAR_ISSUERS, COVERAGE_READERS, SUPERVISION_READERS, UNIT_WRITERS
from workflows.coverage import ProjectionStatus
from workflows.errors import RuleViolation
from workflows.establishment import ESTABLISHMENT
from workflows.ledger import UNIT_KIND_LABELS, UnitKind

SERIES = ("组织覆盖率", "工作覆盖率")
TREND_MONTHS = 12
LIST_PAGE_SIZE = 20
IMPORT_MODES = {"valid_rows_only": "仅导入无误的行", "all_or_nothing": "全部无误才导入"}
IMPORT_STATUS = {"queued": "排队中", "running": "处理中", "succeeded": "已完成", "failed": "失败"}


def _actor() -> Actor:
    actor = signed_in_actor()
    assert actor is not None  # @page() guarantees it
    return actor


def _query(schema: Schema) -> tuple[dict[str, Any], dict[str, str]]:
    """The query string through the API's schema; a field it refuses is dropped and its message shown (a page
    answers with what it can, the API would answer 422)."""
    raw = {k: v for k, v in request.args.items() if k in schema.fields and v.strip() != ""}
    try:
        return schema.load(raw), {}
    except ValidationError as exc:
        errors = forms.flatten(exc.messages)
        kept = {k: v for k, v in raw.items() if k not in errors}
        return schema.load(kept), errors


def _jurisdiction_id() -> int | None:
    raw = request.args.get("jurisdiction_id", "")
    return int(raw) if raw.isdigit() and len(raw) < 10 else None


def projection_sentence(name: str, p: Any) -> str:
    """The projection said as a sentence (the API gives the same fields)."""
    text = f"{name}：{p.label}"
    if p.status is ProjectionStatus.REACHING and p.reaches_on:
        pace = f"每月 {p.pace_per_month * 100:+.2f} 个百分点"
        text += f"，按近三个月进度（{pace}）预计于 {p.reaches_on:%Y-%m-%d} 达到目标 {charts.percent(p.target)}"
    elif p.status is ProjectionStatus.NOT_AT_THIS_PACE and p.pace_per_month is not None:
        text += f"（近三个月每月 {p.pace_per_month * 100:+.2f} 个百分点，目标 {charts.percent(p.target)}）"
    elif p.status is ProjectionStatus.REACHED:
        text += f"（当前 {charts.percent(p.current_rate)}，目标 {charts.percent(p.target)}）"
    return text + "。"


NAV = NavEntry("覆盖", "console.coverage", 70)


@bp.route("/coverage", endpoint="coverage")
@page(*COVERAGE_READERS)
def coverage_page() -> Any:
    actor = _actor()
    report = coverage.report(actor, _jurisdiction_id())  # scope: 404 outside
    trend = coverage_snapshots.trend(actor, report.jurisdiction.id, TREND_MONTHS)
    bars = charts.bar_chart(
        [
            charts.Group(c.jurisdiction.name, (c.figures.counts.org_coverage_rate, c.figures.counts.work_coverage_rate))
            for c in report.children
        ],
        SERIES,
        f"{report.jurisdiction.name}下级单位覆盖率",
        target=trend.target,
    )
    line = charts.line_chart(
        [
            charts.Group(
                f"{p.month_end:%Y-%m}", (p.figures.counts.org_coverage_rate, p.figures.counts.work_coverage_rate)
            )
            for p in trend.points
        ],
        SERIES,
        f"{report.jurisdiction.name}覆盖率月度趋势",
        target=trend.target,
    )
    return render_template(
        "console/coverage/report.html",
        r=report,
        trend=trend,
        bars=bars,
        line=line,
        sentences=[
            projection_sentence("组织覆盖率", trend.org_projection),
            projection_sentence("工作覆盖率", trend.work_projection),
        ],
        kind_labels={k.value: v for k, v in UNIT_KIND_LABELS.items()},
        rate=charts.percent,
        may_import=actor.role in {r.value for r in UNIT_WRITERS},
        may_issue=actor.role in {r.value for r in CIRCULAR_ISSUERS},
    )


@bp.route("/coverage/must-establish", endpoint="coverage_must_establish")
@page(*COVERAGE_READERS)
def must_establish_page() -> Any:
    actor = _actor()
    filters, errors = _query(MustEstablishQuerySchema())
    page_no = requested_page()
    rows, total, with_instructor = coverage.must_establish_page(actor, filters, page_no, LIST_PAGE_SIZE)
    listing = Listing(rows, total, page_no, LIST_PAGE_SIZE)
    args = {k: v for k, v in request.args.items() if k != "page" and v != ""}
    return render_template(
        "console/coverage/must_establish.html",
        listing=listing,
        with_instructor=with_instructor,
        args=args,
        errors=errors,
        kinds=[(k.value, UNIT_KIND_LABELS[k]) for k in UnitKind],
        kind_labels={k.value: v for k, v in UNIT_KIND_LABELS.items()},
    )


# -- exports: the API's workbooks under the session -----------------------------------------------------------


@bp.route("/coverage/export.xlsx", endpoint="coverage_export")
@page(*COVERAGE_READERS)
def export_report() -> Response:
    return send_xlsx(coverage_exports.report_workbook(_actor(), _jurisdiction_id()), "覆盖情况", "coverage")


def _strict(schema: Schema) -> dict[str, Any]:
    """A download's filters: refused as the API refuses them (422 page), never silently widened."""
    raw = {k: v for k, v in request.args.items() if k in schema.fields and v.strip() != ""}
    try:
        loaded: dict[str, Any] = schema.load(raw)
    except ValidationError as exc:
        raise ApiError(422, "validation_error", "；".join(forms.flatten(exc.messages).values())) from exc
    return loaded


@bp.route("/coverage/must-establish/export.xlsx", endpoint="coverage_must_establish_export")
@page(*COVERAGE_READERS)
def export_must_establish() -> Response:
    return send_xlsx(
        coverage_exports.must_establish_workbook(_actor(), _strict(MustEstablishQuerySchema())),
        "应建未建清单",
        "must-establish",
    )


@bp.route("/exports/ledger.xlsx", endpoint="coverage_ledger_export")
@page()  # as the API: every role exports the ledger it may list
def export_ledger() -> Response:
    return send_xlsx(ledger.ledger_workbook(_actor(), _strict(UnitQuerySchema())), "台账", "units")


@bp.route("/exports/tickets.xlsx", endpoint="coverage_tickets_export")
@page(*SUPERVISION_READERS)  # as the API: every role that reads supervision exports the tickets it may list
def export_tickets() -> Response:
    return send_xlsx(tickets.tickets_workbook(_actor(), _strict(TicketQuerySchema())), "督办单", "supervision-tickets")


# -- import ---------------------------------------------------------------------------------------------------


@bp.route("/coverage/imports", methods=["GET", "POST"], endpoint="coverage_import")
@page(*UNIT_WRITERS)
def import_page() -> Any:
    errors: dict[str, str] = {}
    if request.method == "POST":
        mode = request.form.get("mode", "")
        upload = request.files.get("file")
        try:
            loaded = ImportModeSchema().load({"mode": mode} if mode else {})
        except ValidationError as exc:
            errors |= forms.flatten(exc.messages)
        if upload is None or not upload.filename:
            errors["file"] = "请选择要导入的 .xlsx 文件"
        if not errors:
            assert upload is not None
            try:
                imp = unit_imports.start(_actor(), upload.filename or "upload.xlsx", upload.read(), loaded["mode"])
            except ApiError as exc:
                if exc.status != 422:
                    raise
                errors["file"] = exc.message
            else:
                return redirect(url_for("console.coverage_import_status", import_id=imp.id), 303)
    return (
        render_template(
            "console/coverage/import.html", errors=errors, modes=IMPORT_MODES, limits=unit_imports.limits()
        ),
        422 if errors else 200,
    )


@bp.before_request
def _upload_limit() -> None:
    # As the API's upload route: only the import accepts more than MAX_CONTENT_LENGTH.
    if request.endpoint == "console.coverage_import" and request.method == "POST":
        request.max_content_length = unit_imports.limits().max_bytes + 64 * 1024


@bp.route("/coverage/imports/<int:import_id>", endpoint="coverage_import_status")
@page(*UNIT_WRITERS)
def import_status(import_id: int) -> Any:
    imp = unit_imports.get(_actor(), import_id)  # 404 outside
    return render_template(
        "console/coverage/import_status.html",
        imp=imp,
        errors=unit_imports.errors_of(imp.id, INLINE_ERRORS),
        inline=INLINE_ERRORS,
        status_label=IMPORT_STATUS.get(imp.status, imp.status),
        mode_label=IMPORT_MODES.get(imp.mode, imp.mode),
        done=imp.status in ("succeeded", "failed"),
    )


@bp.route("/coverage/imports/<int:import_id>/errors.xlsx", endpoint="coverage_import_errors")
@page(*UNIT_WRITERS)
def import_errors(import_id: int) -> Response:
    only = request.args.get("only_errors", "1") != "0"
    return send_xlsx(
        unit_import_report.errors_workbook(_actor(), import_id, only),
        f"导入错误-{import_id}",
        f"import-errors-{import_id}",
    )


# -- circulars ------------------------------------------------------------------------------------------------


CIRCULAR_FIELDS = ("jurisdiction_id", "period_start", "period_end", "title")


def _render_circulars(actor: Actor, errors: dict[str, str], form: Any) -> Any:
    listing = page_of(circulars.query(actor, _jurisdiction_id()))
    return (
        render_template(
            "console/coverage/circulars.html",
            listing=listing,
            issuers=users.display_names(c.issued_by_id for c in listing.items),
            errors=errors,
            form=form,
            args={k: v for k, v in request.args.items() if k not in ("page", "issued")},
            may_issue=actor.role in {r.value for r in CIRCULAR_ISSUERS},
            issued=request.args.get("issued", ""),
        ),
        422 if errors else 200,
    )


def _circular_input(source: Any) -> Any:
    """The circular asked for (query string of the preview, or the preview's form): the API's schema."""
    raw: dict[str, Any] = {k: source[k].strip() for k in CIRCULAR_FIELDS if source.get(k, "").strip()}
    if raw.get("jurisdiction_id", "").isdigit() and len(raw["jurisdiction_id"]) < 10:
        raw["jurisdiction_id"] = int(raw["jurisdiction_id"])
    try:
        return CircularCreateSchema().load(raw)
    except ValidationError as exc:
        raise forms.FormErrors(forms.flatten(exc.messages)) from exc


def _render_preview(actor: Actor, source: Any) -> Any:
    """The circular as it will read: 印发 is offered only here. Refused input: the list page and its form
    with the messages and what was typed."""
    try:
        new = _circular_input(source)
        doc = documents.circular_preview(actor, new, g.console_user.display_name)
    except forms.FormErrors as exc:
        return _render_circulars(actor, exc.errors, source)
    except RuleViolation as exc:
        return _render_circulars(actor, {exc.field or "_": exc.message}, source)
    return render_template(
        "console/coverage/circular_preview.html",
        doc=doc,
        fields={k: source.get(k, "").strip() for k in CIRCULAR_FIELDS},
        back=url_for("console.coverage_circulars", **{k: v for k, v in source.items() if k in CIRCULAR_FIELDS}),
    )


@bp.route("/coverage/circulars", methods=["GET", "POST"], endpoint="coverage_circulars")
@page(*COVERAGE_READERS)
def circulars_page() -> Any:
    """The circulars issued in my scope; issuers draft one here (预览), and issue it from its preview."""
    actor = _actor()
    if request.method == "GET":
        return _render_circulars(actor, {}, request.args if request.args.get("period_start") else {})
    if actor.role not in {r.value for r in CIRCULAR_ISSUERS}:
        raise Forbidden()  # the role gate of the API's POST (the list is for every reader)
    if request.form.get("previewed") != "1":
        return _render_preview(actor, request.form)  # never issued unseen
    try:
        issued = circulars.issue(actor, _circular_input(request.form))
    except forms.FormErrors as exc:
        return _render_circulars(actor, exc.errors, request.form)
    except RuleViolation as exc:
        return _render_circulars(actor, {exc.field or "_": exc.message}, request.form)
    return redirect(url_for("console.coverage_circulars", issued=issued.id), 303)


@bp.route("/coverage/circulars/preview", endpoint="coverage_circular_preview")
@page(*CIRCULAR_ISSUERS)
def circular_preview() -> Any:
    return _render_preview(_actor(), request.args)


# -- documents: the API's documents under the session (the first download issues) ----------------------------


def _docx(rendered: documents.Rendered) -> Response:
    return attachment(rendered.content, DOCX_MIME, rendered.filename, rendered.ascii_filename)


@bp.route("/coverage/circulars/<int:circular_id>/document.docx", endpoint="coverage_circular_document")
@page(*COVERAGE_READERS)
def circular_document(circular_id: int) -> Response:
    return _docx(documents.circular_document(_actor(), circular_id))


@bp.route("/board/tickets/<int:ticket_id>/document.docx", endpoint="ticket_document")
@page(*SUPERVISION_READERS)
def ticket_document(ticket_id: int) -> Response:
    return _docx(documents.ticket_document(_actor(), ticket_id))  # a draft: 409 page in Chinese


@bp.route("/interviews/<int:interview_id>/notice.docx", endpoint="interview_notice")
@page(*SUPERVISION_READERS)
def interview_notice(interview_id: int) -> Response:
    return _docx(documents.interview_notice(_actor(), interview_id))  # no time and place yet: 409 page


@bp.route("/cases/<int:case_id>/approval-form.docx", endpoint="case_approval_form")
@page()
def case_approval_form(case_id: int) -> Response:
    """打印审批单: the case's approval as it stands (read only, any state)."""
    form = approval_forms.approval_form(_actor(), ESTABLISHMENT.name, case_id)  # out of scope: 404 page
    return attachment(form.content, DOCX_MIME, form.filename, form.ascii_filename)


@bp.route("/cases/<int:case_id>/reply.docx", endpoint="case_reply")
@page()
def case_reply(case_id: int) -> Response:
    return _docx(documents.approval_reply(_actor(), case_id))  # not approved: 409 page
