"""结对共建: the agreements in my scope (filters: state, year, body; the ones behind their plan marked), an
agreement's page (its plan and the year's progress per duty, its escalation history, the actions this user may
take), drafting an agreement between two organisations in scope, and its 责任书 (.docx / .pdf).

Every read and command goes through service/operations/flows/pairing/, which checks scope (404) exactly as for the
API. The list (and its export) is the managers' working page, in their menu: the workflow's `manage` group,
which drafts and acts, as on the API. An agreement's page and its 责任书 are read by every role the API lets
read it (a link leads there: the supervisors' 待办, a notification), so the menu and the pages' gates agree."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from schemas.pairing import AgreementCreateSchema, ProgressSchema, ReviewSchema, SignSchema, TerminateSchema
from service.api.downloads import attachment
from service.api.spreadsheets import send_xlsx
from service.auth import Actor
from service.clock import today
from service.console import forms
from service.console.access import page, signed_in_actor
from service.console.blueprint import bp
from service.console.nav import NavEntry
from service.console.paging import page_of
from service.documents.pdf import PDF_MIME
from service.documents.render import DOCX_MIME
from service.exports import pairing as pairing_export
from service.models.pairing import PairingAgreement
from service.operations.common import paginate
from service.operations.engines import audit, escalation_history
from service.operations.flows.pairing import agreements, letter
from service.operations.flows.pairing.lights import light_of
from service.operations.reference import jurisdictions, party_orgs, users
from service.roles import of
from workflows import pairing as rules
from workflows.deadlines import LEVEL_LABELS
from workflows.errors import Conflict, RuleViolation
from workflows.pairing import PAIRING_AGREEMENT, PairingState

MANAGERS = of(PAIRING_AGREEMENT.name, "manage")
ORGS_SHOWN = 1000  # the new-agreement chooser lists at most this many organisations in scope
BODIES_SHOWN = 500
ACTION_LABELS = {
    "sign": "签订协议",
    "take_effect": "协议生效",
    "progress": "登记履行情况",
    "review": "年度考评",
    "terminate": "终止协议",
}
# The states each action is offered in (the service decides): the machine's sources; progress while in force.
_SOURCES = {t.event: t.sources for t in PAIRING_AGREEMENT.transitions}
ACTION_STATES: dict[str, tuple[str, ...]] = {
    "sign": _SOURCES["sign"],
    "take_effect": _SOURCES["take_effect"],
    "progress": (PairingState.IN_FORCE.value,),
    "review": _SOURCES["review_year"],
    "terminate": _SOURCES["terminate"],
}
FIELD_LABELS = {
    "org_a_id": "甲方党组织",
    "org_b_id": "乙方党组织",
    "title": "协议名称",
    "year": "年度",
    "duties_due_on": "完成期限",
    "planned_visits": "计划走访交流次数",
    "planned_trainings": "计划联合培训次数",
    "planned_activists": "计划培养入党积极分子人数",
    "signed_on": "签订日期",
    "visits": "本次走访交流次数",
    "trainings": "本次联合培训次数",
    "activists": "本次培养入党积极分子人数",
    "note": "考评意见",
    "reason": "终止理由",
}
DATES = frozenset({"duties_due_on", "signed_on"})
DATE_EXAMPLE = "2026-12-31"
_BLANK = ("不能为空", "缺少必填字段")
HISTORY_LABELS = {
    "pairing_agreement.create": "草拟协议",
    "pairing_agreement.signed": "签订协议",
    "pairing_agreement.in_force": "协议生效",
    "pairing_agreement.progress": "登记履行情况",
    "pairing_agreement.year_reviewed": "年度考评",
    "pairing_agreement.terminated": "终止协议",
}

NAV = NavEntry("结对共建", "console.pairing_list", 65, ("console.pairing",))


def _actor() -> Actor:
    actor = signed_in_actor()
    assert actor is not None  # @page() guarantees it
    return actor


def _named(errors: dict[str, str]) -> dict[str, str]:
    """The schema's bare messages said with the field's name, a date's with the format its input shows."""
    out: dict[str, str] = {}
    for name, message in errors.items():
        label = FIELD_LABELS.get(name)
        if name in DATES and (message in _BLANK or message.startswith("不是有效的日期")):
            message = f"请填写{label}，如 {DATE_EXAMPLE}"
        elif label and message in _BLANK:
            message = f"{label}不能为空"
        elif label and message.startswith(("请输入", "不是有效", "必须", "数值", "长度")):
            message = f"{label}：{message}"
        out[name] = message
    return out


def _refusal(exc: RuleViolation) -> dict[str, str]:
    field = (exc.field or "_").split("[")[0].split(".")[0]
    return {field: exc.message, "_": exc.message}


# -- the list --------------------------------------------------------------------------------------------------


