"""Expand/contract (decision 0066): `db upgrade` runs while the previous release's processes still serve, so
the migrations a release adds only expand the schema — new tables, new nullable columns or columns with a server
default, new indexes — and a contract step (a drop, a rename, a type change, a new NOT NULL without a default)
comes in a later release, once no code of the release in production reads what it removes, marked on its line
with `# contract: <why it is safe now>`.

Two checks. The static one reads every migration after the previous release's head (migrations/previous_release)
and fails on an unmarked contract step. The live one checks out the previous release's tree (`git archive` of
the commit in migrations/previous_release, into a temporary folder), migrates a scratch database to this
release's head, fills it with the demo city as this release writes it, and runs the old release's reads of
every table it maps (`select(Model)` for each of its models, in its own process) against it. It skips where
the commit is not in the repository's history (a shallow clone)."""

from __future__ import annotations

import ast
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import textwrap
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from alembic.script import ScriptDirectory
from flask_migrate import upgrade
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from service import create_app
from service.config import Settings, normalise_database_url
from service.extensions import db
from tests.support import ROOT

MIGRATIONS = ROOT / "migrations"
PREVIOUS_RELEASE = MIGRATIONS / "previous_release"

# Operations that take away or narrow what a running older release reads or writes.
DROPS = {"drop_column", "drop_table", "rename_table"}
RAW_CONTRACT = re.compile(
    r"\b(DROP\s+(TABLE|COLUMN)|RENAME\s+(TO|COLUMN)|ALTER\s+COLUMN\s+\S+\s+(SET\s+NOT\s+NULL|TYPE))\b", re.I
)
MARK = re.compile(r"#\s*contract:\s*\S")


def previous_release() -> dict[str, str]:
    """version, commit and revision of the release in production (migrations/previous_release)."""
    fields = {}
    for line in PREVIOUS_RELEASE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, value = line.partition(":")
            fields[key.strip()] = value.strip()
    return fields


def contract_steps(source: str) -> list[str]:
    """The unmarked contract steps of a migration's `upgrade()`, as `line N: what` (empty when it only
    expands). `downgrade()` drops what its upgrade added, which is its job."""
    lines = source.splitlines()
    found = []
    for function in ast.parse(source).body:
        if not (isinstance(function, ast.FunctionDef) and function.name == "upgrade"):
            continue
        for node in ast.walk(function):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            what = _contracting(node)
            if what is None:
                continue
            # The mark sits on the call's lines or on the line just above it.
            span = lines[max(node.lineno - 2, 0) : (node.end_lineno or node.lineno)]
            if not any(MARK.search(line) for line in span):
                found.append(f"line {node.lineno}: {what}")
    return found


def _contracting(call: ast.Call) -> str | None:
    assert isinstance(call.func, ast.Attribute)
    name = call.func.attr
    keywords = {k.arg: k.value for k in call.keywords if k.arg}
    if name in DROPS:
        return name
    if name == "alter_column":
        if "new_column_name" in keywords:
            return "alter_column renames a column"
        if "type_" in keywords:
            return "alter_column changes a column's type"
        if _is_false(keywords.get("nullable")) and "server_default" not in keywords:
            return "alter_column makes a column NOT NULL"
    if name == "add_column":
        column = next((a for a in call.args if isinstance(a, ast.Call)), None)
        if column is not None:
            options = {k.arg: k.value for k in column.keywords if k.arg}
            required = _is_false(options.get("nullable")) or _is_true(options.get("primary_key"))
            if required and "server_default" not in options:
                return "add_column adds a NOT NULL column without a server default"
    if name == "execute":
        for node in ast.walk(call):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and RAW_CONTRACT.search(node.value):
                return f"execute: {RAW_CONTRACT.search(node.value).group(0)}"  # type: ignore[union-attr]
    return None


