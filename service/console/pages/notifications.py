"""通知: my notifications, each linking to where I act on it; mark one or all read
(service/operations/engines/notifications.py).

A notification's link goes through /notifications/<id>/open, which marks it read and sends the browser on to
the page of what it is about: the task it names (待办), the case, the ticket, the interview's ticket."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for

from service.auth import Actor
from service.console import counts
from service.console.access import page, safe_next, signed_in_actor
from service.console.blueprint import bp
from service.console.nav import Badge, NavEntry, has_page
from service.console.paging import page_of
from service.errors import NotFound
from service.models import Notification
from service.operations.engines import interviews, notifications

# Where the person acts on a subject: its page's endpoint and the endpoint's argument.
PAGES: dict[str, tuple[str, str]] = {
    "establishment": ("console.case", "case_id"),
    "supervision_ticket": ("console.ticket", "ticket_id"),
    "adjustment": ("console.adjustment", "case_id"),
}
# Subjects shown on another subject's page (an interview on its ticket's page): resolved when opened.
RESOLVED = {"interview"}


def _actor() -> Actor:
    actor = signed_in_actor()
    assert actor is not None  # @page guarantees it
    return actor


def _page_of(subject_type: str | None, subject_id: int | None) -> str | None:
    endpoint = PAGES.get(subject_type or "")
    if endpoint is None or subject_id is None or not has_page(endpoint[0]):
        return None
    args: dict[str, Any] = {endpoint[1]: subject_id}
    return url_for(endpoint[0], **args)


def linked(n: Notification) -> bool:
    """Whether a notification leads somewhere (known without reading anything else)."""
    if n.task_id is not None and has_page("console.task"):
        return True
    return n.subject_id is not None and (
        n.subject_type in RESOLVED or _page_of(n.subject_type, n.subject_id) is not None
    )


def target(actor: Actor, n: Notification) -> str | None:
    """The page where the recipient acts on what the notification is about."""
    if n.task_id is not None and has_page("console.task"):
        return url_for("console.task", task_id=n.task_id)
    if n.subject_type == "interview" and n.subject_id is not None:
        try:
            interview = interviews.get(actor, n.subject_id)
        except NotFound:
            return None
        if interview.ticket_id is not None:
            return _page_of("supervision_ticket", interview.ticket_id)
        return _page_of(interview.subject_type, interview.subject_id)
    return _page_of(n.subject_type, n.subject_id)


NAV = NavEntry("通知", "console.notifications", 80, badge=Badge("unread", counts.unread))


@bp.route("/notifications", endpoint="notifications")
@page()
def notifications_page() -> Any:
    actor = _actor()
    unread_only = request.args.get("unread") == "1"
    listing = page_of(notifications.query(actor, True if unread_only else None))
    return render_template("console/notifications.html", listing=listing, unread_only=unread_only, linked=linked)


@bp.route("/notifications/<int:notification_id>/open", endpoint="notification_open")
@page()
def notification_open(notification_id: int) -> Any:
    """Open a notification: it is marked read, and the browser goes on to the page where I act on it."""
    actor = _actor()
    row = notifications.mark_read(actor, notification_id)  # someone else's: 404
    where = target(actor, row)
    if where is None:
        flash("该通知没有可打开的页面", "info")
        return redirect(url_for("console.notifications"))
    return redirect(where)


@bp.route("/notifications/<int:notification_id>/read", methods=["POST"])
@page()
def notification_read(notification_id: int) -> Any:
    notifications.mark_read(_actor(), notification_id)
    return redirect(safe_next(request.form.get("back")) or url_for("console.notifications"))


@bp.route("/notifications/read-all", methods=["POST"])
@page()
def notifications_read_all() -> Any:
    changed = notifications.mark_all_read(_actor())
    flash(f"已将{changed}条通知标为已读", "success")
    return redirect(url_for("console.notifications"))
