"""Command-line tools: `flask --app service <group> <command>`."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

import click
from flask import Flask
from flask.cli import AppGroup, with_appcontext
from sqlalchemy import select

from service.auth import system_actor
from service.extensions import db
from service.inputs import NewJurisdiction, NewUser
from service.models import Jurisdiction, JurisdictionKind, Role, User
from workflows.errors import RuleViolation

users_cli = AppGroup("users", help="Users and API tokens.")
jurisdictions_cli = AppGroup("jurisdictions", help="The jurisdiction tree.")
ledger_cli = AppGroup("ledger", help="Ledger maintenance.")
demo_cli = AppGroup("demo", help="Demo data.")
calendar_cli = AppGroup("calendar", help="The working-day calendar (official holiday notices).")
retention_cli = AppGroup("retention", help="Records kept for a period (RETENTION_*_DAYS).")


def _jurisdiction(code: str) -> Jurisdiction:
    row = db.session.execute(select(Jurisdiction).where(Jurisdiction.code == code)).scalar_one_or_none()
    if row is None:
        raise click.ClickException(f"no jurisdiction with code {code!r}")
    return row


def _user(username: str) -> User:
    row = db.session.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if row is None:
        raise click.ClickException(f"no user {username!r}")
    return row


def _fail(exc: RuleViolation) -> click.ClickException:
    return click.ClickException(f"{exc.code}: {exc.message}")


@jurisdictions_cli.command("create")
@click.option("--code", required=True)
@click.option("--name", required=True)
@click.option("--kind", required=True, type=click.Choice([k.value for k in JurisdictionKind]))
@click.option("--parent", "parent_code", default=None, help="Parent code; omit for a root (city).")
def create_jurisdiction(code: str, name: str, kind: str, parent_code: str | None) -> None:
    from service.operations.reference import jurisdictions

    parent_id = _jurisdiction(parent_code).id if parent_code else None
    try:
        row = jurisdictions.create(
            system_actor("cli"), NewJurisdiction(code=code, name=name, kind=kind, parent_id=parent_id)
        )
    except RuleViolation as exc:
        raise _fail(exc) from exc
    click.echo(f"created jurisdiction {row.id} {row.code} {row.name}")


@users_cli.command("create")
@click.argument("username")
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]))
@click.option("--jurisdiction", "jurisdiction_code", required=True, help="Jurisdiction code")
@click.option("--name", "display_name", default=None, help="Display name (default: the username)")
def create_user(username: str, role: str, jurisdiction_code: str, display_name: str | None) -> None:
    """Create a user and print a new API token once."""
    from service.operations.reference import users

    actor = system_actor("cli")
    try:
        place = _jurisdiction(jurisdiction_code)
        user = users.create(
            actor,
            NewUser(username=username, display_name=display_name or username, role=role, jurisdiction_id=place.id),
        )
        _, plain = users.issue_token(actor, user, "cli")
    except RuleViolation as exc:
        raise _fail(exc) from exc
    click.echo(f"created user {user.id} {user.username} ({role})")
    click.echo(f"token (shown once): {plain}")


@users_cli.command("token")
@click.argument("username")
@click.option("--name", default="cli")
def issue_token(username: str, name: str) -> None:
    """Issue another token for a user and print it once."""
    from service.operations.reference import users

    try:
        _, plain = users.issue_token(system_actor("cli"), _user(username), name)
    except RuleViolation as exc:
        raise _fail(exc) from exc
    click.echo(plain)


@users_cli.command("revoke")
@click.argument("username")
@click.argument("token_id", type=int)
def revoke_token(username: str, token_id: int) -> None:
    from service.operations.reference import users

    users.revoke_token(system_actor("cli"), _user(username), token_id)
    click.echo(f"revoked token {token_id}")


@ledger_cli.command("rescope")
def rescope() -> None:
    """Recompute in_scope for every unit after the scope thresholds changed."""
    from service.operations.reference import units

    click.echo(f"{units.rescope(system_actor('cli'))} units changed scope")


@ledger_cli.command("adopt-instructors")
def adopt_instructors() -> None:
    """Record an assignment for every unit whose ledger names an instructor without one (once, after upgrading)."""
    from service.operations.flows.instructors import assignments

    click.echo(f"recorded {assignments.adopt_ledger(system_actor('cli'))} instructor assignments")


@demo_cli.command("load")
@click.option("--tokens-file", type=click.Path(dir_okay=False), default=None)
def load_demo(tokens_file: str | None) -> None:
    """Load the demo city into an EMPTY database and print the demo users' tokens."""
    from service import demo

    if not demo.database_is_empty():
        raise click.ClickException("the database is not empty: demo data is only loaded into an empty one")
    tokens = demo.load()
    demo.print_tokens(tokens, tokens_file, demo.set_passwords(list(tokens)))


