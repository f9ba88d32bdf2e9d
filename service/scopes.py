"""Token scopes: what an API token may be used for, on top of its user's role and jurisdiction.

A token carries some of the four scopes; each endpoint requires exactly one, derived here and nowhere else
(decision 0058): reads need `read`; a write needs `admin` when only admins may make it (the role group the view
declares with `require_roles`), `ledger:write` when it writes the ledger (a path under `LEDGER_PATHS`), and
`workflow:act` otherwise — so an endpoint added later gets its scope without an edit. `OVERRIDES` names the
endpoints where that rule is wrong. A scope never grants anything: the role, the jurisdiction and the rules
still decide. Console sessions and the system are not tokens and are never checked."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from typing import Any

from flask import Flask
from werkzeug.routing import Rule

from service.roles import ADMINS, UNIT_WRITERS


class Scope(StrEnum):
    read = "read"
    ledger_write = "ledger:write"
    workflow_act = "workflow:act"
    admin = "admin"


SCOPE_LABELS = {
    Scope.read: "只读查询",
    Scope.ledger_write: "台账维护",
    Scope.workflow_act: "业务办理",
    Scope.admin: "系统管理",
}
SCOPES = [s.value for s in Scope]

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

# The endpoints where the rule above is wrong, by endpoint name. Marking my own notifications and copies read
# changes nothing anyone else sees: a read-only dashboard that shows them must be able to mark them.
OVERRIDES: dict[str, Scope] = {
    "notifications.read_all": Scope.read,
    "notifications.read_one": Scope.read,
    "copies.read_copy": Scope.read,
}

# The ledger (台账): its units, their edits and imports.
LEDGER_PATHS = ("/api/v1/units",)

# The attribute `require_roles` leaves on the view it wraps (functools.wraps carries it outwards through
# flask-smorest's decorators): the role values the endpoint admits.
ROLES_ATTRIBUTE = "required_roles"


def role_scopes(role: str) -> tuple[Scope, ...]:
    """A role's full set: every scope an endpoint it may call can require. A token gets it by default."""
    held = [Scope.read]
    if role in UNIT_WRITERS:
        held.append(Scope.ledger_write)
    held.append(Scope.workflow_act)
    if role in ADMINS:
        held.append(Scope.admin)
    return tuple(held)


def parse(stored: str) -> frozenset[str]:
    """A token's scopes as stored: space-separated, as OAuth writes them."""
    return frozenset(stored.split())


def stored(scopes: Iterable[str]) -> str:
    """Scopes in their canonical order, space-separated."""
    wanted = set(scopes)
    return " ".join(s.value for s in Scope if s.value in wanted)


def view_roles(view: Callable[..., Any]) -> frozenset[str] | None:
    """The roles a view admits (None: it declares no role group, every role may call it)."""
    seen: Callable[..., Any] | None = view
    while seen is not None:
        roles = getattr(seen, ROLES_ATTRIBUTE, None)
        if roles is not None:
            return frozenset(roles)
        seen = getattr(seen, "__wrapped__", None)
    return None


def required_scope(endpoint: str, method: str, path: str, roles: frozenset[str] | None) -> Scope:
    """The one scope an endpoint (its name, URL rule and the roles it admits) requires for a method. Role groups
    are not compared for ledger writes: two groups of other meanings may hold the same roles (the ledger's
    writers and those who urge a task do)."""
    if endpoint in OVERRIDES:
        return OVERRIDES[endpoint]
    if method.upper() in READ_METHODS:
        return Scope.read
    if roles is not None and roles <= {r.value for r in ADMINS}:
        return Scope.admin
    if any(path == prefix or path.startswith(prefix + "/") for prefix in LEDGER_PATHS):
        return Scope.ledger_write
    return Scope.workflow_act


def api_rules(app: Flask) -> Iterator[tuple[Rule, str]]:
    """Every (rule, method) the token API serves."""
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1/"):
            for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
                yield rule, method


def scope_map(app: Flask) -> dict[tuple[str, str], Scope]:
    """(endpoint, method) -> required scope for the whole API, computed once per app."""
    found = app.extensions.get("token_scopes")
    if found is None:
        found = {
            (rule.endpoint, method): required_scope(
                rule.endpoint, method, rule.rule, view_roles(app.view_functions[rule.endpoint])
            )
            for rule, method in api_rules(app)
        }
        app.extensions["token_scopes"] = found
    return found


def scope_for(app: Flask, rule: Rule, method: str) -> Scope:
    """The scope the matched rule requires for the request's method."""
    method = "GET" if method in READ_METHODS else method
    found = scope_map(app).get((rule.endpoint, method))
    if found is None:  # a route added after the map was built
        return required_scope(rule.endpoint, method, rule.rule, view_roles(app.view_functions[rule.endpoint]))
    return found
