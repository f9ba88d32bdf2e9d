"""管理: users (create, role, jurisdiction, deactivate, API tokens), jurisdictions, the working-day calendar of a
new year and approval routes per body — through the service functions the API uses (users.py,
jurisdictions.py, calendar.py, approvals.py). Password resets are on the account pages."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for

from schemas.jurisdictions import JurisdictionCreateSchema, JurisdictionUpdateSchema
from schemas.tasks import RouteSchema
from schemas.users import TokenCreateSchema, UserCreateSchema, UserUpdateSchema
from service.auth import Actor
from service.clock import today
from service.console import forms
from service.console.access import page, signed_in_actor
from service.console.blueprint import bp
from service.console.nav import NavEntry
from service.console.paging import page_of
from service.models.jurisdiction import JURISDICTION_KIND_LABELS, JurisdictionKind
from service.models.user import ROLE_LABELS
from service.operations.common import paginate
from service.operations.engines import approvals
from service.operations.reference import calendar as calendar_ops
from service.operations.reference import jurisdictions, users
from service.roles import ADMINS
from service.scopes import SCOPE_LABELS, role_scopes
from workflows.errors import RuleViolation
from workflows.registry import APPROVAL_WORKFLOWS, WORKFLOWS

MODE_LABELS = {"countersign": "会签", "any_one": "或签", "sequential": "依次审批", "committee_vote": "委员会表决"}
LEVEL_LABELS = {"superior_approval": "上级审批", "superior_review": "上级审核", "county_approval": "县级审批"}


def _actor() -> Actor:
    actor = signed_in_actor()
    assert actor is not None  # @page() guarantees it
    return actor


def _rule_errors(exc: RuleViolation) -> dict[str, str]:
    field = (exc.field or "_").split("[")[0].split(".")[0]
    return {field: exc.message, "_": exc.message}


PLACES_SHOWN = 1000  # a city has hundreds of bodies; the choosers list at most this many
APPROVER_SLOTS = 5  # named approvers a route form offers, in order


def _places(actor: Actor) -> list[Any]:
    """Jurisdictions in my scope for the choosers, in tree order: one indexed query."""
    return paginate(jurisdictions.query(actor), 1, PLACES_SHOWN)[0]


NAV = NavEntry("管理", "console.admin", 90)


@bp.route("/admin", endpoint="admin")
@page(*ADMINS)
def admin_home() -> Any:
    return render_template("console/admin/home.html", may_load_calendar=calendar_ops.may_load(_actor()))


# -- users ---------------------------------------------------------------------------------------------------


@bp.route("/admin/users", methods=["GET", "POST"], endpoint="admin_users")
@page(*ADMINS)
def admin_users() -> Any:
    actor = _actor()
    errors: dict[str, str] = {}
    if request.method == "POST":
        try:
            if request.form.get("role", "") not in ROLE_LABELS:
                # No role is preselected: an admin chooses one (a default once made city admins by accident).
                raise forms.FormErrors({"role": "请选择角色"})
            user = users.create(actor, forms.load(UserCreateSchema(), integers=("jurisdiction_id",)))
        except forms.FormErrors as exc:
            errors = exc.errors
        except RuleViolation as exc:
            errors = _rule_errors(exc)
        else:
            # Said by name, as everywhere in the console; the username is what the new user signs in with.
            flash(f"已创建用户「{user.display_name}」（用户名 {user.username}），请为其设置密码或签发令牌", "success")
            return redirect(url_for("console.admin_user", user_id=user.id))
    role = request.args.get("role") if request.args.get("role") in ROLE_LABELS else None
    active = {"1": True, "0": False}.get(request.args.get("active", ""))
    listing = page_of(users.query(actor, role=role, active=active))
    return (
        render_template(
            "console/admin/users.html",
            listing=listing,
            errors=errors,
            form=request.form,
            roles=ROLE_LABELS,
            places=_places(actor),
            role=role,
            active=active,
            args={k: v for k, v in request.args.items() if k != "page"},
        ),
        422 if errors else 200,
    )


def _render_user(actor: Actor, user_id: int, errors: dict[str, str] | None = None, new_token: str | None = None) -> Any:
    user = users.get(actor, user_id)  # 404 out of scope
    return (
        render_template(
            "console/admin/user.html",
            user=user,
            tokens=users.tokens(user),
            errors=errors or {},
            # After a refusal the form shows what was typed, not the stored values.
            typed=request.form if errors and request.method == "POST" else None,
            new_token=new_token,
            # The token form offers the scopes the user's role can hold, all ticked (the default).
            token_scopes=role_scopes(user.role),
            scope_labels=SCOPE_LABELS,
            roles=ROLE_LABELS,
            places=_places(actor),
        ),
        422 if errors else 200,
    )


@bp.route("/admin/users/<int:user_id>", methods=["GET", "POST"], endpoint="admin_user")
@page(*ADMINS)
def admin_user(user_id: int) -> Any:
    actor = _actor()
    if request.method == "POST":
        try:
            changes = forms.load(UserUpdateSchema(), integers=("jurisdiction_id",))
            if "active" not in request.form:  # an unchecked box is absent from the form
                changes = changes.setting(active=False)
            users.update(actor, user_id, changes)
        except forms.FormErrors as exc:
            return _render_user(actor, user_id, exc.errors)
        except RuleViolation as exc:
            return _render_user(actor, user_id, _rule_errors(exc))
        flash("用户信息已保存", "success")
        return redirect(url_for("console.admin_user", user_id=user_id))
    return _render_user(actor, user_id)


@bp.route("/admin/users/<int:user_id>/tokens", methods=["POST"], endpoint="admin_token_issue")
@page(*ADMINS)
def admin_token_issue(user_id: int) -> Any:
    """Issue an API token: its text is shown once on this answer and never again (only its hash is kept)."""
    actor = _actor()
    user = users.get(actor, user_id)
    try:
        # Unticked boxes are absent from the form, so the form marks that it offered them: none ticked is then
        # refused (a token must be good for something); a post without the boxes gets the role's full set.
        offered = "scopes_offered" in request.form
        data = forms.load(TokenCreateSchema(), extra={"scopes": request.form.getlist("scopes") if offered else None})
        _, plain = users.issue_token(actor, user, data["name"], data["scopes"])
    except forms.FormErrors as exc:
        return _render_user(actor, user_id, exc.errors)
    except RuleViolation as exc:
        return _render_user(actor, user_id, _rule_errors(exc))
    body, _ = _render_user(actor, user_id, new_token=plain)
    # Never cached: the page carries a credential.
    return body, 201, {"Cache-Control": "no-store"}


@bp.route("/admin/users/<int:user_id>/tokens/<int:token_id>/revoke", methods=["POST"], endpoint="admin_token_revoke")
@page(*ADMINS)
def admin_token_revoke(user_id: int, token_id: int) -> Any:
    actor = _actor()
    users.revoke_token(actor, users.get(actor, user_id), token_id)
    flash("令牌已吊销", "success")
    return redirect(url_for("console.admin_user", user_id=user_id))


# -- jurisdictions -------------------------------------------------------------------------------------------


@bp.route("/admin/jurisdictions", methods=["GET", "POST"], endpoint="admin_jurisdictions")
@page(*ADMINS)
def admin_jurisdictions() -> Any:
    actor = _actor()
    errors: dict[str, str] = {}
    if request.method == "POST":
        try:
            row = jurisdictions.create(actor, forms.load(JurisdictionCreateSchema(), integers=("parent_id",)))
        except forms.FormErrors as exc:
            errors = exc.errors
        except RuleViolation as exc:
            errors = _rule_errors(exc)
        else:
            flash(f"已新增管辖单位「{row.name}」", "success")
            return redirect(url_for("console.admin_jurisdictions"))
    listing = page_of(jurisdictions.query(actor, q=request.args.get("q", "").strip()[:100] or None), page_size=50)
    return (
        render_template(
            "console/admin/jurisdictions.html",
            listing=listing,
            errors=errors,
            form=request.form,
            kinds={k.value: JURISDICTION_KIND_LABELS[k] for k in JurisdictionKind},
            places=_places(actor),
            args={k: v for k, v in request.args.items() if k != "page"},
        ),
        422 if errors else 200,
    )


@bp.route("/admin/jurisdictions/<int:jurisdiction_id>", methods=["POST"], endpoint="admin_jurisdiction")
@page(*ADMINS)
def admin_jurisdiction(jurisdiction_id: int) -> Any:
    """Rename or (de)activate a jurisdiction."""
    actor = _actor()
    try:
        changes = forms.load(JurisdictionUpdateSchema()).setting(active="active" in request.form)
        jurisdictions.update(actor, jurisdiction_id, changes)
    except forms.FormErrors as exc:
        flash("未能保存：" + "；".join(exc.errors.values()), "error")
        return redirect(url_for("console.admin_jurisdictions")), 303
    except RuleViolation as exc:
        flash(f"未能保存：{exc.message}", "error")
        return redirect(url_for("console.admin_jurisdictions")), 303
    flash("管辖单位已保存", "success")
    return redirect(url_for("console.admin_jurisdictions"))


# -- calendar ------------------------------------------------------------------------------------------------

DAY_KINDS = {"休": False, "班": True}


DAY_ROWS = 5  # date-picker rows the calendar form offers besides the pasted lines


def _picked_days() -> list[dict[str, Any]]:
    """The form's date-picker rows (day_date / day_kind / day_name, in order); rows without a date are blank."""
    out: list[dict[str, Any]] = []
    form = request.form
    rows = zip(form.getlist("day_date"), form.getlist("day_kind"), form.getlist("day_name"), strict=False)
    for n, (day, kind, name) in enumerate(rows, start=1):
        if not day.strip():
            continue
        if kind not in DAY_KINDS:
            raise forms.FormErrors({"days": f"选择的第{n}天请选择“休”或“班”"})
        out.append({"date": day.strip(), "workday": DAY_KINDS[kind], "name": name.strip() or None})
    return out


