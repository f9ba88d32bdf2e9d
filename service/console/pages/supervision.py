"""督办: the supervision board (tickets in my scope by light, body and deadline) and the ticket page with the
actions this user may take now. Every read and command goes through service/operations/flows/supervision/tickets.py and
interviews.py, which check scope (404) and side (403) exactly as for the API."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from flask import flash, redirect, render_template, request, url_for
from marshmallow import Schema, ValidationError
from werkzeug.wrappers import Response

from schemas.supervision import (
    ExtensionDecideSchema,
    ExtensionRequestSchema,
    FollowUpSchema,
    HoldSchema,
    InterviewCreateSchema,
    ProblemInputSchema,
    ReasonRequiredSchema,
    ReportSchema,
    RescheduleSchema,
    ReviewCommentSchema,
    TicketCreateSchema,
)
from service.auth import Actor
from service.calendar import calendar
from service.clock import today
from service.console import forms
from service.console.access import page, signed_in_actor
from service.console.blueprint import bp
from service.console.nav import NavEntry
from service.console.pages import attachments as attachments_page
from service.console.paging import page_of
from service.errors import ApiError
from service.operations.common import paginate
from service.operations.engines import diagrams, escalation_history
from service.operations.engines import interviews as interview_ops
from service.operations.flows.adjustment import cases as adjustment_cases
from service.operations.flows.instructors import assignments as instructor_assignments
from service.operations.flows.re_election import terms
from service.operations.flows.supervision import ticket_board, tickets
from service.operations.reference import jurisdictions, users
from service.roles import INTERVIEWERS, SUPERVISION_READERS, TICKET_HANDLERS, TICKET_ISSUERS
from workflows import supervision as rules
from workflows.deadlines import LEVEL_LABELS, warning_level
from workflows.errors import RuleViolation
from workflows.interview import INTERVIEW
from workflows.supervision import PRIORITY_LABELS_ZH, SUPERVISION_TICKET, Priority, RectificationReport, TicketState
from workflows.workdays import fallback_years

LIGHTS = ("red", "yellow", "green")
TARGETS_SHOWN = 1000  # a city has hundreds of bodies: the new-ticket chooser lists at most this many
# The board's sort choices: deadline first (the supervisor's question is "what is due").
SORTS = {"rectify_by": "整改期限", "-created_at": "最新", "-priority": "紧急程度", "title": "标题"}
ACTION_LABELS = {
    "issue": "下发",
    "acknowledge": "签收",
    "start": "开始整改",
    "report": "报送整改情况",
    "close": "审核办结",
    "return": "退回重新整改",
    "cancel": "撤销",
    "request_extension": "申请延期",
    "decide_extension": "审批延期申请",
}
INTERVIEW_ACTION_LABELS = {
    "reschedule": "安排时间地点",
    "hold": "记录约谈",
    "follow_up": "跟踪回访",
    "close": "结束约谈",
    "cancel": "取消约谈",
}


# What each input is called on the page: a message names its field ("约谈时间不能为空", not "不能为空").
FIELD_LABELS = {
    "title": "标题",
    "jurisdiction_id": "承办单位",
    "responsible_person": "责任人",
    "responsible_title": "责任人职务",
    "priority": "紧急程度",
    "rectification_deadline": "整改截止日期",
    "rectification_workdays": "整改期限（工作日）",
    "problems": "问题清单",
    "reason": "理由",
    "comment": "意见",
    "new_deadline": "日期",
    "approved_deadline": "批准的截止日期",
    "decision": "审批意见",
    "summary": "整改情况说明",
    "scheduled_at": "约谈时间",
    "place": "地点",
    "minutes": "约谈记录",
    "commitments": "整改承诺",
    "follow_up_note": "回访情况",
    "problems_reported": "整改情况",
}
# Where a form calls an input otherwise (退回's reason is its 审核意见): the message says what the form shows.
FORM_FIELD_LABELS = {
    "return": {"reason": "审核意见"},
    "cancel": {"reason": "撤销理由"},
    "interview_new": {"reason": "约谈事由"},
    "cancel_interview": {"reason": "取消理由"},
}
# The examples the forms' hints give: one format in the hint and in the message.
DATE_EXAMPLE = "2026-12-31"
MOMENT_EXAMPLE = "2026-12-08 09:00"
MOMENTS = frozenset({"scheduled_at"})
DATES = frozenset({"new_deadline", "approved_deadline", "rectification_deadline"})
REPORT_LABELS = {"measures_taken": "整改措施", "evidence": "佐证材料", "problem_id": "问题"}
_BLANK = ("不能为空", "缺少必填字段")


def _named(errors: dict[str, str], form: str | None = None) -> dict[str, str]:
    """The schema's bare messages said with the field's name (as `form` labels it), and a date's in the format
    its input shows."""
    out: dict[str, str] = {}
    own = FORM_FIELD_LABELS.get(form or "", {})
    for name, message in errors.items():
        label = own.get(name) or FIELD_LABELS.get(name)
        if name in MOMENTS and (message in _BLANK or message.startswith("不是有效的日期")):
            message = f"请填写{label}，如 {MOMENT_EXAMPLE}"
        elif name in DATES and (message in _BLANK or message.startswith("不是有效的日期")):
            message = f"请填写{label}，如 {DATE_EXAMPLE}"
        elif label and message in _BLANK:
            message = f"{label}不能为空"
        out[name] = message
    return out


def _actor() -> Actor:
    actor = signed_in_actor()
    assert actor is not None  # @page() guarantees it
    return actor


def _filters() -> dict[str, Any]:
    """The board's filters from the query string; anything unusable is ignored (a page, not an API)."""
    args = request.args
    f: dict[str, Any] = {}
    if args.get("light") in LIGHTS:
        f["warning_level"] = args["light"]
    if args.get("state") in {s.value for s in TicketState}:
        f["state"] = args["state"]
    body = args.get("body", "")
    if body.isdigit() and len(body) < 10:
        f["jurisdiction_id"] = int(body)
    q = args.get("q", "").strip()
    if q:
        f["q"] = q[:100]
    f["sort"] = args.get("sort") if args.get("sort") in SORTS else "rectify_by"
    return f


