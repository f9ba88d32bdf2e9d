"""Downloads of the worklists and the import template: 待办 and 已办 as .xlsx with the pages' own filters, scope
and order (at most CONSOLE_EXPORT_MAX_ROWS rows), and the ledger import template."""

from __future__ import annotations

from datetime import date
from typing import Any

from werkzeug.wrappers import Response

from service import config_cache
from service.api.downloads import attachment
from service.api.presenters import tasks_view
from service.api.spreadsheets import send_xlsx
from service.clock import CHINA, now, today
from service.console.access import page
from service.console.blueprint import bp
from service.console.pages import done as done_page
from service.console.pages import inbox as inbox_page
from service.console.pages.search import actor_name, export_limit, signed_in
from service.exports import worklists
from service.exports.import_template import template_workbook
from service.operations.flows.supervision import ticket_board
from service.operations.reference import jurisdictions, users
from service.operations.worklists import done, inbox, search
from service.roles import INBOX_USERS, TICKET_HANDLERS, UNIT_WRITERS
from service.spreadsheets.writer import XLSX_MIMETYPE
from workflows.supervision import SUPERVISION_TICKET, tracked_deadline

LIGHT_LABELS = dict(inbox_page.LIGHT_CHOICES)


def _note(title: str, filters: list[tuple[str, str]], rows: int, limit: int, truncated: bool) -> worklists.ExportNote:
    return worklists.ExportNote(title, actor_name(), now(), filters, rows, limit, truncated)


@bp.route("/inbox/export.xlsx", endpoint="inbox_export")
@page(*INBOX_USERS)
def inbox_export() -> Response:
    """待办 as on the page: an approver's open tasks (a body outside scope: 404, as on the page), or the
    tickets waiting for a handler's own body."""
    actor = signed_in()
    f = inbox_page._filters()
    limit = export_limit()
    if actor.role in TICKET_HANDLERS:
        if f["body"] is not None:
            jurisdictions.get(actor, f["body"])  # as the page: a body outside my scope is 404
        stmt = ticket_board.inbox_query(actor)
        if f["light"]:
            on = today()
            stmt = stmt.where(ticket_board.light_condition(f["light"], on, ticket_board.first_green_day(on)))
        tickets, truncated = search.capped(stmt, limit, entities=True)
        deadlines = [
            tracked_deadline(t.state, t.acknowledge_by, t.rectify_by) if t.acknowledge_by and t.rectify_by else None
            for t in tickets
        ]
        places = config_cache.places()
        rows: list[dict[str, Any]] = [
            {
                "light": light,
                "id": t.id,
                "title": t.title,
                "issuing_body_name": places[t.issuing_body_id].name if t.issuing_body_id in places else "",
                "pending": ticket_board.pending_action(t)[1],
                "deadline": d,
                "state_label": SUPERVISION_TICKET.state_label(t.state),
                "responsible_person": t.responsible_person,
                "issued_on": t.issued_on,
            }
            for t, d, light in zip(
                tickets, deadlines, inbox.lights(deadlines, ticket_board.first_green_day()), strict=True
            )
        ]
        filters = [("预警", LIGHT_LABELS[f["light"]])] if f["light"] else []
        note = _note("待办（本单位承办的督办单）", filters, len(rows), limit, truncated)
        return send_xlsx(worklists.workbook("待办", worklists.TICKET_INBOX_COLUMNS, rows, note), "待办", "inbox")
    stmt = inbox.task_query(actor, f["workflow"], f["body"], f["light"])  # a body outside scope: 404
    tasks, truncated = search.capped(stmt, limit, entities=True)
    views = tasks_view(tasks)
    people = users.display_names(t.assignee_id for t in tasks)
    rows = []
    for view, light in zip(views, inbox.lights([t.due_on for t in tasks]), strict=True):
        summary, step = view["summary"], view["step"]
        unclaimed = view["offered_to_group"] and not view["assignee_id"]
        rows.append(
            {
                "light": light,
                "title": summary.get("title", ""),
                "workflow_label": inbox_page.WORKFLOW_LABELS.get(view["workflow"], view["workflow"]),
                "jurisdiction": summary.get("jurisdiction", ""),
                "step": f"{step['body']['name']} · {step['mode_label']}",
                "due_on": view["due_on"],
                "status_label": "待认领" if unclaimed else "我的待办",
                "assignee": people.get(view["assignee_id"], "") if view["assignee_id"] else "",
            }
        )
    filters = []
    if f["workflow"]:
        filters.append(("业务", inbox_page.WORKFLOW_LABELS.get(f["workflow"], f["workflow"])))
    if f["body"] is not None:
        filters.append(("申请单位所属", config_cache.places()[f["body"]].name))
    if f["light"]:
        filters.append(("预警", LIGHT_LABELS[f["light"]]))
    note = _note("待办（审批任务）", filters, len(rows), limit, truncated)
    return send_xlsx(worklists.workbook("待办", worklists.TASK_COLUMNS, rows, note), "待办", "inbox")


@bp.route("/done/export.xlsx", endpoint="done_export")
@page()
def done_export() -> Response:
    """已办 as on the page (what I decided or handled), with the page's filters."""
    actor = signed_in()
    f = done_page.filters()
    limit = export_limit()
    found, truncated = search.capped(done.query(actor, **f), limit)
    me = actor_name()
    rows = []
    for r in (done.present(row) for row in found):
        moment = r["at"].astimezone(CHINA)
        rows.append({**r, "day": moment.date(), "time": moment.strftime("%H:%M"), "person": me})
    labels = {"workflow": "业务", "unit": "单位名称或信用代码", "date_from": "起始日期", "date_to": "截止日期"}
    filters = [
        (
            labels[k],
            done.WORKFLOW_LABELS[v] if k == "workflow" else v.isoformat() if isinstance(v, date) else str(v),
        )
        for k, v in f.items()
        if v
    ]
    note = _note("已办", filters, len(rows), limit, truncated)
    return send_xlsx(worklists.workbook("已办", worklists.DONE_COLUMNS, rows, note), "已办", "done")


@bp.route("/coverage/imports/template.xlsx", endpoint="coverage_import_template")
@page(*UNIT_WRITERS)
def import_template() -> Response:
    """The import template: the importer's header row, an example under my own jurisdiction, notes."""
    actor = signed_in()
    assert actor.jurisdiction_id is not None  # a console user always has one
    code = config_cache.place(actor.jurisdiction_id).code
    return attachment(template_workbook(code), XLSX_MIMETYPE, "台账导入模板.xlsx", "ledger-import-template.xlsx")
