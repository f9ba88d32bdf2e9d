"""The workflow kit: each workflow is declared once (workflows/, WorkflowDefinition) and the service reads
the declaration. A registered workflow lacking a part fails here: its audit subject, its webhook events, its
escalation ladder (declared, in the settings, registered with every effect), its labels, its service module,
its API blueprint with schema'd answers, its access-matrix rows, its approval handler, its place in
GET /api/v1/workflows.
And the events a workflow declares are really published."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from schemas.audit import SUBJECT_TYPES
from service.extensions import db
from service.models import WebhookDelivery
from service.operations.engines import approvals, escalation, interviews
from service.operations.registry import service_module
from service.vocab import WEBHOOK_EVENTS
from tests.api.test_access import IGNORED_METHODS, MATRIX, api_rules
from tests.support.access import rows_path, workflow_rows
from tests.support.access.matrix import CASES, Row
from tests.support.establishment import founded_branch
from tests.support.webhooks import register
from tests.support.world import Api
from workflows.deadlines import EscalationLadder, Rung
from workflows.machine import StateDef, TransitionDef, WorkflowDefinition
from workflows.registry import APPROVAL_WORKFLOWS, LADDERS, WORKFLOWS

DECLARED = sorted(WORKFLOWS.values(), key=lambda d: d.name)


CJK = re.compile(r"[\u4e00-\u9fff]")


def missing_parts(app: Flask, d: WorkflowDefinition) -> list[str]:
    """What a declared workflow lacks: audit subject, webhook events, ladder (declared, configured, registered,
    every effect implemented), labels, service module, API blueprint, schema'd responses, access rows."""
    missing: list[str] = []
    if d.subject_type not in SUBJECT_TYPES:
        missing.append("audit subject")
    if not set(d.webhook_events) <= set(WEBHOOK_EVENTS):
        missing.append("webhook events")
    if d.escalation is not None:
        kind = escalation.ITEM_TYPES.get(d.escalation.item_type)
        ladder = app.config["SETTINGS"].escalation.items.get(d.escalation.item_type)
        if kind is None or ladder is None or not ladder.ladder().steps or escalation.missing_effects(kind):
            missing.append("ladder")
        elif not getattr(kind.model, "__tablename__", None):
            missing.append("ladder (a persisted row carries the plan)")
    labels = [d.label_zh, *(s.label_zh for s in d.states), *(t.label_zh for t in d.transitions)]
    if d.escalation is not None:
        labels += [step.label_zh for step in d.escalation.defaults().ladder().steps]
    if not all(CJK.search(label) for label in labels):
        missing.append("labels")
    if d.runs_approvals and (d.name not in APPROVAL_WORKFLOWS or d.name in approvals.handlers.unregistered_workflows()):
        missing.append("approval handler")
    if service_module(d.name) is None:
        missing.append("service module")
    blueprints = [b for b in app.blueprints.values() if getattr(b, "workflow", None) == d.name]
    if not blueprints:
        missing.append("API blueprint")
        return missing
    missing += access_row_problems(app, d.name, workflow_rows().get(d.name, []))
    prefixes = tuple(b.url_prefix or "" for b in blueprints)
    # Every answer under the workflow's prefixes has a schema, its blueprint's and those of the documents and
    # exports served there.
    rules = {(m, r) for m, r in api_rules(app) if r.startswith(prefixes)} | served_rules(app, d.name)
    paths = app.test_client().get("/api/openapi.json").json["paths"]
    for method, rule in rules:
        path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule)
        responses = paths.get(path, {}).get(method.lower(), {}).get("responses", {})
        if not any(code.startswith("2") and "content" in r for code, r in responses.items()):
            missing.append(f"schema ({method} {rule})")
    return missing


def served_rules(app: Flask, workflow: str) -> set[tuple[str, str]]:
    """(method, rule) of every endpoint the workflow's own blueprints serve: by endpoint, not by URL (a document
    or an export under the workflow's prefix belongs to the documents or spreadsheet blueprint)."""
    names = {b.name for b in app.blueprints.values() if getattr(b, "workflow", None) == workflow}
    return {
        (method, rule.rule)
        for rule in app.url_map.iter_rules()
        if rule.endpoint.rpartition(".")[0] in names
        for method in (rule.methods or set()) - IGNORED_METHODS
    }


