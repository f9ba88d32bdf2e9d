"""Typed inputs of the workflow commands (issue 8): what a caller asks a command to do.

The API's schemas load request bodies into these (`schemas.common.LoadsInto`), the console and the tests
build them directly, and `service.operations` takes nothing else — no `dict[str, Any]` whose keys a command
has to guess. A `Patch` (a PATCH body) also knows which fields were sent: only those are changes.

Plain data, no rules: the rules stay in `workflows/`, checked by the commands."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any, Self


@dataclass(frozen=True)
class Input:
    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Self:
        """From a loaded request body (unknown keys are a programming error, not user input)."""
        return cls(**data)


@dataclass(frozen=True)
class Patch(Input):
    """Only the fields named in `sent` are changes; `"x" in patch`, `patch["x"]`, `patch.get("x", default)`."""

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


# -- establishment -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewCase(Input):
    unit_ids: list[int]
    form: str
    proposed_name: str
    proposed_secretary: str | None = None
    proposed_committee_size: int | None = None
    branch_oversize_reason: str | None = None
    request_text: str | None = None
    roster: list[dict[str, Any]] | None = None


@dataclass(frozen=True)
class CaseChanges(Patch):
    unit_ids: list[int] | None = None
    form: str | None = None
    proposed_name: str | None = None
    proposed_secretary: str | None = None
    proposed_committee_size: int | None = None
    branch_oversize_reason: str | None = None
    request_text: str | None = None
    roster: list[dict[str, Any]] | None = None


@dataclass(frozen=True)
class Elected:
    name: str
    votes: int


@dataclass(frozen=True)
class FoundingMeeting(Input):
    """The founding general meeting (成立党员大会) as recorded."""

    held_on: date
    entitled: int
    present: int
    secretary: str
    elected: tuple[Elected, ...]
    term_start: date | None = None
    oversize_reason: str | None = None

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Self:
        elected = tuple(e if isinstance(e, Elected) else Elected(e["name"], e["votes"]) for e in data["elected"])
        return cls(**{**data, "elected": elected})


# -- supervision tickets ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProblemInput:
    description: str
    measure: str


def _problems(items: Any) -> tuple[ProblemInput, ...] | None:
    if items is None:
        return None
    return tuple(p if isinstance(p, ProblemInput) else ProblemInput(p["description"], p["measure"]) for p in items)


@dataclass(frozen=True)
class NewTicket(Input):
    title: str
    jurisdiction_id: int
    responsible_person: str
    problems: tuple[ProblemInput, ...]
    priority: str | None = None
    responsible_title: str | None = None
    rectification_deadline: date | None = None
    rectification_workdays: int | None = None

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Self:
        return cls(**{**data, "problems": _problems(data["problems"])})


@dataclass(frozen=True)
class TicketChanges(Patch):
    title: str | None = None
    jurisdiction_id: int | None = None
    responsible_person: str | None = None
    priority: str | None = None
    problems: tuple[ProblemInput, ...] | None = None
    responsible_title: str | None = None
    rectification_deadline: date | None = None
    rectification_workdays: int | None = None

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Self:
        values = {**data, "problems": _problems(data["problems"])} if "problems" in data else dict(data)
        return cls(**values, sent=frozenset(data))


@dataclass(frozen=True)
class ProblemReported:
    problem_id: int
    measures_taken: str
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class RectificationReport(Input):
    problems_reported: tuple[ProblemReported, ...]
    summary: str | None = None

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Self:
        reported = tuple(
            p
            if isinstance(p, ProblemReported)
            else ProblemReported(p["problem_id"], p["measures_taken"], tuple(p.get("evidence") or ()))
            for p in data["problems_reported"]
        )
        return cls(problems_reported=reported, summary=data.get("summary"))


@dataclass(frozen=True)
class ExtensionRequest(Input):
    new_deadline: date
    reason: str


@dataclass(frozen=True)
class ExtensionDecision(Input):
    decision: str  # approve / reject
    approved_deadline: date | None = None
    comment: str | None = None

    @property
    def approve(self) -> bool:
        return self.decision == "approve"


# -- interviews ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewInterview(Input):
    reason: str
    ticket_id: int | None = None
    subject_type: str | None = None
    subject_id: int | None = None
    responsible_person: str | None = None
    scheduled_at: datetime | None = None
    place: str | None = None


@dataclass(frozen=True)
class InterviewSchedule(Input):
    scheduled_at: datetime
    place: str | None = None


@dataclass(frozen=True)
class InterviewRecord(Input):
    minutes: str
    commitments: tuple[str, ...]
    new_deadline: date

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Self:
        return cls(minutes=data["minutes"], commitments=tuple(data["commitments"]), new_deadline=data["new_deadline"])


__all__ = [
    "CaseChanges",
    "Elected",
    "ExtensionDecision",
    "ExtensionRequest",
    "FoundingMeeting",
    "InterviewRecord",
    "InterviewSchedule",
    "NewCase",
    "NewInterview",
    "NewTicket",
    "Patch",
    "ProblemInput",
    "ProblemReported",
    "RectificationReport",
]