def _filters() -> dict[str, Any]:
    """The list's filters from the query string; anything unusable is ignored (a page, not an API)."""
    args = request.args
    f: dict[str, Any] = {}
    if args.get("state") in {s.value for s in PairingState}:
        f["state"] = args["state"]
    year = args.get("year", "")
    if year.isdigit() and 2000 <= int(year) <= 2100:
        f["year"] = int(year)
    body = args.get("body", "")
    if body.isdigit() and len(body) < 10:
        f["jurisdiction_id"] = int(body)
    return f


@bp.route("/pairing", endpoint="pairing_list")
@page(*MANAGERS)
def pairing_list() -> Any:
    actor = _actor()
    f = _filters()
    listing = page_of(agreements.query(actor, f))  # a body outside the scope: the 404 page
    rows = [{"a": a, "lagging": agreements.lagging(a), "light": light_of(a)} for a in listing.items]
    bodies = [j for j in paginate(jurisdictions.query(actor), 1, BODIES_SHOWN)[0] if j.active]
    return render_template(
        "console/pairing/list.html",
        listing=listing,
        rows=rows,
        names=agreements.org_names(listing.items),
        args={k: v for k, v in request.args.items() if k != "page"},
        f=f,
        states=PAIRING_AGREEMENT.states,
        state_label=PAIRING_AGREEMENT.state_label,
        bodies=bodies,
        duty_labels=rules.DUTY_LABELS,
        level_labels=LEVEL_LABELS,
        this_year=today().year,
    )


# -- drafting an agreement -------------------------------------------------------------------------------------


@bp.route("/pairing/new", methods=["GET", "POST"], endpoint="pairing_new")
@page(*MANAGERS)
def pairing_new() -> Any:
    """Draft an agreement between two organisations in my scope, with the year's plan."""
    actor = _actor()
    errors: dict[str, str] = {}
    if request.method == "POST":
        integers = ("org_a_id", "org_b_id", "year", "planned_visits", "planned_trainings", "planned_activists")
        try:
            a = agreements.create(actor, forms.load(AgreementCreateSchema(), integers=integers))
        except forms.FormErrors as exc:
            errors = _named(exc.errors)
        except RuleViolation as exc:
            errors = _refusal(exc)
        else:
            flash("结对协议草稿已保存，请核对后签订", "success")
            return redirect(url_for("console.pairing_agreement", agreement_id=a.id))
    orgs = paginate(party_orgs.query(actor, {}), 1, ORGS_SHOWN)[0]
    s = agreements.settings()
    defaults = {
        "year": str(today().year),
        "duties_due_on": f"{today().year}-12-15",
        "planned_visits": str(s.min_visits),
        "planned_trainings": str(s.min_trainings),
        "planned_activists": str(s.min_activists),
    }
    return (
        render_template(
            "console/pairing/new.html",
            errors=errors,
            form=request.form if request.method == "POST" else defaults,
            orgs=orgs,
            settings=s,
        ),
        422 if errors else 200,
    )


# -- an agreement's page and its actions -----------------------------------------------------------------------


def _duty_rows(a: PairingAgreement) -> list[dict[str, Any]]:
    planned, done = agreements.planned(a).as_dict(), agreements.done(a).as_dict()
    out = []
    for name, target in planned.items():
        share = 100 if target == 0 else min(100, round(100 * done[name] / target))
        out.append(
            {
                "name": name,
                "label": rules.DUTY_LABELS[name],
                "planned": target,
                "done": done[name],
                "percent": share,
                "met": done[name] >= target,
            }
        )
    return out


def _render(actor: Actor, agreement_id: int, errors: dict[str, str] | None = None, form: str | None = None) -> Any:
    a = agreements.get(actor, agreement_id)  # 404 out of scope
    may_manage = actor.role in {r.value for r in MANAGERS}
    allowed = [k for k, states in ACTION_STATES.items() if may_manage and a.state in states]
    html = render_template(
        "console/pairing/agreement.html",
        a=a,
        names=agreements.org_names([a]),
        duties=_duty_rows(a),
        lagging=agreements.lagging(a),
        light=light_of(a),
        ladder=escalation_history.events_of(agreements.WORKFLOW, a.id),
        history=_history(a.id),
        level_labels=LEVEL_LABELS,
        duty_labels=rules.DUTY_LABELS,
        state_label=PAIRING_AGREEMENT.state_label,
        allowed=allowed,
        action_labels=ACTION_LABELS,
        errors=errors or {},
        open_form=form,
        pdf_available=_pdf_available(),
        today=today(),
    )
    return html, 422 if errors else 200


def _history(agreement_id: int) -> list[dict[str, Any]]:
    """The agreement's audit records, each person by display name (never a username): two queries."""
    events = audit.history(agreements.WORKFLOW, agreement_id)
    names = users.display_names({e.actor_id for e in events if e.actor_id is not None})
    return [
        {
            "at": e.occurred_at,
            "actor": names.get(e.actor_id, e.actor_label) if e.actor_id is not None else "系统",
            "action": e.action,
            "label": _history_label(e.action),
            "comment": e.comment,
        }
        for e in events
    ]


