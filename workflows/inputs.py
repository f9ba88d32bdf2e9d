"""Typed inputs of commands: what a caller asks a command to do, as plain frozen dataclasses.

Each workflow declares its inputs beside its rules (`NewCase` in workflows/establishment.py, `NewUnit` in
workflows/ledger.py, …; the administrative commands' in service/inputs.py); the API's
schemas load request bodies into them (`schemas.common.LoadsInto`), the console and the tests build them
directly, and `service.operations` takes nothing else — no `dict[str, Any]` whose keys a command has to
guess. A `Patch` (a PATCH body) also knows which fields were sent: only those are changes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any, Self


@dataclass(frozen=True)
class Input:
    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Self:
        """From a loaded request body (unknown keys are a programming error, not user input)."""
        return cls(**data)


@dataclass(frozen=True)
class Patch(Input):
    """Only the fields named in `sent` are changes; `"x" in patch`, `patch["x"]`, `patch.get("x", default)`,
    `patch.items()` (the sent fields and their values, in declaration order)."""

    sent: frozenset[str] = frozenset()

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Self:
        return cls(**data, sent=frozenset(data))

    def __contains__(self, name: object) -> bool:
        return name in self.sent

    def __getitem__(self, name: str) -> Any:
        if name not in self.sent:
            raise KeyError(name)
        return getattr(self, name)

    def get(self, name: str, default: Any = None) -> Any:
        return getattr(self, name) if name in self.sent else default

    def names(self) -> list[str]:
        return [f.name for f in fields(self) if f.name in self.sent]

    def items(self) -> list[tuple[str, Any]]:
        return [(name, getattr(self, name)) for name in self.names()]

    def setting(self, **values: Any) -> Self:
        """This patch with these fields set (and sent) as well — e.g. a form's unchecked box."""
        return replace(self, **values, sent=self.sent | frozenset(values))
