"""The import graph of the code (service, workers, schemas, workflows): no circles, counting every import
(at module level or inside a function: a lazy import is still a dependency). The rules between the service
layer's kinds (engines, workflows' service sides, reference data) are import-linter contracts in
pyproject.toml, run by `make lint`; this checks what they do not: circles, and that every workflow module
sits where those contracts can see it."""

from __future__ import annotations

import ast
from pathlib import Path

from service.operations.registry import WORKFLOW_MODULES, workflow_side_modules
from tests.support import ROOT

PACKAGES = ("service", "workers", "schemas", "workflows")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(source: str, modules: set[str]) -> set[str]:
    """The modules of `modules` a source file imports, anywhere in it (`from pkg import mod` counts as pkg.mod)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            found |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return found & modules


def graph(packages: tuple[str, ...] = PACKAGES) -> dict[str, set[str]]:
    paths = [p for d in packages for p in sorted((ROOT / d).rglob("*.py"))]
    modules = {module_name(p) for p in paths}
    # A package's __init__ importing its own submodules is how a package shows them, not a circle.
    return {
        module_name(p): {m for m in imports_of(p.read_text(encoding="utf-8"), modules) if m != module_name(p)}
        - ({m for m in modules if m.startswith(module_name(p) + ".")} if p.name == "__init__.py" else set())
        for p in paths
    }


def cycle(g: dict[str, set[str]]) -> list[str] | None:
    """One import circle, as a path, or None."""
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(g.get(node, ())):
            if state.get(dep) == 1:
                return [*stack[stack.index(dep) :], dep]
            if dep not in state and (found := visit(dep)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(g):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_code_has_no_import_circle() -> None:
    assert cycle(graph()) is None, " → ".join(cycle(graph()) or [])


def test_every_workflow_module_is_in_a_workflow_package() -> None:
    # The contracts name service.operations.flows: a workflow's module elsewhere would escape them.
    names = [m.__name__ for m in WORKFLOW_MODULES] + workflow_side_modules()
    assert names and all(n.startswith("service.operations.flows.") for n in names), names
    assert {n.split(".")[3] for n in names} >= {"establishment", "supervision", "pairing"}


def test_the_detectors_work() -> None:
    source = "def f():\n    from service.operations import a, b\nimport service.operations.c\n"
    known = {"service.operations.a", "service.operations.b", "service.operations.c", "service.other"}
    assert imports_of(source, known) == {"service.operations.a", "service.operations.b", "service.operations.c"}
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": set()}) is None