def _history_label(action: str) -> str:
    """An audit action in words: the commands', and the ladder's levels (escalation.reminder → 督办升级：催办)."""
    if action in HISTORY_LABELS:
        return HISTORY_LABELS[action]
    level = action.removeprefix("escalation.")
    if level != action:
        return f"督办升级：{LEVEL_LABELS.get(level, level)}"
    return "其他办理"


def _pdf_available() -> bool:
    from service.documents import pdf
    from service.operations.engines import documents

    return pdf.find_converter(documents.settings().pdf_converter) is not None


@bp.route("/pairing/<int:agreement_id>", endpoint="pairing_agreement")
@page()
def pairing_agreement(agreement_id: int) -> Any:
    return _render(_actor(), agreement_id)


def _version_check(posted: str) -> Any:
    """The version the form was shown at: a record made meanwhile (or the same form sent twice) is refused, so
    progress is never added twice."""

    def check(row: PairingAgreement) -> None:
        if posted.isdigit() and int(posted) != row.version:
            raise Conflict("stale_agreement", "协议已被他人更新，请核对最新情况后重新提交")

    return check


def _command(actor: Actor, agreement_id: int, action: str) -> str:
    precondition = _version_check(request.form.get("version", ""))
    if action == "sign":
        data = forms.load(SignSchema())
        agreements.sign(actor, agreement_id, data["signed_on"], precondition)
    elif action == "take_effect":
        agreements.take_effect(actor, agreement_id, precondition)
    elif action == "progress":
        done = forms.load(ProgressSchema(), integers=("visits", "trainings", "activists"))
        if not (done.visits or done.trainings or done.activists):
            raise forms.FormErrors({"_": "请至少填写一项本次完成的数量"})
        agreements.record_progress(actor, agreement_id, done, precondition)
    elif action == "review":
        agreements.review_year(actor, agreement_id, forms.load(ReviewSchema())["note"], precondition)
    else:
        agreements.terminate(actor, agreement_id, forms.load(TerminateSchema())["reason"], precondition)
    return f"已{ACTION_LABELS[action]}"


def _act(agreement_id: int, action: str) -> Any:
    """An action from the agreement's page. Bad input: the page again with the field messages and what was
    typed (422); a conflict (someone acted first, the state moved on): the page in its new state (409)."""
    actor = _actor()
    agreements.get(actor, agreement_id)  # 404 out of scope before anything else
    try:
        message = _command(actor, agreement_id, action)
    except forms.FormErrors as exc:
        return _render(actor, agreement_id, _named(exc.errors), action)
    except Conflict as exc:
        flash(f"未能办理：{exc.message}。以下是最新状态。", "error")
        body, _ = _render(actor, agreement_id, form=action)
        return body, 409
    except RuleViolation as exc:
        return _render(actor, agreement_id, _refusal(exc), action)
    flash(message, "success")
    return redirect(url_for("console.pairing_agreement", agreement_id=agreement_id))


def _register_actions() -> None:
    """One route per action (`console.pairing_<action>`), gated by the workflow's `manage` group as the API's
    endpoints are (403 before any lookup); the state check is the service's."""
    for action in ACTION_LABELS:

        def view(agreement_id: int, _action: str = action) -> Any:
            return _act(agreement_id, _action)

        view.__name__ = f"pairing_{action}"
        bp.add_url_rule(
            f"/pairing/<int:agreement_id>/{action.replace('_', '-')}",
            endpoint=f"pairing_{action}",
            view_func=page(*MANAGERS)(view),
            methods=["POST"],
        )


_register_actions()


# -- 责任书 ------------------------------------------------------------------------------------------------------


def _download(download: letter.Download, content_type: str) -> Response:
    return attachment(download.content, content_type, download.filename, download.ascii_filename)


@bp.route("/pairing/<int:agreement_id>/letter.docx", endpoint="pairing_letter_docx")
@page()
def pairing_letter_docx(agreement_id: int) -> Response:
    return _download(letter.letter_docx(_actor(), agreement_id), DOCX_MIME)


@bp.route("/pairing/<int:agreement_id>/letter.pdf", endpoint="pairing_letter_pdf")
@page()
def pairing_letter_pdf(agreement_id: int) -> Response:
    """Without a converter: the 501 page in Chinese (the page offers the button only with one)."""
    return _download(letter.letter_pdf(_actor(), agreement_id), PDF_MIME)


# -- the list as .xlsx -----------------------------------------------------------------------------------------


@bp.route("/pairing/export.xlsx", endpoint="pairing_export")
@page(*MANAGERS)
def pairing_export_xlsx() -> Response:
    """The list with the page's filters, scope and order (a body outside the scope: the 404 page)."""
    return send_xlsx(pairing_export.agreements_workbook(_actor(), _filters()), "结对共建", "pairing-agreements")