def access_row_problems(app: Flask, workflow: str, rows: list[Row]) -> list[str]:
    """The workflow's rows (tests/<folder>/access_<workflow>.py) must be exactly those of the endpoints its blueprints
    serve: a row kept in the matrix, or in another module, is missing here."""
    served, keys = served_rules(app, workflow), {row.key for row in rows}
    problems = []
    if missing := served - keys:
        problems.append(f"access rows (missing from {rows_path(workflow)}: {sorted(missing)})")
    if stray := keys - served:
        problems.append(f"access rows (in {rows_path(workflow)}, not its endpoints: {sorted(stray)})")
    return problems


@pytest.mark.parametrize("definition", DECLARED, ids=lambda d: d.name)
def test_every_workflow_has_every_part(app: Flask, definition: WorkflowDefinition) -> None:
    assert missing_parts(app, definition) == []
    if definition.runs_approvals:
        assert definition.name in APPROVAL_WORKFLOWS


def test_a_workflow_lacking_its_parts_is_caught(app: Flask) -> None:
    """The check itself: a declaration nothing else knows about lacks every part."""
    bare = WorkflowDefinition(
        name="annual_review",
        label_zh="年度述职",
        states=[StateDef("due", "待述职"), StateDef("done", "已述职", terminal=True)],
        transitions=[TransitionDef("hold", ("due",), "done", "召开述职会")],
        initial="due",
        webhook_events=("annual_review.held",),
        escalation=EscalationLadder("annual_review", (Rung("reminder", 0, "notify"),)),
    )
    assert missing_parts(app, bare) == [
        "audit subject",
        "webhook events",
        "ladder",
        "service module",
        "API blueprint",
    ]


def test_a_workflow_row_kept_elsewhere_is_caught(app: Flask) -> None:
    """The access-row check itself: a row missing from the workflow's module (e.g. left in the matrix) and a row
    for an endpoint the workflow's blueprint does not serve (the reply document lives under its prefix but is
    the documents blueprint's) are both named."""
    rows = workflow_rows()["establishment"]
    assert access_row_problems(app, "establishment", rows) == []
    listing = next(row for row in rows if row.key == ("GET", CASES))
    left_out = [row for row in rows if row is not listing]
    assert access_row_problems(app, "establishment", left_out) == [
        f"access rows (missing from tests/establishment/access_establishment.py: {[listing.key]})"
    ]
    reply = next(row for row in MATRIX if row.rule == f"{CASES}/<int:case_id>/reply.docx")
    assert access_row_problems(app, "establishment", [*rows, reply]) == [
        f"access rows (in tests/establishment/access_establishment.py, not its endpoints: {[reply.key]})"
    ]


def test_every_declared_ladder_is_in_force(app: Flask) -> None:
    """Settings know exactly the declared ladders (the approval engine's and each workflow's)."""
    assert set(app.config["SETTINGS"].escalation.items) == {ladder.item_type for ladder in LADDERS}


def test_the_engines_know_only_what_was_registered(app: Flask) -> None:
    declared_items = {d.escalation_item for d in WORKFLOWS.values() if d.escalation_item}
    # approval_task: the approval engine's own overdue steps.
    assert set(escalation.ITEM_TYPES) == declared_items | {"approval_task"}
    assert set(interviews.SUBJECTS) <= set(WORKFLOWS)
    assert set(APPROVAL_WORKFLOWS) == {d.name for d in WORKFLOWS.values() if d.runs_approvals}


def test_the_workflows_endpoint_lists_every_declaration(api: Api) -> None:
    listed = api.get("/api/v1/workflows", as_="portal@east").json
    names = {w["name"] for w in (listed if isinstance(listed, list) else listed["items"])}
    assert names == set(WORKFLOWS)


def test_declared_establishment_events_are_published(app: Flask, api: Api) -> None:
    register(api, "admin@city", "https://portal.example.org/hooks", ["*"])
    case = founded_branch(api)
    with app.app_context():
        events = list(
            db.session.execute(select(WebhookDelivery.event, WebhookDelivery.payload).order_by(WebhookDelivery.id))
        )
    seen: dict[str, Any] = dict(events)
    assert {"task.assigned", "establishment.approved", "establishment.founded"} <= set(seen)
    founded = seen["establishment.founded"]
    assert founded["data"]["id"] == case["id"] and founded["data"]["party_org_id"] == case["party_org_id"]
    assert seen["establishment.approved"]["data"]["approval_doc_no"]
