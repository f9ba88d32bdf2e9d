"""What follows a ledger change (五个同步): workflows subscribe to unit writes, engines and the ledger stay unaware.

`units.create`, `units.update` and the Excel import call `changed(actor, changes)` inside the write's own
transaction, after the unit rows are written and before the commit, with one `UnitChange` per unit written (a
batch of them for an import). A subscriber (a workflow's service side, from its `register()`) opens what the
change calls for — a preparation item for a new unit without an organisation, an adjustment case for a
deregistered one — in the same transaction, so the ledger change and what follows it commit together or not at
all. Subscribers should work set-based over the batch: an import passes up to a batch of rows at once."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from service.auth import Actor


@dataclass(frozen=True)
class UnitChange:
    """One unit written: its JSON-ready column values before (None for a new unit) and after the write."""

    unit_id: int
    before: Mapping[str, Any] | None
    after: Mapping[str, Any]

    @property
    def created(self) -> bool:
        return self.before is None

    def moved(self, field: str) -> bool:
        """The field changed (always true for a new unit)."""
        return self.before is None or self.before.get(field) != self.after.get(field)


Subscriber = Callable[[Actor, Sequence[UnitChange]], None]
_subscribers: list[Subscriber] = []


def subscribe(subscriber: Subscriber) -> None:
    """Called from a workflow's `register()`; registering twice (a second app in one process) is a no-op."""
    if subscriber not in _subscribers:
        _subscribers.append(subscriber)


def changed(actor: Actor, changes: Sequence[UnitChange]) -> None:
    if not changes:
        return
    for subscriber in _subscribers:
        subscriber(actor, changes)
