"""已办: what I decided or handled, searchable by unit, workflow and date."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import render_template, request

from service.console.access import page, signed_in_actor
from service.console.blueprint import bp
from service.console.nav import NavEntry
from service.console.paging import PAGE_SIZE, Listing, requested_page
from service.operations.worklists import done


def _date_arg(name: str) -> date | None:
    try:
        return date.fromisoformat(request.args.get(name, ""))
    except ValueError:
        return None


def filters() -> dict[str, Any]:
    """The 已办 filters of the request (the page and its Excel export read the same)."""
    workflow = request.args.get("workflow") or None
    return {
        "workflow": workflow if workflow in done.WORKFLOW_LABELS else None,
        "unit": (request.args.get("unit") or "").strip()[:100] or None,
        "date_from": _date_arg("date_from"),
        "date_to": _date_arg("date_to"),
    }


NAV = NavEntry("已办", "console.done", 30)


# The page of a subject of the other approval workflows: its endpoint and the argument naming it.
SUBJECT_PAGES = {"adjustment": ("console.adjustment", "case_id"), "re_election": ("console.re_election", "request_id")}


@bp.route("/done", endpoint="done")
@page()
def done_page() -> Any:
    actor = signed_in_actor()
    assert actor is not None
    f = filters()
    page_no = requested_page()
    rows, total = done.fetch(done.query(actor, **f), page_no, PAGE_SIZE)
    args = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in f.items() if v}
    return render_template(
        "console/done.html",
        rows=rows,
        listing=Listing(rows, total, page_no, PAGE_SIZE),
        f=f,
        args=args,
        workflows=done.WORKFLOW_LABELS,
        subject_pages=SUBJECT_PAGES,
    )
