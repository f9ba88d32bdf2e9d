"""党建指导员: the bodies' page (instructors with their load and flags, units with neither an organisation nor an
instructor and the 选派 form, open 组建准备 items), one instructor's page (profile, units, history), and the
instructor's own pages: 我的联系单位 and 记录走访 (a phone-width form, one screen). The service side is
service/operations/flows/instructors/; refusals re-render the form with what was typed and every message."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for

from schemas.instructors import AssignSchema, ProfileSchema, ReleaseSchema, VisitCreateSchema
from service.api.attachments import allow_file_upload
from service.auth import Actor
from service.clock import today
from service.console import forms
from service.console.access import page, signed_in_actor
from service.console.blueprint import bp
from service.console.nav import NavEntry
from service.console.paging import page_of
from service.errors import ApiError, Forbidden
from service.operations.engines import attachments
from service.operations.flows.instructors import assignments, preparation
from service.operations.reference import units
from service.roles import of
from workflows import instructors as rules
from workflows.errors import RuleViolation
from workflows.instructors import INSTRUCTOR_ASSIGNMENT

MANAGERS = of(INSTRUCTOR_ASSIGNMENT.name, "manage")
LOGGERS = of(INSTRUCTOR_ASSIGNMENT.name, "log")
# The bodies' page: every reader but the instructors themselves, who have their own.
BODY_READERS = tuple(r for r in of(INSTRUCTOR_ASSIGNMENT.name, "read") if r not in LOGGERS)

NAV = NavEntry("指导员", "console.instructors", 75, ("console.instructors", "console.instructor"))
MY_NAV = NavEntry("联系单位", "console.my_units", 15, ("console.my_units", "console.visit_new"))

FLAG_LABELS = {"over_cap": "超出联系上限", "no_units": "未联系单位", "overdue_visits": "走访逾期"}


def _actor() -> Actor:
    actor = signed_in_actor()
    assert actor is not None  # @page guarantees it
    return actor


# -- the bodies' page ------------------------------------------------------------------------------------------------


def _render_instructors(errors: dict[str, str] | None = None, status: int = 200) -> Any:
    actor = _actor()
    status_filter = request.args.get("status") if request.args.get("status") in FLAG_LABELS else None
    people = assignments.instructors(actor, {"status": status_filter} if status_filter else {})
    everyone = people if status_filter is None else assignments.instructors(actor, {})
    uncovered = page_of(units.query(actor, {"in_scope": True, "has_party_org": False, "has_instructor": False}))
    items = page_of(preparation.query(actor, {"state": "open"}), page_size=20)
    body = render_template(
        "console/instructors/index.html",
        people=people,
        everyone=everyone,
        status_filter=status_filter,
        flag_labels=FLAG_LABELS,
        employment_labels=rules.EMPLOYMENT_LABELS,
        uncovered=uncovered,
        items=items,
        item_units=preparation.unit_names(items.items),
        due_on=preparation.due_on,
        may_manage=actor.role in MANAGERS,
        errors=errors or {},
        form=request.form if errors else {},
        chosen={str(v) for v in request.form.getlist("unit_ids")} if errors else set(),
    )
    return body, status


@bp.route("/instructors", endpoint="instructors")
@page(*BODY_READERS)
def instructors_page() -> Any:
    return _render_instructors()


@bp.route("/instructors/assign", methods=["POST"], endpoint="instructor_assign")
@page(*MANAGERS)
def assign() -> Any:
    ids: list[Any] = [int(v) if v.isdigit() and len(v) < 10 else v for v in request.form.getlist("unit_ids")]
    try:
        data = forms.load(
            AssignSchema(), integers=("instructor_id",), extra={"unit_ids": ids, "liaison": "liaison" in request.form}
        )
        rows = assignments.assign(_actor(), data)
    except forms.FormErrors as exc:
        return _render_instructors(exc.errors, 422)
    except RuleViolation as exc:
        return _render_instructors({exc.field or "_": exc.message}, 409 if exc.code == "already_assigned" else 422)
    flash(f"已选派党建指导员联系{len(rows)}个单位", "success")
    return redirect(url_for("console.instructors"))


# -- one instructor ------------------------------------------------------------------------------------------------


def _render_instructor(user_id: int, errors: dict[str, str] | None = None, status: int = 200) -> Any:
    actor = _actor()
    entry = assignments.instructor(actor, user_id)  # out of scope: 404
    names, _people = assignments.names(entry["assignments"])
    profile = entry["profile"]
    form = request.form if errors else ({} if profile is None else vars(profile))
    visits = assignments.recent_visits(actor, user_id)
    body = render_template(
        "console/instructors/instructor.html",
        entry=entry,
        unit_names=names,
        visits=visits,
        visit_kinds=rules.VISIT_KIND_LABELS,
        files=attachments.for_subjects(assignments.VISIT_SUBJECT, [v.id for v in visits]),
        visit_due=assignments.visit_due,
        state_label=INSTRUCTOR_ASSIGNMENT.state_label,
        release_labels=rules.RELEASE_LABELS,
        employment_labels=rules.EMPLOYMENT_LABELS,
        flag_labels=FLAG_LABELS,
        may_manage=actor.role in MANAGERS,
        errors=errors or {},
        form=form,
    )
    return body, status


@bp.route("/instructors/<int:user_id>", endpoint="instructor")
@page(*BODY_READERS)
def instructor_page(user_id: int) -> Any:
    return _render_instructor(user_id)


@bp.route("/instructors/<int:user_id>/profile", methods=["POST"], endpoint="instructor_profile")
@page(*MANAGERS)
def profile(user_id: int) -> Any:
    try:
        assignments.put_profile(_actor(), user_id, forms.load(ProfileSchema()))
    except forms.FormErrors as exc:
        return _render_instructor(user_id, exc.errors, 422)
    except RuleViolation as exc:
        return _render_instructor(user_id, {exc.field or "_": exc.message}, 422)
    flash("已保存指导员档案", "success")
    return redirect(url_for("console.instructor", user_id=user_id))


@bp.route("/instructors/assignments/<int:assignment_id>/release", methods=["POST"], endpoint="instructor_release")
@page(*MANAGERS)
def release(assignment_id: int) -> Any:
    actor = _actor()
    row = assignments.get(actor, assignment_id)  # out of scope: 404
    try:
        data = forms.load(ReleaseSchema())
        assignments.release(actor, assignment_id, data.get("reason"))
    except forms.FormErrors as exc:
        return _render_instructor(row.instructor_id, exc.errors, 422)
    except RuleViolation as exc:
        return _render_instructor(row.instructor_id, {"_": exc.message}, 409)
    flash("已解除选派", "success")
    return redirect(url_for("console.instructor", user_id=row.instructor_id))


# -- the instructor's own pages ----------------------------------------------------------------------------------


@bp.route("/my-units", endpoint="my_units")
@page(*LOGGERS)
def my_units() -> Any:
    actor = _actor()
    listing = page_of(assignments.query(actor, {"instructor_id": actor.user_id, "state": "active"}))
    names, _people = assignments.names(listing.items)
    return render_template(
        "console/instructors/my_units.html", listing=listing, unit_names=names, visit_due=assignments.visit_due
    )


def _render_visit(assignment_id: int, errors: dict[str, str] | None = None, status: int = 200) -> Any:
    actor = _actor()
    row = assignments.get(actor, assignment_id)  # out of scope: 404
    if row.instructor_id != actor.user_id:
        raise Forbidden("只能为本人联系的单位记录走访")
    names, _people = assignments.names([row])
    form = request.form if errors else {"visited_on": today().isoformat(), "kind": "visit"}
    recent = assignments.visits(actor, assignment_id)[:3]
    body = render_template(
        "console/instructors/visit.html",
        row=row,
        unit_name=names.get(row.unit_id),
        kinds=rules.VISIT_KIND_LABELS,
        attachment_kinds=assignments.VISIT_ATTACHMENT_KINDS,
        max_file_bytes=attachments.settings().max_file_bytes,  # checked in the browser before sending
        errors=errors or {},
        form=form,
        recent=recent,
        files=attachments.for_subjects(assignments.VISIT_SUBJECT, [v.id for v in recent]),
    )
    return body, status


@bp.before_request
def _visit_upload_limit() -> None:
    # The visit form carries an optional file: the same body limit as the attachment upload itself.
    if request.endpoint == "console.visit_create" and request.method == "POST":
        allow_file_upload()


@bp.route("/my-units/<int:assignment_id>/visit", endpoint="visit_new")
@page(*LOGGERS)
def visit_form(assignment_id: int) -> Any:
    return _render_visit(assignment_id)


def _upload() -> attachments.Upload | None:
    """The form's optional file (none chosen: an empty part without a name)."""
    file = request.files.get("file")
    if file is None or not file.filename:
        return None
    return attachments.Upload(request.form.get("attachment_kind", ""), file.filename, file.stream)


@bp.route("/my-units/<int:assignment_id>/visit", methods=["POST"], endpoint="visit_create")
@page(*LOGGERS)
def visit_create(assignment_id: int) -> Any:
    upload = _upload()
    try:
        data = forms.load(VisitCreateSchema())
        assignments.log_visit(_actor(), assignment_id, data, upload=upload)
    except forms.FormErrors as exc:
        return _render_visit(assignment_id, exc.errors, 422)
    except RuleViolation as exc:
        return _render_visit(assignment_id, {exc.field or "_": exc.message}, 422)
    except ApiError as exc:
        if exc.status in (403, 404):
            raise
        # The file refused (its type, size, name, kind; the scanner away): nothing written, what was typed kept.
        field = "attachment_kind" if "kind" in (exc.errors or {}).get("form", {}) else "file"
        return _render_visit(assignment_id, {field: f"附件未上传，走访未保存：{exc.message}"}, exc.status)
    flash("已记录走访并上传附件" if upload is not None else "已记录走访", "success")
    return redirect(url_for("console.my_units"))