def _lights(rows: list[Any]) -> list[tuple[date | None, str | None, list[int]]]:
    """(tracked deadline, light, the years it was counted across that only have the Monday–Friday fallback)
    per ticket with ONE calendar for the page (`ticket_board.warning_of` looks the calendar up per ticket:
    two statements a row)."""
    on, cal, yellow = today(), calendar(), ticket_board.yellow_within_workdays()
    out: list[tuple[date | None, str | None, list[int]]] = []
    for t in rows:
        tracked = (
            rules.tracked_deadline(t.state, t.acknowledge_by, t.rectify_by)
            if t.issued_on and t.acknowledge_by and t.rectify_by
            else None
        )
        out.append(
            (
                tracked,
                warning_level(on, tracked, cal, yellow) if tracked else None,
                fallback_years(cal, t.issued_on, tracked) if tracked else [],
            )
        )
    return out


NAV = NavEntry("督办", "console.board", 60, ("console.board", "console.ticket"))


@bp.route("/board", endpoint="board")
@page(*SUPERVISION_READERS)
def board_page() -> Any:
    actor = _actor()
    f = _filters()
    counts = ticket_board.board(actor, {"jurisdiction_id": f["jurisdiction_id"]} if "jurisdiction_id" in f else {})
    guidance = instructor_assignments.guidance_counts(actor, f.get("jurisdiction_id"))
    listing = page_of(ticket_board.query(actor, f))
    rows = [{"t": t, "light": light} for t, light in zip(listing.items, _lights(listing.items), strict=True)]
    guessed = sorted({y for row in rows for y in row["light"][2]})
    args = {k: v for k, v in request.args.items() if k != "page"}
    return render_template(
        "console/supervision/board.html",
        by_body=counts,
        guidance=guidance,
        fallback_years=guessed,
        listing=listing,
        rows=rows,
        args=args,
        states=SUPERVISION_TICKET.states,
        sorts=SORTS,
        f=f,
        may_issue=actor.role in TICKET_ISSUERS,
        level_labels=LEVEL_LABELS,
        priority_labels=PRIORITY_LABELS_ZH,
        terms_due=terms.due_counts(actor),  # 换届: organisations due and overdue in scope
        # 五个同步: organisations whose units changed, waiting for their adjustment decision (one COUNT)
        open_adjustments=adjustment_cases.open_count(actor),
    )


