"""The navigation: one row per section, read from the page modules' declarations (`NavEntry`, found by
`service.console.page_modules()`), never listed here.

A section shows when its page is registered and the signed-in role may open it: the roles are those of the
page's own `@page(...)` gate, so the menu and the access check cannot disagree. Sections are ordered by their
`order`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

from flask import current_app, request

from service.auth import Actor


@dataclass(frozen=True)
class Badge:
    """A section's counter: `count(actor)` is shown beside the label when not 0, as
    `<span class="badge" id="<name>-count">`; templates read it as `counts.<name>`."""

    name: str
    count: Callable[[Actor], int]


@dataclass(frozen=True)
class NavEntry:
    """A section of the navigation, declared at module level by the page module that serves `endpoint`."""

    label: str
    endpoint: str
    # The place in the menu (ascending; the sections of today are 10, 20, … 90, leaving room between).
    order: int
    # Endpoints whose pages belong to this section (highlighted as current); by default the endpoint alone.
    prefixes: tuple[str, ...] = ()
    badge: Badge | None = None


def entries() -> tuple[NavEntry, ...]:
    """Every section declared by a page module, in menu order."""
    from service.console import page_modules

    return _declared(page_modules())


@lru_cache(maxsize=1)
def _declared(modules: tuple[ModuleType, ...]) -> tuple[NavEntry, ...]:
    found: list[NavEntry] = []
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, NavEntry) and value not in found:
                found.append(value)
    endpoints = [e.endpoint for e in found]
    if len(set(endpoints)) != len(endpoints):
        raise ValueError(f"two navigation entries for one endpoint: {sorted(endpoints)}")
    return tuple(sorted(found, key=lambda e: (e.order, e.endpoint)))


def has_page(endpoint: str) -> bool:
    """Whether a page is registered (templates link to other helpers' pages only once they exist)."""
    return endpoint in current_app.view_functions


def may_open(actor: Actor, endpoint: str) -> bool:
    view = current_app.view_functions.get(endpoint)
    if view is None:
        return False
    roles: frozenset[str] = getattr(view, "console_roles", frozenset())
    return not roles or actor.role in roles


def shown(actor: Actor) -> list[NavEntry]:
    """The sections the actor's menu holds, in order."""
    return [entry for entry in entries() if may_open(actor, entry.endpoint)]


def items(actor: Actor) -> list[dict[str, object]]:
    current = request.endpoint or ""
    return [
        {
            "label": entry.label,
            "endpoint": entry.endpoint,
            "active": any(current.startswith(p) for p in entry.prefixes or (entry.endpoint,)),
            "badge": entry.badge.name if entry.badge else None,
        }
        for entry in shown(actor)
    ]


def counts(actor: Actor) -> dict[str, int]:
    """The counters of the sections shown (one provider call each, none for a section the role cannot open)."""
    return {entry.badge.name: entry.badge.count(actor) for entry in shown(actor) if entry.badge}
