"""Every workflow definition the service runs, by name."""

from __future__ import annotations

from workflows.establishment import ESTABLISHMENT
from workflows.interview import INTERVIEW
from workflows.machine import WorkflowDefinition
from workflows.supervision import SUPERVISION_TICKET

WORKFLOWS: dict[str, WorkflowDefinition] = {d.name: d for d in (ESTABLISHMENT, SUPERVISION_TICKET, INTERVIEW)}

# Workflows whose cases go through the approval engine (tasks, routes, the approval inbox).
APPROVAL_WORKFLOWS: tuple[str, ...] = (ESTABLISHMENT.name,)
