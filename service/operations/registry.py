"""The workflows the service runs, wired into the engines once, explicitly.

The engines (`service.operations.engines`: approvals, escalation, interviews, audit, notifications, webhooks…)
never import a workflow's service side (checked by import-linter in `make lint`); each workflow's service side
lives in its own package under `service.operations.flows`, imports the engines it uses and registers with them
in its `register()`. A workflow's modules are found, not listed: a module under `service.operations.flows`
naming a declared workflow (`WORKFLOW = <definition>.name`); the ones defining `register()` are registered.
The app factory calls `register_workflows()` once per process (web, worker, scheduler), so nothing depends on
which module happened to be imported first."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from types import ModuleType

import service.operations.flows
from service import roles
from service.documents.kinds import DocumentKind
from service.operations.engines import approvals, attachments, documents, escalation, interviews
from service.operations.reports import circulars
from workflows.registry import WORKFLOWS


@cache
def _flow_modules() -> tuple[ModuleType, ...]:
    """Every module under service.operations.flows that names a declared workflow, in module-name order."""
    found = []
    for info in sorted(
        pkgutil.walk_packages(service.operations.flows.__path__, "service.operations.flows."), key=lambda i: i.name
    ):
        if info.ispkg:
            continue
        module = importlib.import_module(info.name)
        if getattr(module, "WORKFLOW", None) in WORKFLOWS:
            found.append(module)
    return tuple(found)


# The service side of each workflow that registers with the engines, in module-name order.
WORKFLOW_MODULES = tuple(m for m in _flow_modules() if callable(getattr(m, "register", None)))


def workflow_side_modules() -> list[str]:
    """Dotted names of the workflow modules that register nothing (e.g. the ticket board, a read side)."""
    return sorted(m.__name__ for m in _flow_modules() if m not in WORKFLOW_MODULES)


def service_module(workflow: str) -> ModuleType | None:
    """The module of a workflow that registers it (interviews are an engine and a workflow at once: theirs is
    the engine's module)."""
    for module in (*WORKFLOW_MODULES, interviews):
        if getattr(module, "WORKFLOW", None) == workflow:
            return module
    return None


def register_workflows() -> None:
    """Register every workflow with the engines; idempotent. Fails at start-up if an approval workflow
    (workflows.registry.APPROVAL_WORKFLOWS) has no step handler or a ladder's effect is not implemented."""
    approvals.overdue.register_escalation()
    for module in WORKFLOW_MODULES:
        module.register()
    # Interviews are an engine and a workflow at once, with no register() of their own.
    documents.register_subject(DocumentKind.interview_notice, interviews.get)
    attachments.register_subject(
        attachments.Subject(
            interviews.WORKFLOW,
            interviews.get,
            interviews.ATTACHMENT_KINDS,
            roles.INTERVIEW_ATTACHMENT_WRITERS,
            roles.SUPERVISION_READERS,
            interviews.require_interviewer_side,
        )
    )
    # A circular's 通报 is numbered when the circular is issued.
    circulars.on_issue("document", lambda actor, c: documents.issue_for(actor, DocumentKind.circular, c))
    missing = approvals.handlers.unregistered_workflows()
    if missing:
        raise RuntimeError(f"approval workflows without a handler: {', '.join(missing)}")
    unregistered = [
        d.escalation_item for d in WORKFLOWS.values() if d.escalation_item not in (None, *escalation.ITEM_TYPES)
    ]
    if unregistered:
        raise RuntimeError(f"declared escalation ladders without a registered item type: {unregistered}")
