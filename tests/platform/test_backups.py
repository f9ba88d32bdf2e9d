"""`flask backup` and `flask restore` on the backend in force: the world and an attachment backed up, restored
into a fresh empty database (PostgreSQL: a scratch database created and dropped here; SQLite: a new file) and
fresh instance and attachment folders, every table's rows and every file found again, byte for byte; restored
once more over it with --force. The refusals write nothing: a database that is not empty, a member whose bytes
no longer match the manifest, a backup of a newer schema, pg_dump missing from PATH."""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import tarfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from click.testing import Result
from flask import Flask
from flask_migrate import upgrade
from sqlalchemy import Engine, MetaData, create_engine, select, text
from sqlalchemy.engine import make_url

from service import create_app
from service.config import Settings, normalise_database_url
from service.extensions import db
from service.operations.backups.database import MIGRATIONS
from tests.support.database import fingerprint
from tests.support.establishment import make_unit, new_case
from tests.support.s3 import BUCKET, s3_emulator
from tests.support.s3 import client as s3_client
from tests.support.world import Api

# The backup reads the database from another connection (pg_dump, SQLite's backup API): the world is committed.
pytestmark = pytest.mark.commits

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n% backups\n"
SECRET = "a-session-key-the-console-signs-with"
POSTGRES = normalise_database_url(os.environ.get("DATABASE_URL", "")).startswith("postgresql")


@dataclass
class Site:
    """One installation's instance folder and attachment folder."""

    instance: Path
    attachments: Path

    def files(self) -> dict[str, bytes]:
        """Every file that matters, by name (uploads being checked, in the store's tmp/, aside)."""
        found = {"instance/secret_key": (self.instance / "secret_key").read_bytes()}
        if self.attachments.is_dir():
            for path in sorted(self.attachments.rglob("*")):
                if path.is_file() and path.relative_to(self.attachments).parts[0] != "tmp":
                    found[f"attachments/{path.relative_to(self.attachments)}"] = path.read_bytes()
        return found

    def everything(self) -> dict[str, bytes]:
        """Every file under both folders, tmp/ included: what a refusal must leave as it was."""
        return {
            str(p): p.read_bytes()
            for root in (self.instance, self.attachments)
            if root.exists()
            for p in sorted(root.rglob("*"))
            if p.is_file()
        }


def _cli(app: Flask, site: Site, monkeypatch: pytest.MonkeyPatch, *args: str) -> Result:
    monkeypatch.setenv("INSTANCE_DIR", str(site.instance))
    return app.test_cli_runner().invoke(args=list(args))


