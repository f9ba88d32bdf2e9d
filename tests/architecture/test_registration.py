"""Approval workflows register their step handlers explicitly (the app factory calls
`service.operations.registry.register_workflows`), not as a side effect of importing a module."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from flask import Flask

from service.operations.engines import approvals
from tests.support import ROOT
from workflows.registry import APPROVAL_WORKFLOWS, WORKFLOWS


def test_every_approval_workflow_has_a_handler(app: Flask) -> None:
    assert set(APPROVAL_WORKFLOWS) <= set(WORKFLOWS)
    assert approvals.handlers.unregistered_workflows() == []
    for workflow in APPROVAL_WORKFLOWS:
        assert callable(approvals.handlers.HANDLERS[workflow]) and callable(approvals.handlers.SUMMARIES[workflow])


def test_importing_a_workflow_module_registers_nothing_the_factory_registers_all() -> None:
    # A fresh interpreter: this process has registered everything already.
    code = textwrap.dedent(
        """
        from service.operations.engines import approvals, escalation, interviews
        from service.operations.flows.establishment import cases
        from service.operations.flows.supervision import tickets
        from service.operations.registry import register_workflows
        from workflows.registry import APPROVAL_WORKFLOWS, LADDERS
        assert approvals.handlers.HANDLERS == {}, approvals.handlers.HANDLERS
        assert escalation.ITEM_TYPES == {} and interviews.SUBJECTS == {}
        assert approvals.handlers.unregistered_workflows() == list(APPROVAL_WORKFLOWS)
        register_workflows()
        assert approvals.handlers.unregistered_workflows() == []
        assert set(escalation.ITEM_TYPES) == {ladder.item_type for ladder in LADDERS}  # every declared ladder
        assert {"supervision_ticket", "approval_task", "establishment"} < set(escalation.ITEM_TYPES)
        assert set(interviews.SUBJECTS) == {"supervision_ticket", "establishment"}
        """
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
