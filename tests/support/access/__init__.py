"""Access-matrix rows of each declared workflow, found through the registry: the rows for workflow `<name>`
live beside the workflow's other tests, in `tests/<folder>/access_<name>.py` as `ROWS` (e.g.
tests/establishment/access_establishment.py; tests/support/access/matrix.py gives the vocabulary). The matrix in
tests/api/test_access.py adds them, and tests/architecture/test_workflow_kit.py fails unless a workflow's module
holds exactly the rows of the endpoints its blueprints serve. Builders several row modules share: matrix.py,
common.py."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from workflows.registry import WORKFLOWS

TESTS = Path(__file__).resolve().parents[2]


def rows_module(workflow: str) -> Path | None:
    """The module holding the workflow's rows, `tests/<folder>/access_<workflow>.py` (None: it has none)."""
    found = sorted(TESTS.glob(f"*/access_{workflow}.py"))
    if len(found) > 1:
        raise RuntimeError(f"the rows of {workflow} are in several modules: {found}")
    return found[0] if found else None


def rows_path(workflow: str) -> str:
    """Where the workflow's rows are (or go), as a path from the repository: for messages."""
    module = rows_module(workflow)
    if module is None:
        return f"tests/<the workflow's folder>/access_{workflow}.py"
    return module.relative_to(TESTS.parent).as_posix()


def workflow_rows() -> dict[str, list[Any]]:
    """The rows each declared workflow's module gives (workflows without a module: none)."""
    out: dict[str, list[Any]] = {}
    for name in WORKFLOWS:
        module = rows_module(name)
        if module is not None:
            dotted = ".".join(module.relative_to(TESTS.parent).with_suffix("").parts)
            out[name] = list(importlib.import_module(dotted).ROWS)
    return out
