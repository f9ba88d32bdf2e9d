"""Every workflow definition the service runs, by name: found, not listed.

A module of the `workflows` package that holds a `WorkflowDefinition` at module level declares a workflow;
this module imports each one (in name order) and collects them, so a new workflow is a new module and
nothing here changes. Everything below is read from the declarations, never kept by hand."""

from __future__ import annotations

import importlib
import pkgutil

import workflows
from workflows.approval import APPROVAL_TASK_LADDER
from workflows.deadlines import EscalationLadder
from workflows.machine import WorkflowDefinition


def _discover() -> dict[str, WorkflowDefinition]:
    found: dict[str, WorkflowDefinition] = {}
    for info in sorted(pkgutil.iter_modules(workflows.__path__), key=lambda i: i.name):
        if info.name == "registry":
            continue
        module = importlib.import_module(f"workflows.{info.name}")
        for value in vars(module).values():
            if isinstance(value, WorkflowDefinition) and value.__class__ is WorkflowDefinition:
                other = found.setdefault(value.name, value)
                if other is not value:
                    raise ValueError(f"two workflows named {value.name!r}")
    return found


WORKFLOWS: dict[str, WorkflowDefinition] = _discover()

# Workflows whose cases go through the approval engine (tasks, routes, the approval inbox),
APPROVAL_WORKFLOWS: tuple[str, ...] = tuple(d.name for d in WORKFLOWS.values() if d.runs_approvals)
# the events workflows publish to webhooks,
WORKFLOW_EVENTS: tuple[str, ...] = tuple(e for d in WORKFLOWS.values() for e in d.webhook_events)
# the audit subjects their rows are recorded under,
WORKFLOW_SUBJECTS: tuple[str, ...] = tuple(d.subject_type for d in WORKFLOWS.values())
# and every escalation ladder: the approval engine's own (overdue steps), then each workflow's.
LADDERS: tuple[EscalationLadder, ...] = (
    APPROVAL_TASK_LADDER,
    *(d.escalation for d in WORKFLOWS.values() if d.escalation is not None),
)
