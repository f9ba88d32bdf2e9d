"""One way to write a command on a workflow's subject (a case, a ticket, an interview).

    CASES = Subject(EstablishmentCase, ESTABLISHMENT)           # once per workflow

    def submit(actor, case_id, precondition=None):
        with CASES.command(actor, case_id, "submit", precondition, side=_require_applicant_side) as cmd:
            ...                        # what is particular to submitting
            cmd.fire("submit")
        return cmd.row

The opening is the same for every command, in this order: one transaction; the subject row loaded within
the actor's scope and locked FOR NO KEY UPDATE OF its own table only (a bare FOR UPDATE also locked the
jurisdiction row it joins eagerly, and decisions in one body deadlocked on it: docs/decisions/0006); the
caller's If-Match precondition on the locked row; the side check (who may act on this subject); the state
check (409 before any work when the machine cannot fire the event from this state); a snapshot. So is the
closing: the escalation plan brought in line with the new state, one flush (one UPDATE of the row), and
the audit record of what changed — all in the same transaction, the audit row written at commit with the
transaction's others in one INSERT (service/pending.py).

A step handler of the approval engine gets the subject already locked (with the step and its tasks, by
engines/approvals/acting.lock_for_decision) and applies its transition with `Subject.applying`: the closing
without the opening."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from service.auth import Actor
from service.db import transaction
from service.extensions import db
from service.models.base import snapshot
from service.operations.common import Precondition, check_precondition, get_scoped, store
from service.operations.engines import audit, escalation
from workflows.machine import WorkflowDefinition

T = TypeVar("T")
SideCheck = Callable[[Actor, Any], None]


@dataclass
class Command(Generic[T]):
    """The locked subject of one command, and what its audit record will say."""

    actor: Actor
    row: T
    subject: Subject[T]
    action: str | None = None
    comment: str | None = None
    # Recorded beside the row's own changes (rows the command changed besides the subject: problems, extensions).
    detail: dict[str, Any] = field(default_factory=dict)
    detail_before: dict[str, Any] = field(default_factory=dict)
    before: dict[str, Any] = field(default_factory=dict)
    settled: bool = False

    def fire(self, event: str, comment: str | None = None, **kwargs: Any) -> None:
        """Move the subject along `event` (conditions see `kwargs`); the audit action becomes the event."""
        self.subject.machine.fire(self.row, event, **kwargs)
        self.action, self.comment = event, comment if comment is not None else self.comment

    def record(self, action: str, comment: str | None = None) -> None:
        """A change without a transition (an edit): audited under `action`."""
        self.action, self.comment = action, comment if comment is not None else self.comment

    def settle(self) -> None:
        """Run the closing now (replan, flush, audit), when what follows in the command should come after
        the subject's own record (opening an approval step, creating the organisation)."""
        if not self.settled:
            self.subject.close(self)


@dataclass(frozen=True)
class Subject(Generic[T]):
    """A workflow's subject as its commands see it: the model, and the declaration it follows."""

    model: type[T]
    machine: WorkflowDefinition
    scope_attr: str = "jurisdiction_id"
    # Loads and locks the row when "in scope" is more than `scope_attr` (a ticket is visible to the issuing
    # body too); it must lock FOR NO KEY UPDATE OF the subject's own table (common.get_scoped) and answer
    # NotFound out of scope.
    loader: Callable[[Actor, int], T] | None = None
    # False when the workflow's ladder watches another row than this subject (re-elections: the ladder follows
    # each organisation's term, the requests do not escalate), so the closing has no plan to bring in line.
    escalates: bool = True

    @property
    def subject_type(self) -> str:
        return self.machine.subject_type

    @contextmanager
    def command(
        self,
        actor: Actor,
        ident: int,
        event: str | None = None,
        precondition: Precondition | None = None,
        *,
        side: SideCheck | None = None,
    ) -> Iterator[Command[T]]:
        """Open a command on row `ident` (see the module's docstring). `event`, when given, is checked
        against the row's state before the body runs and becomes the audit action unless the body fires
        or records another."""
        with transaction():
            if self.loader is not None:
                row = self.loader(actor, ident)
            else:
                row = get_scoped(self.model, ident, actor, self.scope_attr, for_update=True)
            check_precondition(row, precondition)
            if side is not None:
                side(actor, row)
            if event is not None:
                self.machine.require(row.state, event)  # type: ignore[attr-defined]
            cmd = Command(actor, row, self, before=snapshot(row))
            yield cmd
            cmd.settle()

    @contextmanager
    def applying(self, actor: Actor, row: T) -> Iterator[Command[T]]:
        """The closing alone, on a row the caller already holds locked in its transaction."""
        cmd = Command(actor, row, self, before=snapshot(row))
        yield cmd
        cmd.settle()

    def close(self, cmd: Command[T]) -> None:
        cmd.settled = True
        item = self.machine.escalation_item if self.escalates else None
        if item is not None:
            with db.session.no_autoflush:  # one UPDATE (one version step) for the whole change
                escalation.replan(item, cmd.row)
        store(cmd.row)  # one Core UPDATE of what changed on the subject (decision 0069)
        db.session.flush()  # what else the command added or changed (an organisation, the units it covers)
        if cmd.action is None:
            return
        old, new = audit.changed(cmd.before, snapshot(cmd.row))
        row: Any = cmd.row
        audit.record(
            cmd.actor,
            f"{self.subject_type}.{cmd.action}",
            self.subject_type,
            row.id,
            getattr(row, self.scope_attr),
            {**old, **cmd.detail_before},
            {**new, **cmd.detail},
            cmd.comment,
        )