def _days(text: str, picked: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Lines `2027-10-01 休 国庆节` / `2027-10-09 班`: a day off or a make-up working day, then an optional name;
    then the days chosen with the date pickers."""
    out: list[dict[str, Any]] = []
    for n, line in enumerate(text.splitlines(), start=1):
        parts = line.split()
        if not parts:
            continue
        if len(parts) < 2 or parts[1] not in DAY_KINDS:
            raise forms.FormErrors({"days": f"第{n}行格式应为「YYYY-MM-DD 休|班 名称」"})
        out.append({"date": parts[0], "workday": DAY_KINDS[parts[1]], "name": " ".join(parts[2:]) or None})
    out += picked or []
    if not out:
        raise forms.FormErrors({"days": "请至少填写一天"})
    return out


def _year() -> int:
    raw = request.values.get("year", "")
    return int(raw) if raw.isdigit() and len(raw) == 4 else today().year + 1


@bp.route("/admin/calendar", methods=["GET", "POST"], endpoint="admin_calendar")
@page(*ADMINS)
def admin_calendar() -> Any:
    actor = _actor()
    year = _year()
    errors: dict[str, str] = {}
    if request.method == "POST":
        try:
            calendar_ops.load_year(
                actor, year, request.form.get("notice", ""), _days(request.form.get("days", ""), _picked_days())
            )
        except forms.FormErrors as exc:
            errors = exc.errors
        except RuleViolation as exc:
            errors = _rule_errors(exc)
        else:
            flash(f"已载入{year}年节假日安排", "success")
            return redirect(url_for("console.admin_calendar", year=year))
    summary = calendar_ops.summary(year)
    loaded_by = summary["loaded_by"]
    return (
        render_template(
            "console/admin/calendar.html",
            year=year,
            summary=summary,
            # The record keeps who loaded it by username (service/operations/reference/calendar.py): show the name.
            loaded_by=(users.display_name_of(loaded_by) or "") if loaded_by else "",
            may_load=calendar_ops.may_load(actor),
            errors=errors,
            form=request.form,
            day_rows=DAY_ROWS,
        ),
        422 if errors else 200,
    )


# -- approval routes -----------------------------------------------------------------------------------------


@bp.route("/admin/routes", methods=["GET", "POST"], endpoint="admin_routes")
@page(*ADMINS)
def admin_routes() -> Any:
    actor = _actor()
    errors: dict[str, str] = {}
    if request.method == "POST":
        # The approvers in order, one chooser each (by name); blank choosers are skipped.
        raw = request.form.getlist("approver_id")
        approver_ids = [int(x) for x in raw if x.strip().isdigit() and len(x.strip()) < 10]
        try:
            spec = forms.load(RouteSchema(), integers=("body_id",), extra={"approver_ids": approver_ids or None})
            approvals.routes.put_route(actor, spec)
        except forms.FormErrors as exc:
            errors = exc.errors
        except RuleViolation as exc:
            errors = _rule_errors(exc)
        else:
            flash("审批路径已保存", "success")
            return redirect(url_for("console.admin_routes"))
    places = _places(actor)
    routes = approvals.routes.list_routes(actor, None, None)
    chosen = request.form.getlist("approver_id")
    return (
        render_template(
            "console/admin/routes.html",
            routes=routes,
            approvers=paginate(users.query(actor, role="approver", active=True), 1, PLACES_SHOWN)[0],
            names=users.display_names(i for r in routes for i in (r.approver_ids or [])),
            chosen=chosen + [""] * (APPROVER_SLOTS - len(chosen)),
            places=places,
            place_names={p.id: p.name for p in places},
            errors=errors,
            form=request.form,
            modes=MODE_LABELS,
            levels=LEVEL_LABELS,
            workflows={name: WORKFLOWS[name].label_zh for name in APPROVAL_WORKFLOWS},
        ),
        422 if errors else 200,
    )
