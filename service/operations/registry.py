"""The workflows the service runs, wired into the engines once, explicitly.

The engines (approvals, escalation, interviews, audit, notifications, webhooks) never import a workflow
module; each workflow module imports the engines it uses and registers with them in its `register()`.
The app factory calls `register_workflows()` once per process (web, worker, scheduler), so nothing
depends on which module happened to be imported first."""

from __future__ import annotations

from service.documents.kinds import DocumentKind
from service.operations import approvals, documents, escalation, establishment, supervision

# The service side of each workflow, in registration order.
WORKFLOW_MODULES = (establishment, supervision)


def register_workflows() -> None:
    """Register every workflow with the engines; idempotent. Fails at start-up if an approval workflow
    (workflows.registry.APPROVAL_WORKFLOWS) has no step handler."""
    approvals.register_escalation()
    for module in WORKFLOW_MODULES:
        module.register()
    # Official documents load their subjects through the workflows' own scoped reads.
    documents.register_subject(DocumentKind.supervision_ticket, supervision.get)
    documents.register_subject(DocumentKind.approval_reply, establishment.get)
    missing = approvals.unregistered_workflows()
    if missing:
        raise RuntimeError(f"approval workflows without a handler: {', '.join(missing)}")
    assert escalation.ITEM_TYPES, "no escalating item type registered"
