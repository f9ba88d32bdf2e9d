"""The product's module graph, read from the source (AST, no imports run), so it cannot creep back:

- no import circle among the modules of `service`, `workers`, `schemas` and `workflows`, counting imports inside
  functions (a lazy import is still a dependency). `service/operations/` has its own check
  (tests/test_import_graph.py) and is left out here.
- `workflows/` is pure: it imports no Flask, no SQLAlchemy and nothing of `service` (nor of the layers above it).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("service", "workers", "schemas", "workflows")
OPERATIONS = "service.operations"
# What the workflow rules may not lean on: web, database and the layers that call them.
IMPURE = ("flask", "flask_migrate", "flask_smorest", "flask_sqlalchemy", "sqlalchemy", "werkzeug", "alembic")
UPPER_LAYERS = ("service", "workers", "schemas")


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    """The module a `from ... import` statement in `module` names, relative imports resolved."""
    if not node.level:
        return node.module or ""
    parts = module.split(".") if is_package else module.split(".")[:-1]
    return ".".join([*parts[: len(parts) - node.level + 1], *([node.module] if node.module else [])])


def imported(source: str, module: str, is_package: bool = False) -> Iterator[tuple[int, str]]:
    """(line, name) of everything an import statement anywhere in the source names: `from a import b` gives
    `a` and `a.b` (b may be a module)."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, module, is_package)
            yield node.lineno, base
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}"


def graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Module -> the product modules it imports. `from pkg import mod` is an edge to pkg.mod, and to pkg only
    when a name that is not a module is taken from it (importing pkg.mod runs pkg too: that is not counted)."""
    edges: dict[str, set[str]] = {}
    for name, path in modules.items():
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                deps |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = _absolute(node, name, path.name == "__init__.py")
                taken = {f"{base}.{alias.name}" for alias in node.names}
                deps |= taken if taken <= modules.keys() else taken | {base}
        edges[name] = {d for d in deps if d in modules} - {name}
    return edges


def outside_operations(edges: dict[str, set[str]]) -> dict[str, set[str]]:
    def inside(name: str) -> bool:
        return name == OPERATIONS or name.startswith(OPERATIONS + ".")

    return {name: {d for d in deps if not inside(d)} for name, deps in edges.items() if not inside(name)}


def cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import circle, as a path, or None."""
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(edges.get(node, ())):
            if state.get(dep) == 1:
                return [*stack[stack.index(dep) :], dep]
            if dep not in state and (found := visit(dep)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_circle_among_the_product_modules() -> None:
    found = cycle(outside_operations(graph(_modules())))
    assert found is None, "import circle: " + " → ".join(found or [])


def test_workflows_import_no_flask_sqlalchemy_or_service() -> None:
    found = []
    for name, path in _modules().items():
        if not name.startswith("workflows"):
            continue
        for line, target in imported(path.read_text(encoding="utf-8"), name, path.name == "__init__.py"):
            top = target.split(".")[0]
            if top in IMPURE or top in UPPER_LAYERS:
                found.append(f"{path.relative_to(ROOT)}:{line} imports {target}")
    assert not found, "workflows/ hold the rules only; move the dependency to the service:\n" + "\n".join(found)


def test_the_detectors_work() -> None:
    source = "def f():\n    from service.db import x\nimport flask\nfrom . import sibling\n"
    names = [name for _, name in imported(source, "workflows.a")]
    assert {"service.db", "service.db.x", "flask", "workflows.sibling"} <= set(names)
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": set()}) is None
    edges = graph(_modules())
    assert "service.db_failures" in edges["service.db"] and "service.db" not in edges["service.db_failures"]
    assert "workers.jobs" in edges["workers.runtime"] and "workers.runtime" not in edges["workers.jobs"]
    assert "service.operations.units" in edges["service.demo"]  # `from service.operations import units`
    assert "service" not in edges["service.demo"]  # ... and not the package itself
