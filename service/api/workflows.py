"""Workflow descriptions and state diagrams."""

from __future__ import annotations

from typing import Any

from flask import Response
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from service.api.docs import errors
from service.errors import NotFound
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
