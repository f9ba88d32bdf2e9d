"""The version of the rules a case, ticket or agreement started under (docs/decisions/0065).

"The rules" are the settings the pure rules in workflows/ read — the ledger's scope thresholds, the default
approval modes, the establishment and supervision rules, every escalation ladder and every workflow's declared
rule settings — together with the code version (the package version, and the commit given at build time as
BUILD_COMMIT). Operational settings (pools, logs, limits, documents, attachments) are not rules. Approval
routes are configuration in the database with their own version, and each approval step records the mode and
approvers it was opened with.

The version is a short hash of that canonical JSON, worked out once per settings object (a process's settings
change only at a restart). A subject created in a transaction gets it in its INSERT (a session hook, so every
creating command is covered and none pays a statement for it); the first such transaction of a process also
records the hash's meaning in `rule_versions` (INSERT … ON CONFLICT DO NOTHING), so a hash can be explained."""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.metadata
import json
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any, cast

from flask import current_app, has_app_context
from sqlalchemy import Table, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, UOWTransaction

from service.clock import now
from workflows.deadlines import EscalationSettings, LadderSettings

PACKAGE = "dangjian-flow"
# The Settings fields the rules read; everything else in Settings is operational.
RULE_SETTINGS = (
    "enterprise_scope_min_employees",
    "social_org_scope_min_staff",
    "approval_modes",
    "establishment",
    "supervision",
    "escalation",
    "workflows",
)
HASH_LENGTH = 12


@dataclass(frozen=True)
class RulesVersion:
    hash: str
    code_version: str
    settings: dict[str, Any]


@cache
def code_version() -> str:
    """The package version, with the build's commit when the build recorded one (BUILD_COMMIT)."""
    try:
        version = importlib.metadata.version(PACKAGE)
    except importlib.metadata.PackageNotFoundError:  # run from a source tree that was never installed
        version = "0+unknown"
    commit = os.environ.get("BUILD_COMMIT", "").strip()
    return f"{version}+{commit[:12]}" if commit else version


def plain(value: Any) -> Any:
    """A settings value as JSON-ready data with a stable shape: mappings by sorted key, tuples as lists."""
    if isinstance(value, EscalationSettings):
        return plain(value.items)
    if isinstance(value, LadderSettings):
        return plain(value.values)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k.value if isinstance(k, Enum) else k): plain(v) for k, v in sorted(value.items(), key=str)}
    if isinstance(value, list | tuple | frozenset | set):
        items = [plain(v) for v in value]
        return sorted(items, key=str) if isinstance(value, frozenset | set) else items
    if isinstance(value, Enum):
        return value.value
    return value


def describe(settings: Any) -> RulesVersion:
    """The rules version of a Settings object (cached on the object: worked out once, not per request)."""
    found = _described.get(id(settings))
    if found is not None and found[0] is settings:
        return found[1]
    rule_settings = {name: plain(getattr(settings, name)) for name in RULE_SETTINGS}
    code = code_version()
    canonical = json.dumps({"code": code, "settings": rule_settings}, sort_keys=True, separators=(",", ":"))
    version = RulesVersion(hashlib.sha256(canonical.encode()).hexdigest()[:HASH_LENGTH], code, rule_settings)
    with _lock:
        if len(_described) > 16:  # tests swap settings objects; a process keeps one
            _described.clear()
        _described[id(settings)] = (settings, version)
    return version


_lock = threading.Lock()
_described: dict[int, tuple[Any, RulesVersion]] = {}
# Hashes this process has seen committed to `rule_versions`.
_recorded: set[str] = set()


def current() -> RulesVersion | None:
    """The rules version of the running app; None outside one."""
    if not has_app_context():
        return None
    settings = current_app.config.get("SETTINGS")
    return describe(settings) if settings is not None else None


def forget() -> None:
    """Forget which hashes were recorded (tests whose database was emptied under the process)."""
    with _lock:
        _recorded.clear()


def _record(session: Session, version: RulesVersion) -> None:
    from service.models.config import RuleVersion  # the models import this module's users, not the reverse

    table = cast(Table, RuleVersion.__table__)
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table)
    session.connection().execute(
        insert.values(
            hash=version.hash, code_version=version.code_version, settings=version.settings, first_seen=now()
        ).on_conflict_do_nothing(index_elements=["hash"])
    )
    session.info["rules_version_recorded"] = version.hash


@event.listens_for(Session, "before_flush")
def _stamp_new_subjects(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    from service.models.base import RuleVersioned

    fresh = [o for o in session.new if isinstance(o, RuleVersioned) and o.rules_version is None]
    if not fresh:
        return
    version = current()
    if version is None:
        return
    for row in fresh:
        row.rules_version = version.hash
    if version.hash not in _recorded and session.info.get("rules_version_recorded") != version.hash:
        _record(session, version)


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    recorded = session.info.pop("rules_version_recorded", None)
    if recorded is not None:
        with _lock:
            _recorded.add(recorded)


@event.listens_for(Session, "after_rollback")
def _rolled_back(session: Session) -> None:
    session.info.pop("rules_version_recorded", None)
