"""Start-up builds what every process needs and no more (decision 0042; bench/bench_startup.py measures it):
the document and workbook libraries are imported when a document or workbook is made, and create_app() leaves
the garbage collector on, with what the first app built frozen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

STARTUP = """
import gc, json, sys
from service import create_app

create_app()
loaded = sorted({name.split(".")[0] for name in sys.modules} & {"openpyxl", "docx"})
frozen = gc.get_freeze_count()
create_app()  # a second app (tests build several) stays collectable
print(json.dumps({"loaded": loaded, "gc_enabled": gc.isenabled(), "frozen": frozen,
                  "frozen_after_second": gc.get_freeze_count()}))
"""


def test_a_fresh_process_starts_without_the_document_libraries_and_with_its_objects_frozen(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env |= {"INSTANCE_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path / 'startup.db'}"}
    done = subprocess.run(
        [sys.executable, "-c", STARTUP], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["loaded"] == [], "imported at start-up; import it where a document or workbook is made"
    assert found["gc_enabled"] is True
    assert found["frozen"] > 50_000  # modules, classes, tables and routes: never scanned by the collector again
    # a second app adds nothing to the frozen set (its objects may free some frozen ones): it can be collected
    assert found["frozen_after_second"] <= found["frozen"]