def _ticket_context(actor: Actor, ticket_id: int) -> dict[str, Any]:
    t = tickets.get(actor, ticket_id)  # 404 out of scope
    tracked, light = ticket_board.warning_of(t)
    linked = interview_ops.for_tickets([t.id])[t.id]
    extensions = tickets.extensions_of(t.id)
    deadlines = (t.acknowledge_by, t.rectify_by, t.post_interview_deadline, tracked)
    reports = tickets.reports_of(t.id)
    # Who acted, by display name (never a username): one statement for every person on the page.
    people_ids = [t.acknowledged_by, *(r.submitted_by for r in reports), *(i.interviewer_id for i in linked)]
    people_ids += [x for e in extensions for x in (e.requested_by, e.decided_by)]
    return {
        "names": users.display_names(people_ids),
        "fallback_years": fallback_years(calendar(), t.issued_on, *deadlines) if t.issued_on else [],
        "t": t,
        "tracked": tracked,
        "light_level": light,
        "problems": tickets.problems_of([t.id])[t.id],
        "reports": reports,
        "extensions": extensions,
        "pending_extension": next((e for e in extensions if e.status == "pending"), None),
        "ladder": escalation_history.events_of(tickets.WORKFLOW, t.id),
        "interviews": linked,
        "interview_actions": interview_ops.allowed_actions(actor, linked),
        # The side of each interview is its command's check (the form shows to interviewers' roles).
        "ticket_files": attachments_page.panel(actor, tickets.WORKFLOW, t, url_for("console.ticket", ticket_id=t.id)),
        "interview_files": attachments_page.panels(
            actor, interview_ops.WORKFLOW, linked, url_for("console.ticket", ticket_id=t.id), side=False
        ),
        "allowed": tickets.allowed_actions(actor, [t])[t.id],
        "may_interview": actor.role in INTERVIEWERS and tickets.is_issuing_side(actor, t),
        "bodies": tickets.body_refs({t.issuing_body_id}),
        "trail": diagrams.trail_of(tickets.WORKFLOW, t.id),
        "level_labels": LEVEL_LABELS,
        "action_labels": ACTION_LABELS,
        "interview_action_labels": INTERVIEW_ACTION_LABELS,
        "interview_state": INTERVIEW.state_label,
        "state_label": SUPERVISION_TICKET.state_label,
        "priority_label": PRIORITY_LABELS_ZH[Priority(t.priority)],
        "review_labels": tickets.REVIEW_LABELS,
        "extension_labels": tickets.EXTENSION_STATUS_LABELS,
        "today": today(),
    }


# The inputs each form shows a message next to; any other message is listed above the page (other_errors).
FORM_FIELDS = {
    "close": ("comment",),
    "return": ("reason",),
    "cancel": ("reason",),
    "request_extension": ("new_deadline", "reason"),
    "decide_extension": ("approved_deadline", "comment"),
    "interview_new": ("reason", "scheduled_at", "place"),
    "reschedule": ("scheduled_at", "place"),
    "hold": ("minutes", "commitments", "new_deadline"),
    "follow_up": ("follow_up_note",),
    "close_interview": ("comment",),
    "cancel_interview": ("reason",),
}


def _shown(form: str | None, problems: list[Any]) -> list[str]:
    if form == "report":
        return ["problems_reported", "summary"] + [f"{k}_{p.id}" for p in problems for k in ("measures", "evidence")]
    if form and form.startswith("interview_") and form != "interview_new":
        action = form.split("_", 2)[2]  # interview_<id>_<action>
        return list(FORM_FIELDS.get(f"{action}_interview" if action in ("close", "cancel") else action, ()))
    return list(FORM_FIELDS.get(form or "", ()))


def _render_ticket(actor: Actor, ticket_id: int, errors: dict[str, str] | None = None, form: str | None = None) -> Any:
    ctx = _ticket_context(actor, ticket_id)
    status = 422 if errors else 200
    shown = _shown(form, ctx["problems"])
    return (
        render_template("console/supervision/ticket.html", errors=errors or {}, open_form=form, shown=shown, **ctx),
        status,
    )


@bp.route("/board/tickets/<int:ticket_id>", endpoint="ticket")
@page(*SUPERVISION_READERS)
def ticket_page(ticket_id: int) -> Any:
    return _render_ticket(_actor(), ticket_id)


