"""Workflow descriptions and state diagrams."""

from __future__ import annotations

from typing import Any

from flask import Response
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from schemas.diagrams import DiagramArgsSchema
from service.api.docs import errors
from service.errors import ApiError, NotFound
from workflows.diagram import render_svg
from workflows.registry import WORKFLOWS

blp = Blueprint(
    "workflows",
    __name__,
    url_prefix="/api/v1/workflows",
    description="Workflows: states, transitions, Chinese labels, diagrams",
)


class WorkflowSchema(Schema):
    name = fields.String()
    label = fields.String()
    initial = fields.String()
    states = fields.List(fields.Dict())
    transitions = fields.List(fields.Dict())


def _definition(name: str) -> Any:
    if name not in WORKFLOWS:
        raise NotFound("没有这个工作流")
    return WORKFLOWS[name]


@blp.route("")
@blp.response(200, WorkflowSchema(many=True))
@errors(blp)
def list_workflows() -> Any:
    return [d.describe() for d in WORKFLOWS.values()]


@blp.route("/<name>")
@blp.response(200, WorkflowSchema)
@errors(blp, 404)
def get_workflow(name: str) -> Any:
    return _definition(name).describe()


@blp.route("/<name>/diagram")
@blp.response(
    200, description="Mermaid stateDiagram text (render with any Mermaid viewer)", content_type="text/vnd.mermaid"
)
@errors(blp, 404)
def diagram(name: str) -> Any:
    """The state diagram as Mermaid text; built once per process, off the request path after that."""
    return Response(_definition(name).mermaid(), mimetype="text/vnd.mermaid")


@blp.route("/<name>/diagram.svg")
@blp.arguments(DiagramArgsSchema, location="query", as_kwargs=True)
@blp.response(
    200,
    {"type": "string"},
    description="The state diagram as SVG (Chinese labels; `current` highlighted). Drawn by the service, no "
    "external renderer or host needed",
    content_type="image/svg+xml",
)
@errors(blp, 404, 422)
def diagram_svg(name: str, current: str | None = None) -> Any:
    """The state diagram as a self-contained SVG image, optionally with one state highlighted."""
    definition = _definition(name)
    if current is not None and current not in {s.name for s in definition.states}:
        raise ApiError(422, errors={"query": {"current": [f"工作流「{definition.label_zh}」没有状态「{current}」"]}})
    response = Response(render_svg(definition, current), mimetype="image/svg+xml")
    response.headers["Cache-Control"] = "public, max-age=3600"  # the diagram changes only with a release
    return response
