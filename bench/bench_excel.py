"""Excel ledger import and export at 20,000 rows: time and peak memory.

Creates its own database (a temporary SQLite file, or BENCH_DATABASE_URL — that PostgreSQL database is dropped
and recreated), a city of 100 townships and one admin, then:
- builds a 20,000-row .xlsx with the export's headers;
- accepts it (the request's checks: zip, formulas, rows, headers) and runs the import job (validate + apply);
- re-imports the same file (everything unchanged), then a copy with every tenth row edited (2,000 updates);
- exports the 20,000-unit ledger.
Each is printed beside its floor and target: the import against a plain python-calamine read of the same file
(target ≤ 8×, and ≤ 4 s per 10,000 new rows; an unchanged re-import ≤ 2 s per 10,000 rows), the export
against a plain XlsxWriter write (constant-memory) of the same query's values (target ≤ 1.5×).
Peak memory is Python's (tracemalloc) for a second, traced run of each step, and the process RSS at the end.

    .venv/bin/python bench/bench_excel.py
    BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1/bench_excel .venv/bin/python bench/bench_excel.py"""

from __future__ import annotations

import io
import os
import platform
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlalchemy import text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_ledger import database_url
from service import create_app
from service.auth import Actor, system_actor
from service.config import Settings
from service.extensions import db
from service.inputs import NewJurisdiction, NewUser
from service.operations.engines import unit_imports
from service.operations.reference import (
    jurisdictions,
    users,
)
from service.spreadsheets.ledger_columns import EXPORT_COLUMNS
from workflows import credit_code

ROWS = int(os.environ.get("BENCH_ROWS", "20000"))
HEADERS = [c.header for c in EXPORT_COLUMNS if c.key not in ("jurisdiction_name", "instructor_name", "party_org_name")]


def workbook(townships: list[str], edited_every: int = 0) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("台账")
    ws.append(HEADERS)
    for i in range(ROWS):
        employees = 10 + i % 300 + (1 if edited_every and i % edited_every == 0 else 0)
        row = {
            "统一社会信用代码": credit_code.make(f"91350100{i:08d}X"),
            "单位名称": f"测试企业{i}有限公司",
            "单位类型": "非公企业" if i % 4 else "社会组织",
            "所属管辖单位代码": townships[i % len(townships)],
            "行业": "制造业",
            "地址": f"某路{i}号",
            "从业人员数": employees,
            "正式党员数": i % 5,
            "预备党员数": i % 2,
            "流动党员数": 0,
            "出资人或负责人": "张三",
            "经营状态": "正常经营",
            "未建党组织原因": None if i % 5 >= 3 else "正在筹建",
        }
        ws.append([row.get(h) for h in HEADERS])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def calamine_read(data: bytes) -> int:
    """The import's floor: python-calamine reading every cell of the file, nothing else."""
    from python_calamine import CalamineWorkbook

    return len(CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python())


def xlsxwriter_write(actor: Actor) -> int:
    """The export's floor: the same query's rows written as they come (no formatting) by XlsxWriter."""
    from xlsxwriter import Workbook as XlsxWorkbook

    from service.operations.reference import units

    keys = [c.key for c in EXPORT_COLUMNS]
    wb = XlsxWorkbook(io.BytesIO(), {"constant_memory": True})
    ws = wb.add_worksheet()
    ws.write_row(0, 0, [c.header for c in EXPORT_COLUMNS])
    n = 0
    for n, row in enumerate(units.ledger_rows(actor, {}), start=1):
        ws.write_row(n, 0, [v if isinstance(v, str | int | float | None) else str(v) for v in (row[k] for k in keys)])
    wb.close()
    return n


def version_of(package: str) -> str:
    from importlib.metadata import version

    return version(package)