def _load(schema: Schema, data: dict[str, Any]) -> Any:
    """The schema's load of `data`: a dict, or the command's typed input (schemas.common.LoadsInto)."""
    try:
        return schema.load(data)
    except ValidationError as exc:
        raise forms.FormErrors(forms.flatten(exc.messages)) from exc


def _lines(name: str) -> list[str]:
    return [line.strip() for line in request.form.get(name, "").splitlines() if line.strip()]


def _report_errors(messages: Any, problem_ids: list[int]) -> dict[str, str]:
    """The report schema's nested messages, one per problem input, naming the problem by its number on the
    page and the field: measures_<problem id> → "问题5：整改措施不能为空"."""
    nested = messages.get("problems_reported") if isinstance(messages, dict) else None
    if not isinstance(nested, dict):
        return _named(forms.flatten(messages))
    errors: dict[str, str] = {}
    for index, fields in nested.items():
        if not isinstance(index, int) or not 0 <= index < len(problem_ids) or not isinstance(fields, dict):
            errors["problems_reported"] = forms.flatten({"_": fields})["_"]
            continue
        for field, message in forms.flatten(fields).items():
            label = REPORT_LABELS.get(field, field)
            text = f"{label}{message}" if message in _BLANK else f"{label}：{message}"
            key = "evidence" if field == "evidence" else "measures"
            errors.setdefault(f"{key}_{problem_ids[index]}", f"问题{index + 1}：{text}")
    return errors


def _report_refusal(exc: RuleViolation, problem_ids: list[int]) -> dict[str, str] | None:
    """A rule's refusal of one reported problem (`problems_reported[4].measures_taken`), shown at that
    problem's input and naming it by its number on the page, not its id."""
    match = re.fullmatch(r"problems_reported\[(\d+)\]\.(\w+)(?:\[\d+\])?", exc.field or "")
    if match is None or int(match.group(1)) >= len(problem_ids):
        return None
    index = int(match.group(1))
    pid = problem_ids[index]
    message = exc.message.replace(f"问题「{pid}」", "").lstrip("的")
    key = "evidence" if match.group(2) == "evidence" else "measures"
    return {f"{key}_{pid}": f"问题{index + 1}：{message}"}


def _report_data(actor: Actor, ticket_id: int) -> RectificationReport:
    t = tickets.get(actor, ticket_id)
    problem_ids = [p.id for p in tickets.problems_of([t.id])[t.id]]
    items = [
        {
            "problem_id": pid,
            "measures_taken": request.form.get(f"measures_{pid}", "").strip(),
            "evidence": _lines(f"evidence_{pid}"),
        }
        for pid in problem_ids
    ]
    summary = request.form.get("summary", "").strip()
    try:
        return ReportSchema().load({"problems_reported": items, **({"summary": summary} if summary else {})})
    except ValidationError as exc:
        raise forms.FormErrors(_report_errors(exc.messages, problem_ids)) from exc


def _ticket_command(actor: Actor, ticket_id: int, action: str) -> str:
    """Run one ticket command; returns the flash message."""
    if action == "issue":
        tickets.issue(actor, ticket_id)
    elif action == "acknowledge":
        tickets.acknowledge(actor, ticket_id)
    elif action == "start":
        tickets.start_rectification(actor, ticket_id)
    elif action == "report":
        tickets.submit_report(actor, ticket_id, _report_data(actor, ticket_id))
    elif action == "close":
        tickets.close(actor, ticket_id, forms.load(ReviewCommentSchema()).get("comment"))
    elif action == "return":
        tickets.return_for_rework(actor, ticket_id, forms.load(ReasonRequiredSchema())["reason"])
    elif action == "cancel":
        tickets.cancel(actor, ticket_id, forms.load(ReasonRequiredSchema())["reason"])
    elif action == "request_extension":
        tickets.request_extension(actor, ticket_id, forms.load(ExtensionRequestSchema()))
    elif action == "decide_extension":
        extension = request.form.get("extension_id", "")
        if not extension.isdigit():
            raise forms.FormErrors({"extension_id": "请选择延期申请"})
        tickets.decide_extension(actor, ticket_id, int(extension), forms.load(ExtensionDecideSchema()))
    else:  # pragma: no cover - only registered actions are routed here
        raise ApiError(404)
    return f"已{ACTION_LABELS[action]}"


