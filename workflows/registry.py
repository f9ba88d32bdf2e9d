"""Every workflow definition the service runs, by name."""

from __future__ import annotations

from workflows.establishment import ESTABLISHMENT
from workflows.machine import WorkflowDefinition

WORKFLOWS: dict[str, WorkflowDefinition] = {d.name: d for d in (ESTABLISHMENT,)}
