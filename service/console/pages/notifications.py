"""通知: my notifications, mark one or all read (service/operations/notifications.py)."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for

from service.console.access import page, safe_next, signed_in_actor
from service.console.blueprint import bp
from service.console.paging import page_of
from service.operations import notifications


@bp.route("/notifications", endpoint="notifications")
@page()
def notifications_page() -> Any:
    actor = signed_in_actor()
    assert actor is not None
    unread_only = request.args.get("unread") == "1"
    listing = page_of(notifications.query(actor, True if unread_only else None))
    return render_template("console/notifications.html", listing=listing, unread_only=unread_only)


@bp.route("/notifications/<int:notification_id>/read", methods=["POST"])
@page()
def notification_read(notification_id: int) -> Any:
    actor = signed_in_actor()
    assert actor is not None
    notifications.mark_read(actor, notification_id)
    return redirect(safe_next(request.form.get("back")) or url_for("console.notifications"))


@bp.route("/notifications/read-all", methods=["POST"])
@page()
def notifications_read_all() -> Any:
    actor = signed_in_actor()
    assert actor is not None
    changed = notifications.mark_all_read(actor)
    flash(f"已将{changed}条通知标为已读", "success")
    return redirect(url_for("console.notifications"))