def _ticket_action(ticket_id: int, action: str) -> Any:
    """A ticket action from its page. Bad input: the page again with the field messages (422); a conflict
    (someone acted first, the state moved on): the page in its new state with the reason (409)."""
    actor = _actor()
    try:
        message = _ticket_command(actor, ticket_id, action)
    except forms.FormErrors as exc:
        return _render_ticket(actor, ticket_id, _named(exc.errors, action), action)
    except RuleViolation as exc:
        return _refused(actor, ticket_id, exc, action)
    flash(message, "success")
    return redirect(url_for("console.ticket", ticket_id=ticket_id))


def _register_ticket_actions() -> None:
    """One route per action (`console.ticket_<action>`), gated by the role group the API's endpoint uses (403
    before any lookup); the side and state checks are the service's."""
    for action, (_, side) in tickets.ACTIONS.items():
        if action not in ACTION_LABELS:
            continue  # `update` (editing a draft) is the API's only
        roles = TICKET_ISSUERS if side == "issuing" else TICKET_HANDLERS

        def view(ticket_id: int, _action: str = action) -> Any:
            return _ticket_action(ticket_id, _action)

        view.__name__ = f"ticket_{action}"
        bp.add_url_rule(
            f"/board/tickets/<int:ticket_id>/{action.replace('_', '-')}",
            endpoint=f"ticket_{action}",
            view_func=page(*roles)(view),
            methods=["POST"],
        )


_register_ticket_actions()


def _refused(actor: Actor, ticket_id: int, exc: RuleViolation, form: str) -> Any:
    from workflows.errors import Conflict

    if isinstance(exc, Conflict):
        flash(f"未能办理：{exc.message}。以下是最新状态。", "error")
        # What was typed stays in its form where the new state still offers it (an interview recorded before
        # its time: the minutes are not lost).
        body, _ = _render_ticket(actor, ticket_id, form=form)
        return body, 409
    if form == "report" and (exc.field or "").startswith("problems_reported["):
        ids = [p.id for p in tickets.problems_of([ticket_id])[ticket_id]]
        at_problem = _report_refusal(exc, ids)
        if at_problem is not None:
            return _render_ticket(actor, ticket_id, at_problem, form)
    field = (exc.field or "_").split("[")[0].split(".")[0]
    return _render_ticket(actor, ticket_id, {field: exc.message, "_": exc.message}, form)


@bp.route("/board/tickets/new", methods=["GET", "POST"], endpoint="ticket_new")
@page(*TICKET_ISSUERS)
def ticket_new() -> Any:
    """Draft a ticket: the problems as pairs of lines (问题 / 整改要求); the draft is issued from its page."""
    actor = _actor()
    errors: dict[str, str] = {}
    if request.method == "POST":
        rows = [
            (n, {"description": d.strip(), "measure": m.strip()})
            for n, (d, m) in enumerate(
                zip(request.form.getlist("problem"), request.form.getlist("measure"), strict=False), start=1
            )
            if d.strip() or m.strip()
        ]
        problems = [p for _, p in rows]
        try:
            _check_problem_rows(rows)
            data = forms.load(
                TicketCreateSchema(),
                integers=("jurisdiction_id", "rectification_workdays"),
                extra={"problems": problems},
            )
            t = tickets.create(actor, data)
        except forms.FormErrors as exc:
            errors = _named(exc.errors)
        except RuleViolation as exc:
            errors = {(exc.field or "_").split("[")[0]: exc.message, "_": exc.message}
        else:
            flash("督办单草稿已保存，请核对后下发", "success")
            return redirect(url_for("console.ticket", ticket_id=t.id))
    # Bodies below mine of a kind that can be supervised (the service re-checks both): one indexed query.
    targets = [
        j
        for j in paginate(jurisdictions.query(actor), 1, TARGETS_SHOWN)[0]
        if j.id != actor.jurisdiction_id and j.kind in tickets.TARGET_KINDS and j.active
    ]
    return (
        render_template(
            "console/supervision/ticket_new.html",
            errors=errors,
            form=request.form,
            targets=targets,
            priorities=PRIORITY_LABELS_ZH,
        ),
        422 if errors else 200,
    )


PROBLEM_LABELS = {"description": "问题", "measure": "整改要求"}