@calendar_cli.command("load")
@click.argument("file", type=click.File("r", encoding="utf-8"))
def load_calendar(file: TextIO) -> None:
    """Load a year's holiday notice from JSON: {"year": 2027, "notice": "...", "days": [{"date", "workday", "name"}]}.
    Replaces that year's days (same rules as PUT /api/v1/calendar/<year>)."""
    import json

    from marshmallow import ValidationError

    from schemas.calendar import CalendarFileSchema
    from service.operations.reference import calendar

    try:
        data = CalendarFileSchema().load(json.load(file))
        result = calendar.load_year(system_actor("cli"), data["year"], data["notice"], data["days"])
    except json.JSONDecodeError as exc:
        raise click.ClickException(f"not valid JSON: {exc}") from exc
    except ValidationError as exc:
        raise click.ClickException(f"invalid file: {json.dumps(exc.messages, ensure_ascii=False)}") from exc
    except RuleViolation as exc:
        raise click.ClickException(f"{exc.field}: {exc.code}: {exc.message}" if exc.field else exc.message) from exc
    click.echo(
        f"loaded {result['year']}: {len(result['overrides'])} days, basis {result['basis']}, "
        f"{len(result['holidays'])} weekday holidays, {len(result['makeup_workdays'])} weekend working days"
    )


@calendar_cli.command("show")
@click.argument("year", type=int)
def show_calendar(year: int) -> None:
    """Show a year: basis, loaded notice, weekday holidays and weekend working days."""
    from service.errors import ApiError
    from service.operations.reference import calendar

    try:
        info = calendar.summary(year)
    except ApiError as exc:
        raise click.ClickException(exc.message) from exc
    click.echo(f"{year}: basis {info['basis']} ({info['basis_label']})")
    if info["loaded"]:
        click.echo(f"notice: {info['notice']}")
        click.echo(f"loaded {info['loaded_at'].isoformat()} by {info['loaded_by']}")
    for label, key in (("holidays (weekdays off)", "holidays"), ("make-up working days", "makeup_workdays")):
        click.echo(f"{label}: {len(info[key])}")
        for day in info[key]:
            click.echo(f"  {day['date'].isoformat()} {day['date'].strftime('%a')} {day['name'] or ''}".rstrip())


@click.command("backup")
@with_appcontext
@click.option(
    "--output",
    type=click.Path(),
    default=None,
    help="The archive's path, or a folder to write dangjian-backup-<UTC time>.tar into (default: the current folder).",
)
def backup_command(output: str | None) -> None:
    """Back up the database and the instance files into one archive (docs/operating.md#backups)."""
    from service.operations import backups

    try:
        done = backups.backup(output)
    except backups.BackupRefused as exc:
        raise click.ClickException(exc.message) from exc
    click.echo(
        f"备份完成 backup written: {done.path} ({_size(done.size)}, database + {done.files - 1} files, "
        f"revision {done.revision}, {done.seconds:.1f} s)"
    )
    if not done.attachments.get("in_archive"):
        click.echo(f"注意 note: {done.attachments.get('note')} (bucket {done.attachments.get('bucket')})")
    for name in done.damaged:
        click.echo(
            f"警告 warning: {name} 的内容与其 SHA-256 名称不符（已损坏），按原样备份。 "
            "Damaged: its bytes do not match its name; archived as they are."
        )


@click.command("restore")
@with_appcontext
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.option("--force", is_flag=True, help="Overwrite a database that is not empty.")
def restore_command(path: Path, yes: bool, force: bool) -> None:
    """Restore a backup archive into an EMPTY database and the instance files (docs/operating.md#backups)."""
    from service.config import default_instance_dir
    from service.operations import backups

    target = db.engine.url.render_as_string(hide_password=True)
    if not yes:
        click.confirm(f"将备份恢复到 {target} 和 {default_instance_dir()}？ Restore {path} into them?", abort=True)
    try:
        done = backups.restore(path, force=force)
    except backups.BackupRefused as exc:
        raise click.ClickException(exc.message) from exc
    click.echo(f"恢复完成 restored: database at revision {done.revision} + {done.files} files ({done.seconds:.1f} s)")
    if not done.attachments.get("in_archive", True):
        click.echo(f"注意 note: {done.attachments.get('note')} (bucket {done.attachments.get('bucket')})")
    if not done.at_head:
        click.echo("该备份的数据库版本较旧，请运行 run: flask --app service db upgrade")


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.1f} KB"


@retention_cli.command("purge")
@with_appcontext
def purge_retention() -> None:
    """Delete now what is past its retention period (the scheduler does it hourly)."""
    from service.operations import retention

    for kind, count in retention.purge().items():
        click.echo(f"{kind}: {count} deleted")


def register(app: Flask) -> None:
    for group in (users_cli, jurisdictions_cli, ledger_cli, demo_cli, calendar_cli, retention_cli):
        app.cli.add_command(group)
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)