def seconds(label: str, fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    elapsed = time.perf_counter() - start
    print(f"{label:<44} {elapsed:7.2f} s")
    return elapsed


def ratio(label: str, value: float, target: float) -> None:
    verdict = "met" if value <= target else "MISSED"
    print(f"{label:<44} {value:7.2f}    target ≤ {target:g}: {verdict}")


def measure(label: str, fn: Callable[[], Any], traced: bool = True) -> Any:
    start = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - start
    peak = ""
    if traced:
        tracemalloc.start()
        fn()
        peak = f"  peak Python memory {tracemalloc.get_traced_memory()[1] / 2**20:6.1f} MiB (second, traced run)"
        tracemalloc.stop()
    print(f"{label:<44} {elapsed:7.2f} s{peak}")
    return result


def main() -> None:
    url = database_url()
    settings = Settings(**{**Settings.from_env().__dict__, "database_url": url, "redis_url": None})
    app = create_app(settings)
    with app.app_context():
        from flask_migrate import upgrade

        upgrade(directory=str(ROOT / "migrations"))
        system = system_actor("bench")
        city = jurisdictions.create(system, NewJurisdiction(code="city", name="市", kind="city", parent_id=None))
        codes = []
        for c in range(10):
            county = jurisdictions.create(
                system, NewJurisdiction(code=f"c{c}", name=f"县{c}", kind="county", parent_id=city.id)
            )
            for t in range(10):
                codes.append(f"c{c}t{t}")
                jurisdictions.create(
                    system, NewJurisdiction(code=codes[-1], name=f"镇{c}-{t}", kind="township", parent_id=county.id)
                )
        admin = users.create(system, NewUser(username="bench", display_name="b", role="admin", jurisdiction_id=city.id))
        actor = Actor(admin.id, admin.username, admin.role, city.id, city.path)
        version = db.session.execute(
            text("SELECT sqlite_version()" if url.startswith("sqlite") else "SHOW server_version")
        ).scalar()
        db.session.rollback()
        print(f"Python {platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPUs")
        libs = f"python-calamine {version_of('python-calamine')}, XlsxWriter {version_of('xlsxwriter')}"
        print(f"database: {url.split(':', 1)[0]} {version}; {libs}; {ROWS} rows")

        data = measure(f"build the {ROWS}-row file (write-only)", lambda: workbook(codes), traced=False)
        print(f"{'':<44} {len(data) / 2**20:7.2f} MiB .xlsx")

        def one_import(content: bytes) -> Any:
            imp = unit_imports.create(actor, "bench.xlsx", content, "all_or_nothing")
            status = unit_imports.run(imp.id)
            db.session.expire_all()
            return status, db.session.get(type(imp), imp.id)

        floor = seconds("floor: plain python-calamine read", lambda: calamine_read(data))

        def timed_import(label: str, content: bytes) -> float:
            start = time.perf_counter()
            status, imp = one_import(content)
            elapsed = time.perf_counter() - start
            counts = f"created {imp.created_count}, updated {imp.updated_count}, unchanged {imp.unchanged_count}"
            print(f"{label:<44} {elapsed:7.2f} s  {status}: {counts}, errors {imp.error_count}")
            return elapsed

        measure(
            "accept the file (request-side checks)",
            lambda: unit_imports.create(actor, "b.xlsx", data, "all_or_nothing") and db.session.rollback(),
        )
        new = timed_import(f"import {ROWS} new units", data)
        same = timed_import("re-import the same file (no change)", data)
        ratio("  import ÷ calamine read", new / floor, 8)
        ratio("  import, s per 10,000 rows", new * 10_000 / ROWS, 4)
        ratio("  unchanged re-import, s per 10,000 rows", same * 10_000 / ROWS, 2)
        tracemalloc.start()
        timed_import("re-import, traced", data)
        print(f"{'':<44} peak Python memory {tracemalloc.get_traced_memory()[1] / 2**20:6.1f} MiB")
        tracemalloc.stop()
        edited = workbook(codes, edited_every=10)
        timed_import("import with every 10th row edited", edited)

        from service.exports.ledger import ledger_workbook

        out = measure(f"export {ROWS} units", lambda: ledger_workbook(actor, {}))
        out.seek(0, 2)
        print(f"{'':<44} {out.tell() / 2**20:7.2f} MiB .xlsx")
        start = time.perf_counter()
        ledger_workbook(actor, {})
        export = time.perf_counter() - start
        plain = seconds("floor: plain XlsxWriter write of the query", lambda: xlsxwriter_write(actor))
        ratio("  export ÷ XlsxWriter write", export / plain, 1.5)
        db.session.rollback()
    print(f"process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
