"""The approval engine: registrations (handlers), routes, reads and acting on tasks, overdue steps on the
escalation ladder. The decision rules are pure (workflows.approval); these modules store them."""

from service.operations.engines.approvals import acting, handlers, overdue, reads, routes

__all__ = ["acting", "handlers", "overdue", "reads", "routes"]