def _is_false(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is False


def _is_true(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def unreleased_migrations() -> list[Path]:
    """The migrations between the previous release's head (excluded) and this release's head."""
    scripts = ScriptDirectory(str(MIGRATIONS))
    baseline = previous_release()["revision"]
    return [Path(script.path) for script in scripts.iterate_revisions("heads", baseline) if script.revision != baseline]


# The static check.


def test_the_previous_release_is_an_ancestor_of_head() -> None:
    release = previous_release()
    assert set(release) == {"version", "commit", "revision"}
    assert re.fullmatch(r"[0-9a-f]{40}", release["commit"])
    assert f"## [{release['version']}]" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    scripts = ScriptDirectory(str(MIGRATIONS))
    ancestors = {s.revision for h in scripts.get_heads() for s in scripts.iterate_revisions(h, "base")}
    assert release["revision"] in ancestors


def test_the_migrations_since_the_previous_release_only_expand() -> None:
    migrations = unreleased_migrations()
    assert migrations, "no migration since the previous release: is migrations/previous_release current?"
    offending = {path.name: steps for path in migrations if (steps := contract_steps(path.read_text(encoding="utf-8")))}
    assert offending == {}, (
        "a migration takes away what the release in production still reads; move it to a later release and "
        "mark it `# contract: <why it is safe now>` (docs/operating.md#upgrades)"
    )


UNMARKED = {
    "op.drop_column('units', 'fax')": "drop_column",
    "op.drop_table('old_things')": "drop_table",
    "op.rename_table('a', 'b')": "rename_table",
    "batch.drop_column('fax')": "drop_column",
    "op.alter_column('units', 'fax', new_column_name='phone')": "alter_column renames a column",
    "op.alter_column('units', 'code', type_=sa.String(16))": "alter_column changes a column's type",
    "op.alter_column('units', 'code', nullable=False)": "alter_column makes a column NOT NULL",
    "op.add_column('units', sa.Column('kind', sa.String(8), nullable=False))": "add_column adds a NOT NULL",
    "op.execute('ALTER TABLE units DROP COLUMN fax')": "execute: DROP COLUMN",
    "op.execute(sa.text('ALTER TABLE units RENAME COLUMN fax TO phone'))": "execute: RENAME COLUMN",
    "op.execute('ALTER TABLE units ALTER COLUMN code SET NOT NULL')": "execute: ALTER COLUMN code SET NOT NULL",
}
EXPANDING = [
    "op.add_column('units', sa.Column('fax', sa.String(32), nullable=True))",
    "op.add_column('units', sa.Column('kind', sa.String(8), nullable=False, server_default='a'))",
    "op.create_table('things', sa.Column('id', sa.Integer(), primary_key=True))",
    "op.create_index('ix_units_fax', 'units', ['fax'], postgresql_concurrently=True)",
    "op.alter_column('units', 'fax', nullable=True)",
    "op.execute('UPDATE units SET fax = NULL')",
]


def _migration(statement: str) -> str:
    body = textwrap.indent(statement, "    ")
    head = "import sqlalchemy as sa\nfrom alembic import op\n"
    return f"{head}\n\ndef upgrade():\n{body}\n\n\ndef downgrade():\n{body}\n"


@pytest.mark.parametrize("statement", list(UNMARKED))
def test_an_unmarked_contract_step_is_found(statement: str) -> None:
    (found,) = contract_steps(_migration(statement))
    assert found.startswith("line 6: ") and UNMARKED[statement] in found


@pytest.mark.parametrize("statement", list(UNMARKED))
def test_a_marked_contract_step_passes(statement: str) -> None:
    assert contract_steps(_migration(f"{statement}  # contract: 0.3.0 reads it no more")) == []
    assert contract_steps(_migration(f"# contract: 0.3.0 reads it no more\n{statement}")) == []
    # A mark needs its reason.
    assert contract_steps(_migration(f"{statement}  # contract:")) != []


@pytest.mark.parametrize("statement", EXPANDING)
def test_an_expanding_step_passes(statement: str) -> None:
    assert contract_steps(_migration(statement)) == []


# The live check: the previous release's reads against this release's schema.

READER = """
import json, sys
from pathlib import Path
import service
from service import create_app
from service.extensions import db
from sqlalchemy import select

tree = Path(sys.argv[1]).resolve()
assert Path(service.__file__).resolve().is_relative_to(tree), service.__file__  # the old release's code
app = create_app()
results = {}
with app.app_context():
    for mapper in sorted(db.Model.registry.mappers, key=lambda m: m.class_.__name__):
        model = mapper.class_
        try:
            results[model.__name__] = len(db.session.execute(select(model).limit(200)).unique().scalars().all())
        except Exception as exc:  # reported, per model, by the test
            results[model.__name__] = f"{type(exc).__name__}: {exc}".splitlines()[0]
            db.session.rollback()
# Then the command line's arguments, if any, run as its `flask` command in this process.
command = app.test_cli_runner().invoke(args=sys.argv[2:]) if sys.argv[2:] else None
print(json.dumps({"reads": results, "command": command and [command.exit_code, command.output]}))
"""


@pytest.fixture
def scratch_url(tmp_path: Path) -> Iterator[str]:
    raw = os.environ.get("DATABASE_URL")
    if not raw or not normalise_database_url(raw).startswith("postgresql"):
        yield f"sqlite:///{tmp_path / 'upgraded.db'}"
        return
    url = make_url(normalise_database_url(raw))
    name = f"{url.database}_previous"
    assert "test" in name  # never touch anything but a test database's twin
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _previous_tree(commit: str, into: Path) -> Path:
    """The previous release's source, extracted from git; skips without that history."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the previous release's source is not at hand")
    known = subprocess.run(["git", "-C", str(ROOT), "cat-file", "-e", f"{commit}^{{commit}}"], capture_output=True)
    if known.returncode != 0:
        pytest.skip(f"commit {commit[:12]} is not in this clone's history (shallow?): fetch it to run this check")
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", commit, "service", "workflows", "schemas", "workers"],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def test_the_previous_release_reads_and_writes_on_the_upgraded_schema(tmp_path: Path, scratch_url: str) -> None:
    release = previous_release()
    tree = _previous_tree(release["commit"], tmp_path / "previous")
    settings = replace(Settings.from_env(), database_url=scratch_url, redis_url=None, embedded_database=False)
    app = create_app(settings)
    with app.app_context():
        upgrade(directory=str(MIGRATIONS))
        from service import demo

        demo.load()  # rows in nearly every table, as this release writes them
        db.session.remove()
        db.engine.dispose()
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "PYTHONPATH"}}
    env.update(DATABASE_URL=scratch_url, PYTHONPATH=str(tree), INSTANCE_DIR=str(tmp_path / "instance"))

    def old(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, *args], cwd=tree, env=env, capture_output=True, text=True, timeout=120)

    def run_old(*command: str) -> tuple[dict[str, int | str], list[Any] | None]:
        run = old("-c", READER, str(tree), *command)
        assert run.returncode == 0, run.stderr[-3000:]
        answer = json.loads(run.stdout.strip().splitlines()[-1])
        return answer["reads"], answer["command"]

    # Its reads of every model, then its writes: a user and a token, with their audit records, through its own
    # command line (its INSERTs name only the columns it knows).
    results, command = run_old("users", "create", "previous_release", "--role", "admin", "--jurisdiction", "350100")
    failures = {model: result for model, result in results.items() if isinstance(result, str)}
    assert failures == {}, f"the {release['version']} release cannot read the upgraded schema"
    # Every model of the old release was read, and the demo city gave most of them rows to load.
    assert len(results) >= 30
    assert sum(1 for n in results.values() if n) >= len(results) // 2
    assert command is not None and command[0] == 0 and "token (shown once)" in command[1], command
    engine = create_engine(normalise_database_url(scratch_url))
    with engine.connect() as conn:
        scopes: str = conn.execute(
            text("SELECT t.scopes FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE u.username = :u"),
            {"u": "previous_release"},
        ).scalar_one()
    assert scopes == "read"  # the least, by the column's server default

    # And the check fails when the schema takes away a column the old release reads.
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE jurisdictions RENAME COLUMN name TO full_name"))
    engine.dispose()
    broken = {model for model, result in run_old()[0].items() if isinstance(result, str)}
    assert {"Jurisdiction", "User", "Unit"} <= broken
