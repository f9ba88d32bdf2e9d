"""The service layer's import graph: no circles, and engines never import a workflow module.

Every import counts, at module level or inside a function (a lazy import is still a dependency). Workflow
modules register with the engines (service/operations/registry.py); an engine that imported a workflow
module would make every new workflow an edit of the engine."""

from __future__ import annotations

import ast
from pathlib import Path

from service.operations.registry import WORKFLOW_MODULES, workflow_side_modules

OPERATIONS = Path(__file__).resolve().parent.parent / "service" / "operations"
PACKAGE = "service.operations"
# Modules that register a workflow, and the other modules of a workflow's side (its read side): not engines.
WORKFLOWS = {m.__name__.rsplit(".", 1)[1] for m in WORKFLOW_MODULES} | set(workflow_side_modules())


def imports_of(source: str) -> set[str]:
    """Names of service.operations modules a source file imports, anywhere in it."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module == PACKAGE:
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(PACKAGE + "."):
            found.add((node.module or "").split(".")[2])
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[2] for a in node.names if a.name.startswith(PACKAGE + ".")}
    return found


def graph() -> dict[str, set[str]]:
    modules = {p.stem for p in OPERATIONS.glob("*.py") if p.stem != "__init__"}
    return {p.stem: imports_of(p.read_text(encoding="utf-8")) & modules for p in OPERATIONS.glob("*.py")}


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


def test_the_service_layer_has_no_import_circle() -> None:
    assert cycle(graph()) is None, " → ".join(cycle(graph()) or [])


def test_engines_import_no_workflow_module() -> None:
    engines = {name: deps for name, deps in graph().items() if name not in WORKFLOWS | {"registry"}}
    offenders = {name: sorted(deps & WORKFLOWS) for name, deps in engines.items() if deps & WORKFLOWS}
    assert offenders == {}


def test_the_detectors_work() -> None:
    assert imports_of("def f():\n    from service.operations import a, b\nimport service.operations.c\n") == {
        "a",
        "b",
        "c",
    }
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": set()}) is None
