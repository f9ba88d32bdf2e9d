"""待阅 and 抄送: my copies to read (service/operations/engines/copies.py), each opening its subject as it is now;
the 抄送 form on the case and ticket pages (the partial console/_copy.html reads `copy_panel(kind, id)`, a
template global), which re-renders the page with the refusal and what was typed."""

from __future__ import annotations

from typing import Any

from flask import flash, g, redirect, render_template, request, url_for

from schemas.copies import CopyRequestSchema
from service.auth import Actor
from service.console import counts, forms
from service.console.access import page, safe_next, signed_in_actor
from service.console.blueprint import bp
from service.console.nav import Badge, NavEntry, has_page
from service.console.pages import inbox as inbox_pages
from service.console.pages import supervision as ticket_pages
from service.console.paging import page_of
from service.operations.engines import copies
from service.roles import CASE_COPIERS, TICKET_COPIERS
from workflows.errors import RuleViolation

NAV = NavEntry("待阅", "console.copies", 85, badge=Badge("copies", counts.copies_unread))

# The console's names for the subjects the partial is included with, and their copy subjects.
KINDS = {"case": "establishment", "ticket": "supervision_ticket"}


def _actor() -> Actor:
    actor = signed_in_actor()
    assert actor is not None  # @page guarantees it
    return actor


def _subject_url(listed: copies.Listed) -> str | None:
    if listed.page is None or listed.gone or not has_page(listed.page[0]):
        return None
    args: dict[str, Any] = {listed.page[1]: listed.copy.subject_id}
    return url_for(listed.page[0], **args)


@bp.route("/copies", endpoint="copies")
@page()
def copies_page() -> Any:
    actor = _actor()
    unread_only = request.args.get("unread") == "1"
    listing = page_of(copies.query(actor, True if unread_only else None))
    rows = copies.present(listing.items)
    return render_template(
        "console/copies.html", listing=listing, rows=rows, unread_only=unread_only, subject_url=_subject_url
    )


@bp.route("/copies/<int:copy_id>/open", endpoint="copy_open")
@page()
def copy_open(copy_id: int) -> Any:
    """Open a copy: it is marked read, and the browser goes on to its subject's page (as it is now)."""
    row = copies.mark_read(_actor(), copy_id)  # someone else's: 404
    where = _subject_url(copies.present([row])[0])
    if where is None:
        flash("该事项已不存在或无法打开", "info")
        return redirect(url_for("console.copies"))
    return redirect(where)


@bp.route("/copies/<int:copy_id>/read", methods=["POST"], endpoint="copy_read")
@page()
def copy_read(copy_id: int) -> Any:
    copies.mark_read(_actor(), copy_id)
    return redirect(safe_next(request.form.get("back")) or url_for("console.copies"))


# -- 抄送 from the case and ticket pages ------------------------------------------------------------------------


def _posted_ids() -> list[Any]:
    out: list[Any] = []
    for raw in request.form.getlist("user_ids"):
        raw = raw.strip()
        out.append(int(raw) if raw.isdigit() and len(raw) < 10 else raw)
    return out


def _copy(kind: str, ident: int) -> tuple[copies.Copied | None, int]:
    """Copy from a posted form; a refusal is remembered for the partial (it shows it and keeps what was typed)."""
    try:
        data = forms.load(CopyRequestSchema(), extra={"user_ids": _posted_ids()})
        return copies.copy(_actor(), KINDS[kind], ident, data["user_ids"], data.get("note")), 200
    except forms.FormErrors as exc:
        g.copy_refusal = {"key": (kind, ident), "errors": exc.errors}
    except RuleViolation as exc:
        g.copy_refusal = {"key": (kind, ident), "errors": {(exc.field or "_"): exc.message}}
    return None, 422


def _flash(done: copies.Copied) -> None:
    if done.created:
        flash(f"已抄送{done.created}人", "success")
    else:
        flash("所选人员已收到该事项的抄送，尚未阅读，未重复抄送", "info")


@bp.route("/cases/<int:case_id>/copies", methods=["POST"], endpoint="case_copy")
@page(*CASE_COPIERS)
def case_copy(case_id: int) -> Any:
    done, status = _copy("case", case_id)
    if done is None:
        body, _ = inbox_pages._render_case(_actor(), case_id, None)
        return body, status
    _flash(done)
    return redirect(url_for("console.case", case_id=case_id))


@bp.route("/board/tickets/<int:ticket_id>/copies", methods=["POST"], endpoint="ticket_copy")
@page(*TICKET_COPIERS)
def ticket_copy(ticket_id: int) -> Any:
    done, status = _copy("ticket", ticket_id)
    if done is None:
        body, _ = ticket_pages._render_ticket(_actor(), ticket_id)
        return body, status
    _flash(done)
    return redirect(url_for("console.ticket", ticket_id=ticket_id))


@bp.app_template_global()
def copy_panel(kind: str, ident: int) -> dict[str, Any] | None:
    """What the 抄送 partial shows on a case or ticket page: nothing to a role that may not copy it; else the
    people it may go to (by display name, with their body), and after a refusal its messages and what was
    typed (the chosen people, the note)."""
    actor = signed_in_actor()
    subject_type = KINDS.get(kind)
    if actor is None or subject_type is None or actor.role not in copies.subject(subject_type).copiers:
        return None
    refusal: dict[str, Any] | None = getattr(g, "copy_refusal", None)
    refused = refusal is not None and refusal["key"] == (kind, ident)
    args: dict[str, Any] = {f"{kind}_id": ident}
    return {
        "action": url_for(f"console.{kind}_copy", **args),
        "people": copies.candidates(actor, subject_type, ident),
        "errors": refusal["errors"] if refusal is not None and refused else {},
        "chosen": {str(v) for v in request.form.getlist("user_ids")} if refused else set(),
        "note": request.form.get("note", "") if refused else "",
    }
