"""The approval engine: registrations (handlers), routes, reads and acting on tasks, overdue steps on the
escalation ladder, batch decisions. The decision rules are pure (workflows.approval); these modules store them."""

from service.operations.engines.approvals import acting, batch, handlers, overdue, reads, routes

__all__ = ["acting", "batch", "handlers", "overdue", "reads", "routes"]