def _check_problem_rows(rows: list[tuple[int, dict[str, str]]]) -> None:
    """Each filled row of the problem list through the API's problem schema, the message naming the row
    as the form numbers it (问题2：整改要求不能为空)."""
    for n, problem in rows:
        for field, messages in ProblemInputSchema().validate(problem).items():
            message = forms.flatten({field: messages})[field]
            label = PROBLEM_LABELS.get(field, field)
            text = f"{label}{message}" if message in _BLANK else f"{label}：{message}"
            raise forms.FormErrors({"problems": f"问题{n}：{text}"})


MOMENT_FORMATS = ("%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S")


def _moment(name: str, required: bool = False) -> dict[str, str]:
    """A `datetime-local` input (`2026-12-08T09:00`, Beijing time; typed as `2026-12-08 09:00` where the browser
    has no picker) in the ISO form the schema reads (no offset: Beijing time). A value in neither form, or a
    missing required one, is refused with the example the form's hint gives."""
    raw = request.form.get(name, "").strip()
    if not raw:
        if required:
            raise forms.FormErrors({name: f"请填写{FIELD_LABELS[name]}，如 {MOMENT_EXAMPLE}"})
        return {}
    for fmt in MOMENT_FORMATS:
        try:
            return {name: datetime.strptime(raw, fmt).isoformat(timespec="minutes")}
        except ValueError:
            continue
    raise forms.FormErrors({name: f"请填写{FIELD_LABELS[name]}，如 {MOMENT_EXAMPLE}"})


def _interview_command(actor: Actor, interview_id: int, action: str) -> None:
    if action == "reschedule":
        interview_ops.reschedule(
            actor, interview_id, forms.load(RescheduleSchema(), extra=_moment("scheduled_at", required=True))
        )
    elif action == "hold":
        data = {k: request.form[k].strip() for k in ("minutes", "new_deadline") if request.form.get(k, "").strip()}
        interview_ops.hold(actor, interview_id, _load(HoldSchema(), {**data, "commitments": _lines("commitments")}))
    elif action == "follow_up":
        interview_ops.follow_up(actor, interview_id, forms.load(FollowUpSchema())["follow_up_note"])
    elif action == "close":
        interview_ops.close(actor, interview_id, forms.load(ReviewCommentSchema()).get("comment"))
    elif action == "cancel":
        interview_ops.cancel(actor, interview_id, forms.load(ReasonRequiredSchema())["reason"])
    else:
        raise ApiError(404)


@bp.route("/board/tickets/<int:ticket_id>/interviews", methods=["POST"], endpoint="interview_new")
@page(*INTERVIEWERS)
def interview_new(ticket_id: int) -> Any:
    """Arrange an interview (约谈) about this ticket."""
    actor = _actor()
    try:
        data = forms.load(InterviewCreateSchema(), extra={"ticket_id": ticket_id, **_moment("scheduled_at")})
        interview_ops.create(actor, data)
    except forms.FormErrors as exc:
        return _render_ticket(actor, ticket_id, _named(exc.errors, "interview_new"), "interview_new")
    except RuleViolation as exc:
        return _refused(actor, ticket_id, exc, "interview_new")
    flash("已安排约谈", "success")
    return redirect(url_for("console.ticket", ticket_id=ticket_id))


@bp.route(
    "/board/tickets/<int:ticket_id>/interviews/<int:interview_id>/<action>",
    methods=["POST"],
    endpoint="interview_action",
)
@page(*INTERVIEWERS)
def interview_action(ticket_id: int, interview_id: int, action: str) -> Response | Any:
    actor = _actor()
    if action not in INTERVIEW_ACTION_LABELS:
        raise ApiError(404)
    interview = interview_ops.get(actor, interview_id)  # 404 out of scope
    if interview.ticket_id != ticket_id:
        raise ApiError(404)
    try:
        _interview_command(actor, interview_id, action)
    except forms.FormErrors as exc:
        named = _named(exc.errors, f"{action}_interview" if action in ("close", "cancel") else action)
        return _render_ticket(actor, ticket_id, named, f"interview_{interview_id}_{action}")
    except RuleViolation as exc:
        return _refused(actor, ticket_id, exc, f"interview_{interview_id}_{action}")
    flash(f"已{INTERVIEW_ACTION_LABELS[action]}", "success")
    return redirect(url_for("console.ticket", ticket_id=ticket_id))
