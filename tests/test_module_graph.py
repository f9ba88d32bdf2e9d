"""No import circle among the modules of `service`, `workers`, `schemas` and `workflows`, read from the source
(AST, no imports run) and counting imports inside functions: a lazy import is still a dependency, and a circle
hidden in a function is still a circle. `service/operations/` has its own rules (tests/test_import_graph.py,
the import-linter contracts in pyproject.toml) and is left out here; so is the purity of `workflows/`, which an
import-linter contract holds."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("service", "workers", "schemas", "workflows")
OPERATIONS = "service.operations"


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


def test_the_detectors_work(tmp_path: Path) -> None:
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": set()}) is None
    (tmp_path / "pkg").mkdir()
    sources = {
        "pkg/__init__.py": "from pkg import mod\nNAME = 1\n",  # a module of the package: an edge to it only
        "pkg/mod.py": "def f():\n    from pkg import NAME\n",  # lazy, and a name of the package: an edge to pkg
        "pkg/other.py": "from .mod import f\nimport pkg.mod\n",  # relative and plain imports
    }
    for name, text in sources.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    folder = tmp_path / "pkg"
    modules = {"pkg": folder / "__init__.py", "pkg.mod": folder / "mod.py", "pkg.other": folder / "other.py"}
    edges = graph(modules)
    assert edges == {"pkg": {"pkg.mod"}, "pkg.mod": {"pkg"}, "pkg.other": {"pkg.mod"}}
    assert cycle(edges) == ["pkg", "pkg.mod", "pkg"]
    assert outside_operations({"service.db": {"service.operations.x"}, "service.operations.x": {"service.db"}}) == {
        "service.db": set()
    }
    # The two circles untied here stay untied, one way each.
    real = graph(_modules())
    assert "service.db_failures" in real["service.db"] and "service.db" not in real["service.db_failures"]
    assert "workers.jobs" in real["workers.runtime"] and "workers.runtime" not in real["workers.jobs"]