@pytest.fixture
def source(app: Flask, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Site:
    """The world, a case with an attached file, and a session key in an instance folder of the test's own."""
    instance = tmp_path / "instance"
    instance.mkdir()
    (instance / "secret_key").write_text(SECRET)
    return Site(instance, app.config["SETTINGS"].attachments.directory)


@pytest.fixture
def attached(api: Api) -> str:
    unit = make_unit(api, "east_t1", as_="admin@city", formal_members=3)
    case = new_case(api, [unit["id"]], "branch", as_="admin@city")
    res = api.post(
        f"/api/v1/establishment-cases/{case['id']}/attachments",
        as_="admin@city",
        data={"kind": "request", "file": (io.BytesIO(PDF), "关于成立党支部的请示.pdf")},
        content_type="multipart/form-data",
    )
    assert res.status_code == 201, res.json
    return str(res.json["sha256"])


@pytest.fixture
def scratch() -> Iterator[Callable[[Path, str], str]]:
    """Empty databases next to the suite's: PostgreSQL's created here and dropped after, SQLite's new files."""
    if not POSTGRES:
        yield lambda folder, suffix: f"sqlite:///{folder / f'{suffix}.db'}"
        return
    url = make_url(normalise_database_url(os.environ["DATABASE_URL"]))
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    made: list[str] = []

    def make(_folder: Path, suffix: str) -> str:
        name = f"{url.database}_{suffix}"
        assert "test" in name  # never touch anything but a test database's scratch twin
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        made.append(name)
        return url.set(database=name).render_as_string(hide_password=False)

    try:
        yield make
    finally:
        with admin.connect() as conn:
            for name in made:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def target(tmp_path: Path) -> Site:
    return Site(tmp_path / "restored-instance", tmp_path / "restored-attachments")


@contextmanager
def _other_app(app: Flask, url: str, site: Site, monkeypatch: pytest.MonkeyPatch) -> Iterator[Flask]:
    """The service configured on another database and other folders."""
    settings: Settings = app.config["SETTINGS"]
    monkeypatch.setenv("INSTANCE_DIR", str(site.instance))
    other = create_app(
        replace(
            settings,
            database_url=url,
            embedded_database=not POSTGRES,
            attachments=replace(settings.attachments, directory=site.attachments),
        )
    )
    try:
        yield other
    finally:
        with other.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def restored_app(
    app: Flask, scratch: Callable[[Path, str], str], target: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Flask]:
    """The service on an empty database and fresh folders."""
    with _other_app(app, scratch(tmp_path, "restore"), target, monkeypatch) as other:
        yield other


def _backup(app: Flask, source: Site, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    res = _cli(app, source, monkeypatch, "backup", "--output", str(folder))
    assert res.exit_code == 0, res.output
    (archive,) = folder.glob("dangjian-backup-*.tar")
    return archive


def _tables(engine: Engine) -> dict[str, tuple[int, str]]:
    """Each table's row count and a hash of its rows in key order."""
    meta = MetaData()
    meta.reflect(engine)
    found = {}
    with engine.connect() as conn:
        for table in meta.sorted_tables:
            order = list(table.primary_key.columns) or list(table.columns)
            rows = conn.execute(select(table).order_by(*order)).all()
            found[table.name] = (len(rows), hashlib.sha256(repr([tuple(r) for r in rows]).encode()).hexdigest())
    return found


def _contents(app: Flask) -> dict[str, tuple[int, str]]:
    with app.app_context():
        db.session.remove()
        return _tables(db.engine)


def test_a_backup_restores_into_an_empty_database_with_every_row_and_file(
    app: Flask,
    world: Any,
    attached: str,
    source: Site,
    target: Site,
    restored_app: Flask,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    res = _cli(app, source, monkeypatch, "backup", "--output", str(tmp_path))
    assert res.exit_code == 0, res.output
    (archive,) = tmp_path.glob("dangjian-backup-*.tar")
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert f"backup written: {archive}" in res.output and " KB, " in res.output and " s)" in res.output
    manifest = _manifest(archive)
    assert manifest["format_version"] == 1 and manifest["attachments"]["storage"] == "local"
    listed = {f["path"]: f for f in manifest["files"]}
    assert listed[f"attachments/{attached[:2]}/{attached}"]["sha256"] == attached
    assert listed["instance/secret_key"]["size"] == len(SECRET)
    assert ("database/postgresql.dump" if POSTGRES else "database/sqlite.db") in listed

    before = _contents(app)
    assert before["attachments"][0] >= 1 and before["users"][0] > 5 and before["establishment_cases"][0] >= 1
    assert before["alembic_version"][1] and manifest["alembic_revision"]

    res = _cli(restored_app, target, monkeypatch, "restore", str(archive), "--yes")
    assert res.exit_code == 0, res.output
    assert "db upgrade" not in res.output  # the backup is at this release's head
    assert _contents(restored_app) == before
    assert target.files() == source.files()

    # Over a database that is no longer empty: refused, then replaced with --force.
    res = _cli(restored_app, target, monkeypatch, "restore", str(archive), "--yes")
    assert res.exit_code == 1 and "不是空的" in res.output and "--force" in res.output
    res = _cli(restored_app, target, monkeypatch, "restore", str(archive), "--yes", "--force")
    assert res.exit_code == 0, res.output
    assert _contents(restored_app) == before
    assert target.files() == source.files()


def test_restore_refuses_a_database_that_is_not_empty(
    app: Flask, world: Any, source: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = _backup(app, source, tmp_path, monkeypatch)
    before, files = fingerprint(app), source.everything()
    res = _cli(app, source, monkeypatch, "restore", str(archive), "--yes")
    assert res.exit_code == 1
    assert "目标数据库不是空的" in res.output and "not empty" in res.output
    assert fingerprint(app) == before and source.everything() == files


def _manifest(archive: Path) -> dict[str, Any]:
    with tarfile.open(archive) as tar:
        raw = tar.extractfile("manifest.json")
        assert raw is not None
        return dict(json.loads(raw.read()))


def _rewritten(archive: Path, change: Callable[[str, bytes], bytes]) -> Path:
    """A copy of the archive with each member's bytes passed through `change`."""
    copy = archive.with_name("changed.tar")
    with tarfile.open(archive) as src, tarfile.open(copy, "w") as out:
        for info in src.getmembers():
            raw = src.extractfile(info)
            data = change(info.name, raw.read() if raw else b"")
            info.size = len(data)
            out.addfile(info, io.BytesIO(data))
    return copy


def _tampered(name: str, data: bytes) -> bytes:
    return data.replace(b"backups", b"BACKUPS") if name.startswith("attachments/") else data


def _newer(name: str, data: bytes) -> bytes:
    if name != "manifest.json":
        return data
    return json.dumps({**json.loads(data), "alembic_revision": "ffffffffffff"}).encode()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_tampered, "SHA-256"),
        (_newer, "比本程序更新"),
    ],
    ids=["a-file-changed", "a-newer-schema"],
)
def test_a_refused_restore_writes_nothing(
    app: Flask,
    world: Any,
    attached: str,
    source: Site,
    target: Site,
    restored_app: Flask,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    change: Callable[[str, bytes], bytes],
    message: str,
) -> None:
    archive = _rewritten(_backup(app, source, tmp_path, monkeypatch), change)
    files = target.everything()
    res = _cli(restored_app, target, monkeypatch, "restore", str(archive), "--yes")
    assert res.exit_code == 1 and message in res.output, res.output
    assert "nothing was written" in res.output or "newer" in res.output
    assert _contents(restored_app) == {}
    assert target.everything() == files


def test_without_pg_dump_on_path(
    app: Flask, world: Any, source: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL: refused, with what to install, and no file left behind. SQLite needs no client tool."""
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    out = tmp_path / "out"
    out.mkdir()
    res = _cli(app, source, monkeypatch, "backup", "--output", str(out / "nightly.tar"))
    if POSTGRES:
        assert res.exit_code == 1 and "找不到 pg_dump" in res.output and "postgresql-client" in res.output
        assert list(out.iterdir()) == []
    else:
        assert res.exit_code == 0, res.output
        assert [p.name for p in out.iterdir()] == ["nightly.tar"]


def test_a_backup_of_an_older_schema_restores_and_asks_for_the_upgrade(
    app: Flask, scratch: Callable[[Path, str], str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    older = _before_head()
    site = Site(tmp_path / "old-instance", tmp_path / "old-attachments")
    with _other_app(app, scratch(tmp_path, "older"), site, monkeypatch) as old:
        with old.app_context():
            upgrade(directory=str(MIGRATIONS), revision=older)
        archive = _backup(old, site, tmp_path, monkeypatch)
    assert _manifest(archive)["alembic_revision"] == older
    target = Site(tmp_path / "new-instance", tmp_path / "new-attachments")
    with _other_app(app, scratch(tmp_path, "newer"), target, monkeypatch) as new:
        res = _cli(new, target, monkeypatch, "restore", str(archive), "--yes")
        assert res.exit_code == 0, res.output
        assert "flask --app service db upgrade" in res.output
        with new.app_context():
            assert db.session.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == older
            db.session.remove()


def _before_head() -> str:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    script = ScriptDirectory.from_config(config)
    down = script.get_revision(script.get_current_head()).down_revision
    assert isinstance(down, str)
    return down


def test_with_s3_storage_the_archive_says_the_bytes_stay_in_the_bucket(
    app: Flask, world: Any, source: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No bucket is reached: the backup only records where the bytes are."""
    settings: Settings = app.config["SETTINGS"]
    s3 = replace(settings.attachments, storage="s3", s3_endpoint="http://127.0.0.1:9", s3_bucket="dangjian-files")
    monkeypatch.setitem(app.config, "SETTINGS", replace(settings, attachments=s3))
    res = _cli(app, source, monkeypatch, "backup", "--output", str(tmp_path))
    assert res.exit_code == 0, res.output
    assert "dangjian-files" in res.output and "versioning" in res.output
    manifest = _manifest(next(tmp_path.glob("dangjian-backup-*.tar")))
    assert manifest["attachments"]["storage"] == "s3" and manifest["attachments"]["bucket"] == "dangjian-files"
    assert manifest["attachments"]["in_archive"] is False
    assert not [f for f in manifest["files"] if f["path"].startswith("attachments/")]


def test_a_damaged_attachment_file_is_archived_and_named(
    app: Flask, world: Any, source: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file whose bytes no longer hash to its name is kept as it is, and the operator is told which."""
    store = tmp_path / "store"
    good, bad = hashlib.sha256(b"good").hexdigest(), hashlib.sha256(b"was").hexdigest()
    for name, data in ((good, b"good"), (bad, b"rot")):
        (store / name[:2]).mkdir(parents=True, exist_ok=True)
        (store / name[:2] / name).write_bytes(data)
    settings: Settings = app.config["SETTINGS"]
    monkeypatch.setitem(
        app.config, "SETTINGS", replace(settings, attachments=replace(settings.attachments, directory=store))
    )
    res = _cli(app, source, monkeypatch, "backup", "--output", str(tmp_path))
    assert res.exit_code == 0, res.output
    assert f"attachments/{bad[:2]}/{bad} 的内容与其 SHA-256 名称不符" in res.output and good not in res.output
    listed = {f["path"]: f["sha256"] for f in _manifest(next(tmp_path.glob("dangjian-backup-*.tar")))["files"]}
    assert listed[f"attachments/{bad[:2]}/{bad}"] == hashlib.sha256(b"rot").hexdigest()


def test_the_service_keeps_writing_while_it_is_backed_up(
    app: Flask,
    world: Any,
    source: Site,
    scratch: Callable[[Path, str], str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A write transaction open during the backup neither blocks it nor gets into it: the copy holds what was
    committed."""
    writer = create_engine(app.config["SETTINGS"].database_url)
    try:
        with writer.connect() as conn:
            trans = conn.begin()
            first = conn.execute(text("SELECT min(id) FROM jurisdictions")).scalar_one()
            conn.execute(text("UPDATE jurisdictions SET name = '未提交' WHERE id = :id"), {"id": first})
            res = _cli(app, source, monkeypatch, "backup", "--output", str(tmp_path))
            trans.rollback()
    finally:
        writer.dispose()
    assert res.exit_code == 0, res.output
    target = Site(tmp_path / "restored-instance", tmp_path / "restored-attachments")
    with _other_app(app, scratch(tmp_path, "writing"), target, monkeypatch) as other:
        res = _cli(other, target, monkeypatch, "restore", str(next(tmp_path.glob("dangjian-*.tar"))), "--yes")
        assert res.exit_code == 0, res.output
        with other.app_context():
            names = db.session.execute(text("SELECT name FROM jurisdictions")).scalars().all()
            db.session.remove()
    assert names and "未提交" not in names


def test_a_restore_into_s3_storage_puts_the_files_in_the_bucket(
    app: Flask,
    world: Any,
    attached: str,
    source: Site,
    target: Site,
    restored_app: Flask,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("moto.server")
    archive = _backup(app, source, tmp_path, monkeypatch)
    settings: Settings = restored_app.config["SETTINGS"]
    with s3_emulator() as endpoint:
        s3 = replace(
            settings.attachments,
            storage="s3",
            s3_endpoint=endpoint,
            s3_bucket=BUCKET,
            s3_access_key="test",
            s3_secret_key="x",
        )
        restored_app.config["SETTINGS"] = replace(settings, attachments=s3)
        res = _cli(restored_app, target, monkeypatch, "restore", str(archive), "--yes")
        assert res.exit_code == 0, res.output
        got = s3_client(endpoint).get_object(Bucket=BUCKET, Key=f"{attached[:2]}/{attached}")["Body"].read()
    assert got == PDF
    assert [p for p in target.attachments.rglob("*") if p.is_file()] == []  # only the bucket holds them


def test_a_folder_that_does_not_exist_is_refused(
    app: Flask, world: Any, source: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--output backups/` before the folder is made: refused, not a file named `backups`."""
    for output in (f"{tmp_path / 'missing'}/", str(tmp_path / "missing" / "nightly.tar")):
        res = _cli(app, source, monkeypatch, "backup", "--output", output)
        assert res.exit_code == 1 and "不存在" in res.output and "does not exist" in res.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["instance"]
