"""Point-in-time recovery with pgBackRest, as docs/operating.md shows it: a cluster of its own (initdb, its own
port) archiving its WAL to a pgBackRest repository with the documented settings, a full backup, rows written
after it, a noted moment, rows written after that; stopped, restored to the moment (`--type=time`) and
started — the rows before the moment are back, those after are gone. Skips without pgBackRest or PostgreSQL's
server binaries (Debian: `apt-get install pgbackrest`)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from psycopg import connect

from tests.api.test_db_outage import INITDB, Cluster
from tests.support.ports import free_port

PORTS = range(21400, 21500)
STANZA = "dangjian"


class ArchivingCluster(Cluster):
    """The outage test's throw-away cluster, archiving through pgBackRest."""

    @property
    def config(self) -> Path:
        return self.base / "pgbackrest.conf"

    def configure(self) -> None:
        self.config.write_text(
            f"[global]\nrepo1-path={self.base / 'repo'}\nrepo1-retention-full=2\n"
            f"log-path={self.base / 'pgbackrest-log'}\nlock-path={self.base / 'lock'}\nstart-fast=y\n\n"
            f"[{STANZA}]\npg1-path={self.data}\npg1-port={self.port}\npg1-socket-path={self.base}\n"
        )
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(
                "wal_level = replica\narchive_mode = on\n"
                f"archive_command = 'pgbackrest --config={self.config} --stanza={STANZA} archive-push %p'\n"
            )
        (self.base / "pgbackrest-log").mkdir()
        if self.as_user:
            for path in (self.config, self.base / "pgbackrest-log"):
                shutil.chown(path, "postgres", "postgres")

    def pgbackrest(self, *args: str) -> str:
        run = subprocess.run(
            [*self.as_user, "pgbackrest", f"--config={self.config}", f"--stanza={STANZA}", *args],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert run.returncode == 0, run.stdout + run.stderr
        return run.stdout


@pytest.fixture
def cluster() -> Iterator[ArchivingCluster]:
    if not INITDB or shutil.which("pgbackrest") is None:
        pytest.skip("pgBackRest or PostgreSQL's server binaries are not installed (apt-get install pgbackrest)")
    as_user: list[str] = []
    base = Path(tempfile.mkdtemp(prefix="dj-pitr-"))
    if os.geteuid() == 0:  # initdb refuses root
        as_user = ["runuser", "-u", "postgres", "--"]
        shutil.chown(base, "postgres", "postgres")
    port = free_port(PORTS)
    if port is None:
        pytest.skip(f"no free port in {PORTS}")
    c = ArchivingCluster(Path(INITDB[-1]).parent, base, port, as_user)
    try:
        c.init()
        c.configure()
        c.start()
        yield c
    finally:
        with contextlib.suppress(Exception):
            c.stop()
        shutil.rmtree(base, ignore_errors=True)


def _execute(url: str, *statements: str) -> list[tuple[object, ...]]:
    with connect(url, autocommit=True) as conn:
        rows: list[tuple[object, ...]] = []
        for statement in statements:
            cursor = conn.execute(statement)
            if cursor.description:
                rows = cursor.fetchall()
        return rows


def test_a_restore_to_a_moment_brings_back_what_was_written_before_it(cluster: ArchivingCluster) -> None:
    cluster.pgbackrest("stanza-create")
    cluster.pgbackrest("check")
    _execute(cluster.url, "CREATE TABLE audit_drill (id int PRIMARY KEY, label text)",
             "INSERT INTO audit_drill SELECT g, 'before the backup' FROM generate_series(1, 1000) g")  # fmt: skip
    cluster.pgbackrest("--type=full", "backup")
    (stanza,) = json.loads(cluster.pgbackrest("info", "--output=json"))
    (backup,) = stanza["backup"]
    assert backup["type"] == "full"

    _execute(cluster.url, "INSERT INTO audit_drill SELECT g, 'after the backup' FROM generate_series(1001, 1500) g")
    ((moment,),) = _execute(cluster.url, "SELECT now()::text")
    _execute(cluster.url, "SELECT pg_sleep(0.05)",  # so the next commit is strictly after the moment
             "INSERT INTO audit_drill SELECT g, 'the mistake' FROM generate_series(1501, 1600) g",
             "DELETE FROM audit_drill WHERE id <= 100",
             "SELECT pg_switch_wal()")  # fmt: skip
    assert _execute(cluster.url, "SELECT count(*) FROM audit_drill") == [(1500,)]

    cluster.stop()
    # The backup named: pgBackRest picks one by its stop time, kept in whole seconds, and this moment may fall
    # within the second the backup ended.
    cluster.pgbackrest(
        "--delta",
        f"--set={backup['label']}",
        "--type=time",
        f"--target={moment}",
        "--target-action=promote",
        "restore",
    )
    cluster.start()
    # pg_ctl returns once read-only connections are accepted; the replay up to the target and the promotion
    # may still be under way.
    deadline = time.monotonic() + 60
    while _execute(cluster.url, "SELECT pg_is_in_recovery()") != [(False,)]:
        assert time.monotonic() < deadline, "the restored cluster was not promoted within a minute"
        time.sleep(0.1)

    counts = _execute(cluster.url, "SELECT label, count(*) FROM audit_drill GROUP BY label ORDER BY label")
    assert counts == [("after the backup", 500), ("before the backup", 1000)]
    # Archiving goes on, on the new timeline.
    cluster.pgbackrest("check")
