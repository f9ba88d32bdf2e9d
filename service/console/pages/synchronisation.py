"""五个同步: the units operating a year with no party activity (and its Excel export), the units inspected
without their party work checked, and the forms that record an activity and an annual inspection. Every read
and command goes through service/operations/flows/synchronisation/, which checks scope (404) and who may
record (403) exactly as for the API; a refusal re-renders the form with every message and what was typed."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from marshmallow import Schema, ValidationError

from schemas.synchronisation import (
    ActivityCreateSchema,
    InactiveQuerySchema,
    InspectionCreateSchema,
    InspectionQuerySchema,
)
from service.api.spreadsheets import send_xlsx
from service.auth import Actor
from service.clock import today
from service.console import forms
from service.console.access import page, signed_in_actor
from service.console.blueprint import bp
from service.console.nav import NavEntry
from service.console.paging import Listing, requested_page
from service.errors import ApiError
from service.exports import synchronisation as exports
from service.operations.flows.synchronisation import activities, inspections
from service.operations.flows.synchronisation.units import unit_by_code, unit_in_scope
from service.roles import of
from workflows.errors import RuleViolation
from workflows.synchronisation import (
    ACTIVITY_KIND_LABELS,
    ANNUAL_INSPECTION,
    INSPECTION_RESULT_LABELS,
    PARTY_ACTIVITY,
)

NAV = NavEntry(
    "五个同步",
    "console.synchronisation_inactive",
    75,
    (
        "console.synchronisation_inactive",
        "console.synchronisation_unchecked",
        "console.synchronisation_activity_new",
        "console.synchronisation_inspection_new",
    ),
)

READERS = of(PARTY_ACTIVITY.name, "read")
ACTIVITY_RECORDERS = of(PARTY_ACTIVITY.name, "record")
INSPECTION_RECORDERS = of(ANNUAL_INSPECTION.name, "record")
PAGE_SIZE = 50

FIELD_LABELS = {
    "credit_code": "统一社会信用代码",
    "unit_id": "单位",
    "kind": "活动类型",
    "held_on": "活动日期",
    "attendance": "参加人数",
    "description": "活动内容",
    "year": "年检年度",
    "inspected_on": "年检日期",
    "result": "年检结果",
    "party_work_checked": "是否同步检查党建工作",
    "note": "备注",
}


def _actor() -> Actor:
    actor = signed_in_actor()
    assert actor is not None  # @page() guarantees it
    return actor


def _named(errors: dict[str, str]) -> dict[str, str]:
    """A bare schema message said with its field's name ("活动日期不能为空")."""
    return {
        k: f"{FIELD_LABELS[k]}：{v}" if k in FIELD_LABELS and not v.startswith(FIELD_LABELS[k]) else v
        for k, v in errors.items()
    }


def _query(schema: Schema) -> tuple[dict[str, Any], dict[str, str]]:
    """The query string through the API's schema; a refused field is dropped and its message shown."""
    raw = {k: v for k, v in request.args.items() if k in schema.fields and v.strip() != ""}
    try:
        return schema.load(raw), {}
    except ValidationError as exc:
        errors = forms.flatten(exc.messages)
        return schema.load({k: v for k, v in raw.items() if k not in errors}), _named(errors)


def _roles(group: tuple[Any, ...]) -> set[str]:
    return {r.value for r in group}


# -- the lists -------------------------------------------------------------------------------------------------


@bp.route("/synchronisation/inactive", endpoint="synchronisation_inactive")
@page(*READERS)
def inactive_page() -> Any:
    actor = _actor()
    filters, errors = _query(InactiveQuerySchema())
    page_no = requested_page()
    rows, total = activities.inactive(actor, filters, page_no, PAGE_SIZE)  # a body outside: 404
    args = {k: v for k, v in request.args.items() if k != "page" and v != ""}
    return render_template(
        "console/synchronisation/inactive.html",
        listing=Listing(rows, total, page_no, PAGE_SIZE),
        args=args,
        errors=errors,
        settings=activities.settings(),
        may_record=actor.role in _roles(ACTIVITY_RECORDERS),
    )


@bp.route("/synchronisation/inactive/export.xlsx", endpoint="synchronisation_inactive_export")
@page(*READERS)
def inactive_export() -> Any:
    schema = InactiveQuerySchema()
    raw = {k: v for k, v in request.args.items() if k in schema.fields and v.strip() != ""}
    try:
        filters = schema.load(raw)
    except ValidationError as exc:
        raise ApiError(422, "validation_error", "；".join(forms.flatten(exc.messages).values())) from exc
    return send_xlsx(exports.inactive_workbook(_actor(), filters), "满一年未开展活动单位", "inactive-units")


