"""The workflows the service runs, wired into the engines once, explicitly.

The engines (approvals, escalation, interviews, audit, notifications, webhooks) never import a workflow
module; each workflow module imports the engines it uses and registers with them in its `register()`.
A workflow's service module is found, not listed: a module of `service.operations` naming a declared
workflow (`WORKFLOW = <definition>.name`) and defining `register()`. The app factory calls
`register_workflows()` once per process (web, worker, scheduler), so nothing depends on which module
happened to be imported first."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import service.operations
from service.documents.kinds import DocumentKind
from service.operations import approvals, circulars, documents, escalation, interviews
from workflows.registry import WORKFLOWS


def _discover() -> tuple[ModuleType, ...]:
    found = []
    for info in sorted(pkgutil.iter_modules(service.operations.__path__), key=lambda i: i.name):
        if info.name == "registry":
            continue
        module = importlib.import_module(f"service.operations.{info.name}")
        if getattr(module, "WORKFLOW", None) in WORKFLOWS and callable(getattr(module, "register", None)):
            found.append(module)
    return tuple(found)


# The service side of each workflow that registers with the engines, in name order.
WORKFLOW_MODULES = _discover()


def workflow_side_modules() -> list[str]:
    """Names of the modules that belong to a workflow and register nothing (e.g. supervision_board, its read
    side): `WORKFLOW` names a declared workflow but there is no `register()`. Engines may not import them."""
    registering = {m.__name__ for m in WORKFLOW_MODULES}
    out = []
    for info in pkgutil.iter_modules(service.operations.__path__):
        module = importlib.import_module(f"service.operations.{info.name}")
        if getattr(module, "WORKFLOW", None) in WORKFLOWS and module.__name__ not in registering:
            out.append(info.name)
    return sorted(out)


def service_module(workflow: str) -> ModuleType | None:
    """The service module of a workflow (registering or not: interviews is the engine and the workflow)."""
    for info in pkgutil.iter_modules(service.operations.__path__):
        module = importlib.import_module(f"service.operations.{info.name}")
        if getattr(module, "WORKFLOW", None) == workflow:
            return module
    return None


def register_workflows() -> None:
    """Register every workflow with the engines; idempotent. Fails at start-up if an approval workflow
    (workflows.registry.APPROVAL_WORKFLOWS) has no step handler or a ladder's effect is not implemented."""
    approvals.register_escalation()
    for module in WORKFLOW_MODULES:
        module.register()
    # Interviews are an engine and a workflow at once, with no register() of their own.
    documents.register_subject(DocumentKind.interview_notice, interviews.get)
    # A circular's 通报 is numbered when the circular is issued.
    circulars.on_issue("document", lambda actor, c: documents.issue_for(actor, DocumentKind.circular, c))
    missing = approvals.unregistered_workflows()
    if missing:
        raise RuntimeError(f"approval workflows without a handler: {', '.join(missing)}")
    unregistered = [
        d.escalation_item for d in WORKFLOWS.values() if d.escalation_item not in (None, *escalation.ITEM_TYPES)
    ]
    if unregistered:
        raise RuntimeError(f"declared escalation ladders without a registered item type: {unregistered}")
