"""申请: the applicant's pages for establishment applications (建立党组织申请) — my applications, preparing a
new one (pick the units, see which organisation forms they may ask for and why, save a draft), the
application page (correct it while in preparation or returned, submit, withdraw, its history).

Every read and command is the API's own service function (service/operations/flows/establishment/cases.py): scope is
404, the applicant's side 403, a conflict re-renders the page with what is true now (409), a rule or an
invalid field re-renders the form as typed with the message next to its input (422). Approvers act on the
case page (console.case)."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from marshmallow import Schema

from schemas.establishment import STATE_VALUES, CaseCreateSchema, CaseUpdateSchema, ReasonSchema
from service.auth import Actor
from service.console import forms
from service.console.access import page, signed_in_actor
from service.console.blueprint import bp
from service.console.nav import NavEntry
from service.console.pages import attachments as attachments_page
from service.console.pages import inbox as inbox_page
from service.console.paging import page_of
from service.models import EstablishmentCase, Unit
from service.operations.engines import approvals
from service.operations.flows.establishment import applications, cases
from service.operations.reference import users
from service.roles import CASE_APPLICANTS
from workflows import establishment as rules
from workflows.errors import Conflict, RuleViolation
from workflows.establishment import ESTABLISHMENT, FORM_LABELS_ZH, EstablishmentState, OrgForm

# The fields of the application form, each shown next to its input; any other message goes above the form.
FIELDS = (
    "unit_ids",
    "form",
    "proposed_name",
    "proposed_secretary",
    "proposed_committee_size",
    "branch_oversize_reason",
    "request_text",
    "roster",
)
OPTIONAL_TEXT = ("proposed_secretary", "branch_oversize_reason", "request_text")
MEMBER_TYPES = {"正式": "formal", "正式党员": "formal", "预备": "probationary", "预备党员": "probationary"}
MEMBER_TYPE_LABELS = {"formal": "正式", "probationary": "预备"}
HISTORY_LABELS = {
    "establishment.create": "创建申请（草稿）",
    "establishment.update": "修改申请",
    "establishment.submit": "提交审批",
    "establishment.withdraw": "撤回申请",
    "establishment.cancel": "取消申请",
    "establishment.approve": "批复同意",
    "establishment.reject": "不予批准",
    "establishment.return_for_changes": "退回修改",
    "establishment.found": "登记成立",
    "approval_step.open": "进入审批环节",
    "task.claim": "审批人签收",
    "task.release": "退回到组",
    "task.approve": "审批同意",
    "task.reject": "审批不同意",
    "task.return": "审批退回修改",
    "task.delegate": "转办",
    "task.consult": "委派",
    "task.opinion": "回复委派意见",
    "task.comment": "添加意见",
}
STATE_LABELS = {s: ESTABLISHMENT.state_label(s) for s in STATE_VALUES}
EDITABLE_STATES = (EstablishmentState.PREPARING, EstablishmentState.RETURNED)  # 筹备中, 已退回 (退回修改)


def _actor() -> Actor:
    actor = signed_in_actor()
    assert actor is not None  # @page guarantees it
    return actor


def _ids(values: list[str]) -> list[Any]:
    """Unit ids as posted: numbers converted, anything else passed on for the schema to refuse."""
    out: list[Any] = []
    for raw in values:
        raw = raw.strip()
        if raw:
            out.append(int(raw) if raw.isdigit() and len(raw) < 10 else raw)
    return out


def _int_ids(values: list[Any]) -> list[int]:
    return [v for v in values if isinstance(v, int) and v > 0]


# -- the roster: one member a line ------------------------------------------------------------------------------


def _roster_from_form(unit_list: list[Unit]) -> tuple[list[dict[str, Any]] | None, dict[str, str]]:
    """The roster textarea, one member a line: name, 正式 or 预备, and — when the application names more
    than one unit — the unit's credit code or name ("张三 正式 91330100MA2XXXXXX1"). A line that does not
    parse is refused with its number; an empty roster is none."""
    members: list[dict[str, Any]] = []
    errors: list[str] = []
    by_key = {u.credit_code.upper(): u.id for u in unit_list} | {u.name: u.id for u in unit_list}
    for n, line in enumerate(request.form.get("roster", "").splitlines(), start=1):
        parts = line.replace("，", " ").replace(",", " ").split()
        if not parts:
            continue
        name, kind, where = parts[0], (parts[1] if len(parts) > 1 else ""), " ".join(parts[2:])
        member_type = MEMBER_TYPES.get(kind)
        if member_type is None:
            errors.append(f"第{n}行：请在姓名后注明“正式”或“预备”")
            continue
        if where:
            unit_id = by_key.get(where.upper()) or by_key.get(where)
            if unit_id is None:
                errors.append(f"第{n}行：单位「{where}」不是本申请的单位")
                continue
        elif len(unit_list) == 1:
            unit_id = unit_list[0].id
        else:
            errors.append(f"第{n}行：申请涉及多个单位，请注明党员所在单位的信用代码或名称")
            continue
        members.append({"name": name, "member_type": member_type, "unit_id": unit_id})
    if errors:
        return None, {"roster": "；".join(errors)}
    return (members or None), {}


def roster_text(roster: list[dict[str, Any]] | None, unit_list: list[Unit]) -> str:
    """A stored roster as the textarea shows it (the unit's credit code only when there are several)."""
    codes = {u.id: u.credit_code for u in unit_list}
    lines = []
    for m in roster or []:
        words = [m["name"], MEMBER_TYPE_LABELS.get(m["member_type"], m["member_type"])]
        if len(unit_list) > 1:
            words.append(codes.get(m["unit_id"], str(m["unit_id"])))
        lines.append(" ".join(words))
    return "\n".join(lines)


def _load(schema: Schema, unit_list: list[Unit], extra: dict[str, Any]) -> Any:
    """The posted application through the API's schema; the roster's line messages join the schema's."""
    roster, roster_errors = _roster_from_form(unit_list)
    try:
        data = forms.load(schema, integers=("proposed_committee_size",), extra={**extra, "roster": roster})
    except forms.FormErrors as exc:
        raise forms.FormErrors({**exc.errors, **roster_errors}) from exc
    if roster_errors:
        raise forms.FormErrors(roster_errors)
    return data


def _refusal(exc: Exception) -> tuple[int, dict[str, str], str | None]:
    """(status, field messages, conflict message) for a refused form."""
    if isinstance(exc, forms.FormErrors):
        return 422, exc.errors, None
    if isinstance(exc, Conflict):
        return 409, {}, exc.message
    assert isinstance(exc, RuleViolation)
    return 422, {exc.field or "_": exc.message}, None


def _options(actor: Actor, unit_list: list[Unit]) -> list[dict[str, Any]]:
    """The form options for these units exactly as the API's /form-options gives them."""
    if not unit_list:
        return []
    return [
        {
            "form": o.form.value,
            "label": FORM_LABELS_ZH[o.form],
            "allowed": o.allowed,
            "required": o.required,
            "needs_reason": o.needs_reason,
            "reason": o.reason_zh,
            "code": o.code,
        }
        for o in cases.form_options(actor, [u.id for u in unit_list])
    ]


# -- 我的申请 ---------------------------------------------------------------------------------------------------


NAV = NavEntry("申请", "console.applications", 50, ("console.application",))


@bp.route("/applications", endpoint="applications")
@page(*CASE_APPLICANTS)
def applications_page() -> Any:
    actor = _actor()
    state = request.args.get("state") or None
    state = state if state in STATE_LABELS else None
    mine = request.args.get("mine") == "1"
    listing = page_of(applications.query(actor, state, mine))
    ids = [c.id for c in listing.items]
    unit_map = cases.units_of(ids)
    names = users.display_names(c.applicant_id for c in listing.items)
    rows = [
        {
            "case": c,
            "state_label": STATE_LABELS.get(c.state, c.state),
            "form_label": FORM_LABELS_ZH[OrgForm(c.form)],
            "units": unit_map[c.id],
            "applicant": names.get(c.applicant_id or 0, "—"),
        }
        for c in listing.items
    ]
    args = {k: v for k, v in {"state": state, "mine": "1" if mine else None}.items() if v}
    return render_template(
        "console/applications/list.html",
        listing=listing,
        rows=rows,
        state=state,
        mine=mine,
        args=args,
        states=STATE_LABELS,
    )


# -- 新建申请 ---------------------------------------------------------------------------------------------------


def _render_new(
    actor: Actor,
    unit_ids: list[int],
    *,
    status: int = 200,
    errors: dict[str, str] | None = None,
    conflict: str | None = None,
    posted: Any = None,
) -> Any:
    q = (request.values.get("q") or "").strip()[:100]
    unit_list = applications.chosen_units(actor, unit_ids)  # outside my scope: 404
    candidates = applications.candidate_units(actor, q or None, exclude=[u.id for u in unit_list])
    return (
        render_template(
            "console/applications/new.html",
            q=q,
            units=unit_list,
            candidates=candidates,
            candidate_limit=applications.CANDIDATE_LIMIT,
            options=_options(actor, unit_list),
            errors=errors or {},
            conflict=conflict,
            posted=posted if posted is not None else {},
            fields=FIELDS,
        ),
        status,
    )


@bp.route("/applications/new", endpoint="application_new")
@page(*CASE_APPLICANTS)
def application_new() -> Any:
    return _render_new(_actor(), _int_ids(_ids(request.args.getlist("unit_ids"))))


@bp.route("/applications/new", methods=["POST"], endpoint="application_create")
@page(*CASE_APPLICANTS)
def application_create() -> Any:
    actor = _actor()
    posted_ids = _ids(request.form.getlist("unit_ids"))
    unit_list = applications.chosen_units(actor, _int_ids(posted_ids))  # outside my scope: 404
    try:
        data = _load(CaseCreateSchema(), unit_list, {"unit_ids": posted_ids})
        case = cases.create(actor, data)
    except (forms.FormErrors, RuleViolation) as exc:
        status, errors, conflict = _refusal(exc)
        return _render_new(
            actor, _int_ids(posted_ids), status=status, errors=errors, conflict=conflict, posted=request.form
        )
    flash(f"已保存申请草稿「{case.proposed_name}」；核对无误后请提交审批", "success")
    return redirect(url_for("console.application", case_id=case.id))


# -- the application page ----------------------------------------------------------------------------------------


def _approval_path(case: EstablishmentCase) -> str:
    """Where a submitted request goes, in words (the approval chain in force for its form)."""
    steps = []
    for level in rules.approval_chain(case.form, cases.settings()):
        label = approvals.handlers.LEVEL_LABELS_ZH.get(level, level)
        steps.append("县级党委（工委）审批" if level.startswith("county") else f"{case.jurisdiction.name}{label}")
    return "，再报".join(steps)


def _render_case(
    actor: Actor,
    case_id: int,
    *,
    status: int = 200,
    errors: dict[str, str] | None = None,
    conflict: str | None = None,
    open_form: str | None = None,
) -> Any:
    case = cases.get(actor, case_id)  # outside my scope: 404
    unit_list = cases.units_of([case.id])[case.id]
    options = _options(actor, unit_list)
    names = users.display_names([case.applicant_id])
    return (
        render_template(
            "console/applications/view.html",
            case=case,
            state_label=STATE_LABELS.get(case.state, case.state),
            form_label=FORM_LABELS_ZH[OrgForm(case.form)],
            units=unit_list,
            option=next((o for o in options if o["form"] == case.form), None),
            allowed=cases.allowed_actions(actor, [case])[case.id],
            applicant=names.get(case.applicant_id or 0, "—"),
            history=applications.history(case.id),
            # the case page's labels (escalation steps, 催办 …) under the applicant's wording where it differs
            history_labels={**inbox_page.HISTORY_LABELS, **HISTORY_LABELS},
            state_labels=STATE_LABELS,
            roster_labels=MEMBER_TYPE_LABELS,
            unit_names={u.id: u.name for u in unit_list},
            approval_path=_approval_path(case),
            returned=case.state == EstablishmentState.RETURNED,
            attachment_panel=attachments_page.panel(
                actor, cases.WORKFLOW, case, url_for("console.application", case_id=case.id)
            ),
            errors=errors or {},
            conflict=conflict,
            open_form=open_form,
            posted=request.form if open_form else {},
        ),
        status,
    )


@bp.route("/applications/<int:case_id>", endpoint="application")
@page(*CASE_APPLICANTS)
def application_page(case_id: int) -> Any:
    return _render_case(_actor(), case_id)


def _same_version(row: EstablishmentCase) -> None:
    """The page's version of the application must still be the current one: someone who corrected or
    submitted it meanwhile is not overwritten or acted on unseen (the API's If-Match, for a form)."""
    posted = request.form.get("version", "").strip()
    if posted and posted != str(row.version):
        raise Conflict("case_changed", "申请已被他人修改或办理，请核对最新内容后再操作")


def _render_edit(
    actor: Actor,
    case_id: int,
    *,
    status: int = 200,
    errors: dict[str, str] | None = None,
    conflict: str | None = None,
    posted: Any = None,
) -> Any:
    case = cases.get(actor, case_id)  # outside my scope: 404
    unit_list = cases.units_of([case.id])[case.id]
    if conflict is not None and posted is not None:
        # What was typed stays; the version becomes the current one, so saving again is a deliberate choice.
        posted = {**posted.to_dict(), "version": case.version}
    if posted is None:
        posted = {
            "form": case.form,
            "proposed_name": case.proposed_name,
            "proposed_secretary": case.proposed_secretary or "",
            "proposed_committee_size": "" if case.proposed_committee_size is None else case.proposed_committee_size,
            "branch_oversize_reason": case.branch_oversize_reason or "",
            "request_text": case.request_text or "",
            "roster": roster_text(case.roster, unit_list),
            "version": case.version,
        }
    return (
        render_template(
            "console/applications/edit.html",
            case=case,
            state_label=STATE_LABELS.get(case.state, case.state),
            units=unit_list,
            options=_options(actor, unit_list),
            editable="update" in cases.allowed_actions(actor, [case])[case.id],
            state_editable=case.state in EDITABLE_STATES,
            errors=errors or {},
            conflict=conflict,
            posted=posted,
            fields=FIELDS,
        ),
        status,
    )


@bp.route("/applications/<int:case_id>/edit", endpoint="application_edit")
@page(*CASE_APPLICANTS)
def application_edit(case_id: int) -> Any:
    return _render_edit(_actor(), case_id)


@bp.route("/applications/<int:case_id>/edit", methods=["POST"], endpoint="application_update")
@page(*CASE_APPLICANTS)
def application_update(case_id: int) -> Any:
    actor = _actor()
    case = cases.get(actor, case_id)  # outside my scope: 404
    unit_list = cases.units_of([case.id])[case.id]
    # An emptied optional field is cleared; an emptied name is refused (the schema's message), not ignored.
    cleared: dict[str, Any] = {k: None for k in OPTIONAL_TEXT if not request.form.get(k, "").strip()}
    if not request.form.get("proposed_committee_size", "").strip():
        cleared["proposed_committee_size"] = None
    if not request.form.get("proposed_name", "").strip():
        cleared["proposed_name"] = ""
    try:
        changes = _load(CaseUpdateSchema(), unit_list, cleared)
        case = cases.update_case(actor, case_id, changes, _same_version)
    except (forms.FormErrors, RuleViolation) as exc:
        status, errors, conflict = _refusal(exc)
        if conflict is not None:
            # What is true now, with what was typed kept in the form (the version stays the one typed over).
            return _render_edit(actor, case_id, status=status, conflict=conflict, posted=request.form)
        return _render_edit(actor, case_id, status=status, errors=errors, posted=request.form)
    flash("已保存修改", "success")
    return redirect(url_for("console.application", case_id=case.id))


def _unconfirmed(actor: Actor, case_id: int, action: str, message: str) -> dict[str, str]:
    """The confirmation's message when its box was not ticked. Asked only while the action is open to the
    actor: otherwise the command answers as it would anyway (403 not the applicant's side, 409 the state moved
    on), so an unticked box never hides a refusal."""
    case = cases.get(actor, case_id)  # outside my scope: 404 before anything else
    if request.form.get("confirm") == "1" or action not in cases.allowed_actions(actor, [case])[case.id]:
        return {}
    return {"confirm": message}


@bp.route("/applications/<int:case_id>/submit", methods=["POST"], endpoint="application_submit")
@page(*CASE_APPLICANTS)
def application_submit(case_id: int) -> Any:
    actor = _actor()
    unconfirmed = _unconfirmed(actor, case_id, "submit", "请勾选确认后再提交")
    if unconfirmed:
        return _render_case(actor, case_id, status=422, errors=unconfirmed, open_form="submit")
    try:
        case = cases.submit(actor, case_id, _same_version)
    except RuleViolation as exc:
        status, errors, conflict = _refusal(exc)
        return _render_case(actor, case_id, status=status, errors=errors, conflict=conflict, open_form="submit")
    flash(f"「{case.proposed_name}」已提交审批：{_approval_path(case)}", "success")
    return redirect(url_for("console.application", case_id=case.id))


@bp.route("/applications/<int:case_id>/withdraw", methods=["POST"], endpoint="application_withdraw")
@page(*CASE_APPLICANTS)
def application_withdraw(case_id: int) -> Any:
    actor = _actor()
    unconfirmed = _unconfirmed(actor, case_id, "withdraw", "请勾选确认后再撤回")
    try:
        try:
            data = forms.load(ReasonSchema())
        except forms.FormErrors as exc:  # every message at once: the reason's and the confirmation's
            raise forms.FormErrors({**exc.errors, **unconfirmed}) from exc
        if unconfirmed:
            raise forms.FormErrors(unconfirmed)
        case = cases.withdraw(actor, case_id, data["reason"], _same_version)
    except (forms.FormErrors, RuleViolation) as exc:
        status, errors, conflict = _refusal(exc)
        return _render_case(actor, case_id, status=status, errors=errors, conflict=conflict, open_form="withdraw")
    flash(f"已撤回「{case.proposed_name}」，涉及单位可以重新申请", "success")
    return redirect(url_for("console.application", case_id=case.id))
