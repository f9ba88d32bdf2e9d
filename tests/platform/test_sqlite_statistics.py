"""SQLite keeps no planner statistics unless asked (PostgreSQL's autovacuum analyses by itself): `make run`
and the scheduler call `refresh_statistics`, without which the console's decision lookup scanned every open
task (bench/bench_console.py on SQLite: task page 107 ms)."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import text

from service.db import refresh_statistics
from service.extensions import db
from tests.support.world import World

pytestmark = pytest.mark.commits


def test_refresh_statistics_analyses_sqlite_and_leaves_postgresql_to_autovacuum(app: Flask, world: World) -> None:
    with app.app_context():
        sqlite = db.engine.dialect.name == "sqlite"
        assert refresh_statistics() is sqlite
        if sqlite:
            tables = set(db.session.execute(text("SELECT DISTINCT tbl FROM sqlite_stat1")).scalars())
            # every table with rows and an index has its statistics, e.g. the world's users and jurisdictions
            assert {"users", "jurisdictions"} <= tables
        db.session.remove()
