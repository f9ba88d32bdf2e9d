"""The workflow kit: each workflow is declared once (workflows/, WorkflowDefinition) and the service reads
the declaration. A registered workflow lacking a part fails here: its audit subject, its webhook events, its
escalation ladder and registered item type, its approval handler, its place in GET /api/v1/workflows.
And the events a workflow declares are really published."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from schemas.audit import SUBJECT_TYPES
from service.extensions import db
from service.models import WebhookDelivery
from service.operations import approvals, escalation, interviews
from service.vocab import WEBHOOK_EVENTS
from tests.conftest import Api
from tests.flows.helpers import founded_branch
from tests.notify.conftest import register
from workflows.machine import WorkflowDefinition
from workflows.registry import APPROVAL_WORKFLOWS, WORKFLOWS

DECLARED = sorted(WORKFLOWS.values(), key=lambda d: d.name)


@pytest.mark.parametrize("definition", DECLARED, ids=lambda d: d.name)
def test_every_workflow_has_every_part(app: Flask, definition: WorkflowDefinition) -> None:
    assert definition.subject_type in SUBJECT_TYPES
    assert set(definition.webhook_events) <= set(WEBHOOK_EVENTS)
    if definition.escalation_item:
        assert app.config["SETTINGS"].escalation.ladder_for(definition.escalation_item).steps
        kind = escalation.ITEM_TYPES[definition.escalation_item]
        assert kind.model.__tablename__  # a persisted row carries the plan
    if definition.runs_approvals:
        assert definition.name in APPROVAL_WORKFLOWS
        assert definition.name not in approvals.unregistered_workflows()


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
