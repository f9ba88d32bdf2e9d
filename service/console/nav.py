"""The navigation: one row per section. A section shows when its page is registered and the signed-in role
may open it (read from the page's @page(...) roles), so a page added later (督办, 覆盖, 管理)
appears by registering its endpoint."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, request

from service.auth import Actor


@dataclass(frozen=True)
class NavItem:
    label: str
    endpoint: str
    # Endpoints whose pages belong to this section (highlighted as current).
    prefixes: tuple[str, ...] = ()


NAV: list[NavItem] = [
    NavItem("待办", "console.inbox", ("console.inbox", "console.task", "console.case")),
    # The supervisors' own 待办 (their roles never open console.inbox: one 待办 per role).
    NavItem("待办", "console.oversight", ("console.oversight",)),
    NavItem("已办", "console.done", ("console.done",)),
    NavItem("全部事项", "console.search", ("console.search",)),
    NavItem("申请", "console.applications", ("console.application",)),
    NavItem("督办", "console.board", ("console.board", "console.ticket")),
    NavItem("覆盖", "console.coverage", ("console.coverage",)),
    NavItem("通知", "console.notifications", ("console.notifications",)),
    NavItem("管理", "console.admin", ("console.admin",)),
]


def has_page(endpoint: str) -> bool:
    """Whether a page is registered (templates link to other helpers' pages only once they exist)."""
    return endpoint in current_app.view_functions


def may_open(actor: Actor, endpoint: str) -> bool:
    view = current_app.view_functions.get(endpoint)
    if view is None:
        return False
    roles: frozenset[str] = getattr(view, "console_roles", frozenset())
    return not roles or actor.role in roles


def items(actor: Actor) -> list[dict[str, object]]:
    current = request.endpoint or ""
    return [
        {
            "label": item.label,
            "endpoint": item.endpoint,
            "active": any(current.startswith(p) for p in item.prefixes or (item.endpoint,)),
        }
        for item in NAV
        if may_open(actor, item.endpoint)
    ]
