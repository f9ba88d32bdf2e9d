"""Typed inputs of the administrative commands: users, jurisdictions, webhook subscriptions and circulars.

Not workflow rules, so not in `workflows/` (a workflow's inputs live beside its rules: `NewUnit` in
workflows/ledger.py, `RouteSpec` in workflows/approval.py, `NewCase` in workflows/establishment.py, …). The
API's schemas load into them (`schemas.common.LoadsInto`); the console, the CLI, the demo and the tests build
them directly; `service.operations` takes nothing else. A `Patch` (a PATCH body) knows which fields were sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from workflows.inputs import Input, Patch


@dataclass(frozen=True)
class NewUser(Input):
    username: str
    display_name: str
    role: str
    jurisdiction_id: int


@dataclass(frozen=True)
class UserChanges(Patch):
    display_name: str | None = None
    role: str | None = None
    jurisdiction_id: int | None = None
    active: bool | None = None


@dataclass(frozen=True)
class NewJurisdiction(Input):
    code: str
    name: str
    kind: str
    parent_id: int | None = None  # none: a root (city), which only the system may create


@dataclass(frozen=True)
class JurisdictionChanges(Patch):
    code: str | None = None
    name: str | None = None
    active: bool | None = None


@dataclass(frozen=True)
class NewWebhook(Input):
    url: str
    events: list[str]
    signature_scheme: str = "standard"


@dataclass(frozen=True)
class WebhookChanges(Patch):
    url: str | None = None
    events: list[str] | None = None
    active: bool | None = None
    signature_scheme: str | None = None


@dataclass(frozen=True)
class NewCircular(Input):
    """A circular (通报) to issue for a period; the jurisdiction defaults to the issuer's own, the title to
    关于<jurisdiction>“两个覆盖”工作情况的通报（<period>）."""

    period_start: date
    period_end: date
    jurisdiction_id: int | None = None
    title: str | None = None
