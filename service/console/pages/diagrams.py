"""流程图: every workflow's state diagram, and the template helpers that draw one on any page
(`{% from "console/diagram.html" import diagram %}`), plus small filters the 督办 and 管理 pages use."""

from __future__ import annotations

from typing import Any

from flask import render_template
from markupsafe import Markup

from service.console.access import page
from service.console.blueprint import bp
from service.operations.engines import diagrams
from workflows.registry import WORKFLOWS
from workflows.supervision import SUPERVISION_TICKET


@bp.app_template_global("workflow_diagram")
def workflow_diagram(
    workflow: str, current: str | None = None, trail: diagrams.Trail | None = None, subject_id: int | None = None
) -> Markup:
    """`subject_id` without `trail`: the path and the actions are read from that subject's audit trail
    (diagrams.trail_of). Only for a subject the page has loaded through its scoped getter already."""
    if trail is None and subject_id is not None:
        trail = diagrams.trail_of(workflow, subject_id)
    trail = trail or diagrams.Trail()
    return diagrams.svg(workflow, current, trail.path, trail.marks)


@bp.app_template_filter("percent")
def percent(ratio: float | None) -> str:
    """A rate in [0, 1] as a percentage; no denominator shows a dash, never 0% or 100%."""
    return "—" if ratio is None else f"{ratio * 100:.1f}%"


@bp.app_template_filter("ticket_state")
def ticket_state(state: str) -> str:
    return SUPERVISION_TICKET.state_label(state)


@bp.route("/workflows", endpoint="workflows")
@page()
def workflows_page() -> Any:
    return render_template("console/workflows.html", workflows=list(WORKFLOWS.values()))
