"""Access-matrix rows of each declared workflow, found through the registry: the rows for workflow `<name>`
live in `tests/access/<name>.py` as `ROWS` (tests/access/matrix.py gives the vocabulary). The matrix in
tests/api/test_access.py adds them, and tests/test_workflow_kit.py fails unless a workflow's module holds exactly
the rows of the endpoints its blueprints serve. Builders several row modules share: matrix.py, common.py."""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

from workflows.registry import WORKFLOWS


def workflow_rows() -> dict[str, list[Any]]:
    """The rows each declared workflow's module gives (workflows without a module: none)."""
    out: dict[str, list[Any]] = {}
    for name in WORKFLOWS:
        module_name = f"{__name__}.{name}"
        if importlib.util.find_spec(module_name) is not None:
            out[name] = list(importlib.import_module(module_name).ROWS)
    return out
