"""No N+1 on the 覆盖 pages: the number of SQL statements per page stays the same whatever the number of units,
children, snapshots, must-establish rows, circulars or import errors."""

from __future__ import annotations

import io

from flask import Flask

from tests.support import coverage as h
from tests.support.console import Console
from tests.support.database import statements
from tests.support.excel import run_job, xlsx
from tests.support.factories import new_credit_code
from tests.support.world import World

SUPERVISOR = "supervisor@east"
PAGES = ("/coverage", "/coverage/must-establish?has_instructor=false", "/coverage/circulars")


def count(app: Flask, console: Console, path: str, who: str = SUPERVISOR) -> int:
    with statements(app) as seen:
        res = console.get(path, as_=who)
    assert res.status_code == 200, res.get_data(as_text=True)[:500]
    return len(seen)


def more_ledger(app: Flask, world: World, n: int) -> None:
    for place in ("east_t1", "east_t2", "east_ic", "east"):
        for i in range(n):
            h.unit(app, world.ids[place], org_id=h.org(app, world.ids[place]) if i % 2 else None)
            h.case(app, world.ids[place], [h.unit(app, world.ids[place])], age_days=i)


def test_coverage_pages_have_a_fixed_statement_count(app: Flask, console: Console, world: World) -> None:
    from service.operations.reports import coverage_snapshots

    console.as_(SUPERVISOR)
    for p in PAGES:  # warm the process-wide caches first
        count(app, console, p)
    small = {p: count(app, console, p) for p in PAGES}
    more_ledger(app, world, 4)
    with app.app_context():
        coverage_snapshots.take_snapshots()
    for _ in range(3):
        assert (
            console.post(
                "/coverage/circulars",
                as_=SUPERVISOR,
                data={"period_start": "2026-09-01", "period_end": "2026-09-20", "previewed": "1"},
            ).status_code
            == 303
        )
    big = {p: count(app, console, p) for p in PAGES}
    assert big == small, (small, big)
    assert max(big.values()) <= 12, big


def test_import_status_page_has_a_fixed_statement_count(app: Flask, console: Console) -> None:
    def imported(bad_rows: int) -> int:
        rows = [[new_credit_code(), "导入企业", "非公企业", "east_t1", 80, 3]]
        rows += [[f"bad{i}", f"坏行{i}", "非公企业", "east_t1", 80, 3] for i in range(bad_rows)]
        res = console.post(
            "/coverage/imports",
            as_=SUPERVISOR,
            data={"mode": "valid_rows_only", "file": (io.BytesIO(xlsx(rows)), "a.xlsx")},
            content_type="multipart/form-data",
        )
        ident = int(res.headers["Location"].rsplit("/", 1)[1])
        run_job(app, ident)
        return ident

    one, many = imported(1), imported(15)
    count(app, console, f"/coverage/imports/{one}")
    assert count(app, console, f"/coverage/imports/{one}") == count(app, console, f"/coverage/imports/{many}") <= 8
    page = console.get(f"/coverage/imports/{many}", as_=SUPERVISOR).get_data(as_text=True)
    assert page.count("data-row=") == 15
