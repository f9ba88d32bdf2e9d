"""The layer rules, checked on the source (AST, no app, no database), so they cannot creep back:

- `service/api/` is the thin HTTP layer: it builds no SQL (no `sqlalchemy` import, no `db` handle);
  presenters and inboxes query through `service/operations/`.
- `schemas/` import nothing from `service.operations` (shared names live in `service.vocab`).
- Role groups are defined once, in `service.roles`: no tuple/list/set of roles anywhere else, and
  `require_roles` is given a group from there, not roles spelled out.
- Commands in `service/operations/` take typed inputs (frozen dataclasses on `workflows.inputs.Input`), not a
  `dict[str, Any]` whose keys the command has to guess.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from service.models.user import Role
from tests.support import ROOT

ROLES_MODULE = ROOT / "service" / "roles.py"
ROLE_VALUES = {r.value for r in Role}


def _sources(*dirs: str) -> list[Path]:
    return sorted(p for d in dirs for p in (ROOT / d).rglob("*.py"))


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _imported_modules(tree: ast.Module) -> Iterator[tuple[int, str]]:
    """Every module an import statement names, including `from pkg import mod` as `pkg.mod`."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.lineno, node.module
            for alias in node.names:
                yield node.lineno, f"{node.module}.{alias.name}"


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


API = _sources("service/api")
OPERATIONS = _sources("service/operations")
SCHEMAS = _sources("schemas")
CODE = [p for p in _sources("service", "workers", "schemas", "workflows") if p != ROLES_MODULE]


def test_api_builds_no_sql() -> None:
    found = []
    for path in API:
        tree = _tree(path)
        found += [
            f"{_rel(path)}:{line} imports {name}"
            for line, name in _imported_modules(tree)
            if name == "sqlalchemy" or name.startswith("sqlalchemy.") or name == "service.extensions.db"
        ]
        found += [
            f"{_rel(path)}:{node.lineno} uses db.{node.attr}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "db"
        ]
    assert not found, "service/api/ must query through service/operations/:\n" + "\n".join(found)


def test_schemas_import_nothing_from_operations() -> None:
    found = [
        f"{_rel(path)}:{line} imports {name}"
        for path in SCHEMAS
        for line, name in _imported_modules(_tree(path))
        if name == "service.operations" or name.startswith("service.operations.")
    ]
    assert not found, "schemas/ take shared names from service.vocab:\n" + "\n".join(found)


def _is_role(node: ast.expr) -> bool:
    """`Role.admin`, or the string "admin" of a role."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "Role":
        return True
    return isinstance(node, ast.Constant) and node.value in ROLE_VALUES


def _declared_groups(tree: ast.Module) -> set[int]:
    """Nodes inside the `roles=` of a `WorkflowDefinition(...)`: a workflow's own groups, declared once there
    and read through service.roles.of."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "WorkflowDefinition":
            for kw in node.keywords:
                if kw.arg == "roles":
                    inside |= {id(n) for n in ast.walk(kw.value)}
    return inside


def _role_lists(tree: ast.Module) -> Iterator[int]:
    """Lines with a literal group of roles, or a `require_roles` given roles rather than a named group."""
    declared = _declared_groups(tree)
    for node in ast.walk(tree):
        if id(node) in declared:
            continue
        literal = isinstance(node, ast.Tuple | ast.List | ast.Set) and bool(node.elts)
        spelled = isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "require_roles"
        if (literal and all(_is_role(e) for e in node.elts)) or (spelled and any(_is_role(a) for a in node.args)):
            yield node.lineno


def test_role_groups_are_defined_only_in_service_roles() -> None:
    found = [f"{_rel(path)}:{line}" for path in CODE for line in _role_lists(_tree(path))]
    assert not found, "define the role group in service/roles.py and import it:\n" + "\n".join(found)