@bp.route("/synchronisation/unchecked", endpoint="synchronisation_unchecked")
@page(*READERS)
def unchecked_page() -> Any:
    actor = _actor()
    filters, errors = _query(InspectionQuerySchema())
    filters.setdefault("year", today().year)
    filters["party_work_checked"] = False
    page_no = requested_page()
    rows, total = inspections.page(inspections.query(actor, filters), page_no, PAGE_SIZE)
    return render_template(
        "console/synchronisation/unchecked.html",
        listing=Listing(rows, total, page_no, PAGE_SIZE),
        rows=rows,
        year=filters["year"],
        errors=errors,
        results=INSPECTION_RESULT_LABELS,
        may_record=actor.role in _roles(INSPECTION_RECORDERS),
    )


# -- the forms -------------------------------------------------------------------------------------------------


def _unit_from_form(actor: Actor) -> int:
    """The unit a form names: its id when the page was opened from a list, else its credit code."""
    raw = request.form.get("unit_id", "").strip()
    if raw.isdigit() and len(raw) < 10:
        return int(raw)
    code = request.form.get("credit_code", "").strip()
    if not code:
        raise RuleViolation("unit_required", "请填写统一社会信用代码", "credit_code")
    return unit_by_code(actor, code).id


def _chosen(actor: Actor) -> Any:
    """The unit a list linked to (?unit_id=…), shown by name; out of scope: 404."""
    raw = request.values.get("unit_id", "")
    return unit_in_scope(actor, int(raw)) if raw.isdigit() and len(raw) < 10 else None


def _refusal(exc: Exception) -> dict[str, str]:
    if isinstance(exc, forms.FormErrors):
        return _named(exc.errors)
    if isinstance(exc, RuleViolation):
        field = (exc.field or "_").split("[")[0]
        return {field: exc.message, **({} if field == "_" else {"_": exc.message})}
    assert isinstance(exc, ApiError)
    return {"_": exc.message}


@bp.route("/synchronisation/activities/new", methods=["GET", "POST"], endpoint="synchronisation_activity_new")
@page(*ACTIVITY_RECORDERS)
def activity_new() -> Any:
    actor = _actor()
    errors: dict[str, str] = {}
    unit = _chosen(actor)
    if request.method == "POST":
        try:
            unit_id = _unit_from_form(actor)
            data = forms.load(ActivityCreateSchema(), integers=("attendance",), extra={"unit_id": unit_id})
            a = activities.record(actor, data)
        except (forms.FormErrors, RuleViolation, ApiError) as exc:
            errors = _refusal(exc)
        else:
            flash(f"已登记「{activities.unit_name(a.unit_id)}」{a.held_on:%Y-%m-%d}的党组织活动", "success")
            return redirect(url_for("console.synchronisation_inactive"))
    return render_template(
        "console/synchronisation/activity_new.html",
        unit=unit,
        form=request.form,
        errors=errors,
        kinds=ACTIVITY_KIND_LABELS,
        today=today(),
    )


@bp.route("/synchronisation/inspections/new", methods=["GET", "POST"], endpoint="synchronisation_inspection_new")
@page(*INSPECTION_RECORDERS)
def inspection_new() -> Any:
    actor = _actor()
    errors: dict[str, str] = {}
    unit = _chosen(actor)
    if request.method == "POST":
        checked = request.form.get("party_work_checked")
        try:
            unit_id = _unit_from_form(actor)
            extra: dict[str, Any] = {"unit_id": unit_id}
            if checked in ("true", "false"):
                extra["party_work_checked"] = checked == "true"
            data = forms.load(InspectionCreateSchema(), integers=("year",), extra=extra)
            i = inspections.record(actor, data)
        except (forms.FormErrors, RuleViolation, ApiError) as exc:
            errors = _refusal(exc)
        else:
            flash(f"已登记{i.year}年度年检情况", "success")
            return redirect(url_for("console.synchronisation_unchecked", year=i.year))
    return render_template(
        "console/synchronisation/inspection_new.html",
        unit=unit,
        form=request.form,
        errors=errors,
        results=INSPECTION_RESULT_LABELS,
        year=today().year,
    )
