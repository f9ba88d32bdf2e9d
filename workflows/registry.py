"""Every workflow definition the service runs, by name."""

from __future__ import annotations

from workflows.establishment import ESTABLISHMENT
from workflows.interview import INTERVIEW
from workflows.machine import WorkflowDefinition
from workflows.supervision import SUPERVISION_TICKET

WORKFLOWS: dict[str, WorkflowDefinition] = {d.name: d for d in (ESTABLISHMENT, SUPERVISION_TICKET, INTERVIEW)}

# Read from the declarations (the workflow kit), never kept by hand:
# workflows whose cases go through the approval engine (tasks, routes, the approval inbox),
APPROVAL_WORKFLOWS: tuple[str, ...] = tuple(d.name for d in WORKFLOWS.values() if d.runs_approvals)
# the events workflows publish to webhooks,
WORKFLOW_EVENTS: tuple[str, ...] = tuple(e for d in WORKFLOWS.values() for e in d.webhook_events)
# and the audit subjects their rows are recorded under.
WORKFLOW_SUBJECTS: tuple[str, ...] = tuple(d.subject_type for d in WORKFLOWS.values())
