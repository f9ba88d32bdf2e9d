"""Product functions read as a few named steps: none is longer than 80 lines (signature, docstring and body).
A long function is split into helpers named for what each step does, as the approval decision
(engines/approvals/acting._act) and the diagram layout (workflows/diagram_layout.layout) are."""

from __future__ import annotations

import ast

from tests.support import ROOT

PRODUCT = ("service", "workflows", "workers", "schemas")
LIMIT = 80


def long_functions(source: str, limit: int = LIMIT) -> list[tuple[str, int]]:
    return [
        (node.name, node.end_lineno - node.lineno + 1)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > limit
    ]


def test_no_product_function_is_longer_than_80_lines() -> None:
    found = [
        f"{path.relative_to(ROOT)}: {name} ({lines} lines)"
        for package in PRODUCT
        for path in sorted((ROOT / package).rglob("*.py"))
        for name, lines in long_functions(path.read_text(encoding="utf-8"))
    ]
    assert not found, "\n".join(found)


def test_the_measure_counts_a_whole_function() -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(80))
    assert long_functions(f"def f():\n{body}\n") == [("f", 81)]
    assert long_functions(f"def g():\n{body}\n", limit=81) == []