# A parameter with one of these names carries what a caller asks a command to do; so does any parameter of a
# function with one of these names. Reads keep their filters (`f`, `filters`), audit its snapshots.
INPUT_NAMES = {"data", "changes", "body", "patch", "spec", "new", "fields", "reply", "tally"}
COMMAND_NAMES = {"create", "update", "issue", "put_route", "register", "update_webhook", "act"}


def _untyped(annotation: str) -> bool:
    return annotation in {"dict", "Any"} or annotation.startswith(("dict[", "Mapping["))


def _untyped_inputs(tree: ast.Module) -> Iterator[tuple[int, str]]:
    """Public module-level functions taking a command's input as `dict[str, Any]` (or `| None`)."""
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) or node.name.startswith("_"):
            continue
        args = node.args
        for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs]:
            if arg.annotation is None or not (arg.arg in INPUT_NAMES or node.name in COMMAND_NAMES):
                continue
            annotation = ast.unparse(arg.annotation).replace(" | None", "")
            if _untyped(annotation):
                yield node.lineno, f"{node.name}({arg.arg}: {ast.unparse(arg.annotation)})"


def _function_names(tree: ast.Module) -> list[str]:
    return [n.name for n in tree.body if isinstance(n, ast.FunctionDef)]


def test_commands_take_typed_inputs() -> None:
    found = [f"{_rel(path)}:{line} {what}" for path in OPERATIONS for line, what in _untyped_inputs(_tree(path))]
    assert not found, "take a frozen dataclass (workflows.inputs.Input / Patch), not a dict:\n" + "\n".join(found)


def test_the_checks_see_what_they_forbid() -> None:
    """The detectors themselves: each rule fires on a sample of what it forbids (so an empty match is real)."""
    assert list(_role_lists(ast.parse("WRITERS = (Role.admin, Role.portal)")))
    assert list(_role_lists(ast.parse("ok = actor.role in ('portal', 'handler')")))
    assert list(_role_lists(ast.parse("@require_roles(Role.admin)\ndef f(): ...")))
    assert not list(_role_lists(ast.parse("@require_roles(*ADMINS)\ndef f(): ...")))
    assert not list(_role_lists(ast.parse("users_of(body, Role.handler)")))
    assert not list(_role_lists(ast.parse("W = WorkflowDefinition(roles={'manage': ('admin', 'handler')})")))
    assert list(_role_lists(ast.parse("W = WorkflowDefinition(other={'manage': ('admin', 'handler')})")))
    names = [n for _, n in _imported_modules(ast.parse("from service.operations import units"))]
    assert "service.operations.units" in names
    assert ROLES_MODULE.exists() and list(_role_lists(_tree(ROLES_MODULE)))
    assert list(_untyped_inputs(ast.parse("def create(actor: Actor, data: dict[str, Any]) -> Unit: ...")))
    assert list(_untyped_inputs(ast.parse("def act(a: Actor, t: int, *, reply: dict[str, Any] | None) -> None: ...")))
    assert list(_untyped_inputs(ast.parse("def act(a: Actor, t: int, *, tally: dict[str, int]) -> None: ...")))
    assert not list(_untyped_inputs(ast.parse("def act(a: Actor, t: int, *, reply: Reply | None) -> None: ...")))
    assert list(_untyped_inputs(ast.parse("def close(actor: Actor, i: int, changes: dict[str, Any] | None): ...")))
    assert list(_untyped_inputs(ast.parse("def issue(actor: Actor, what: Mapping[str, Any]) -> None: ...")))
    assert not list(_untyped_inputs(ast.parse("def create(actor: Actor, new: NewUnit) -> Unit: ...")))
    assert not list(_untyped_inputs(ast.parse("def query(actor: Actor, f: dict[str, Any]) -> Select: ...")))
    assert not list(_untyped_inputs(ast.parse("def _create(data: dict[str, Any]) -> None: ...")))
    assert OPERATIONS and any(name == "create" for p in OPERATIONS for name in _function_names(_tree(p)))
