"""Pairing agreements (结对共建): two party organisations sign an agreement with yearly duties.

The year's plan names the duties (at least two visits, one training, two to three activists cultivated:
settings, PAIRING_AGREEMENT_SETTINGS) and the day they should be done by. An agreement is drafted, signed,
takes effect, records what was done, and its year is reviewed (met or not); it may be terminated before.
While in force and behind its plan, it climbs a small ladder from its due day: 催办, then 预警.

Pure rules: no Flask, no database. The service side is service/operations/flows/pairing/agreements.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any, Self

from workflows.deadlines import EscalationLadder, Rung
from workflows.errors import RuleViolation
from workflows.inputs import Input
from workflows.machine import StateDef, TransitionDef, WorkflowDefinition


@dataclass(frozen=True)
class PairingSettings:
    """The yearly duties a plan must include (domain brief: ≥ 2 visits, 1 training, 2–3 activists)."""

    min_visits: int = 2
    min_trainings: int = 1
    min_activists: int = 2
    max_activists: int = 3

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
                raise ValueError(f"PairingSettings.{f.name} must be an int in 0..100, got {value!r}")
        if self.min_activists > self.max_activists:
            raise ValueError("PairingSettings.min_activists must not exceed max_activists")


DEFAULT_SETTINGS = PairingSettings()

DUTY_LABELS: Mapping[str, str] = {"visits": "走访交流", "trainings": "联合培训", "activists": "培养入党积极分子"}


@dataclass(frozen=True)
class Duties:
    visits: int
    trainings: int
    activists: int

    def as_dict(self) -> dict[str, int]:
        return {"visits": self.visits, "trainings": self.trainings, "activists": self.activists}


def check_parties(org_a_id: int, org_b_id: int) -> None:
    if org_a_id == org_b_id:
        raise RuleViolation("same_party_org", "结对双方须为两个不同的党组织", field="org_b_id")


def check_plan(plan: Duties, settings: PairingSettings = DEFAULT_SETTINGS) -> None:
    """The year's plan must include the minimum duties; activists within the range."""
    if plan.visits < settings.min_visits:
        raise RuleViolation(
            "plan_visits_too_few",
            f"年度计划走访交流不少于{settings.min_visits}次",
            field="planned_visits",
            detail={"min_visits": settings.min_visits},
        )
    if plan.trainings < settings.min_trainings:
        raise RuleViolation(
            "plan_trainings_too_few",
            f"年度计划联合培训不少于{settings.min_trainings}次",
            field="planned_trainings",
            detail={"min_trainings": settings.min_trainings},
        )
    if not settings.min_activists <= plan.activists <= settings.max_activists:
        raise RuleViolation(
            "plan_activists_out_of_range",
            f"年度计划培养入党积极分子{settings.min_activists}至{settings.max_activists}名",
            field="planned_activists",
            detail={"min_activists": settings.min_activists, "max_activists": settings.max_activists},
        )


def check_due_on(year: int, due_on: dt.date) -> None:
    """The duties fall due within the plan's year."""
    if due_on.year != year:
        raise RuleViolation("due_on_outside_year", f"完成期限须在{year}年内", field="duties_due_on")


def lagging(done: Duties, plan: Duties) -> list[str]:
    """The duties still behind the plan, in a fixed order (empty: the year's plan is met)."""
    return [name for name, target in plan.as_dict().items() if done.as_dict()[name] < target]


def _reason_given(model: Any, kwargs: Mapping[str, Any]) -> bool:
    reason = kwargs.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise RuleViolation("terminate_reason_required", "终止结对协议须说明理由", field="reason")
    return True


class PairingState(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"
    IN_FORCE = "in_force"
    YEAR_REVIEWED = "year_reviewed"
    TERMINATED = "terminated"


_P = PairingState

# Behind the plan on its due day: 催办 on the next working day, 预警 (to the bodies above) five later.
PAIRING_LADDER = EscalationLadder(
    "pairing_agreement",
    (Rung("reminder", 0, "notify"), Rung("warning", 5, "notify")),
    yellow_within_workdays=10,
)

PAIRING_AGREEMENT = WorkflowDefinition(
    name="pairing_agreement",
    label_zh="结对共建",
    webhook_events=("pairing_agreement.signed", "pairing_agreement.year_reviewed", "pairing_agreement.terminated"),
    escalation=PAIRING_LADDER,
    settings=DEFAULT_SETTINGS,
    # Organisation departments and township working committees draft, sign and follow agreements.
    roles={"manage": ("admin", "supervisor", "handler")},
    states=[
        StateDef(_P.DRAFT, "草拟中"),
        StateDef(_P.SIGNED, "已签订"),
        StateDef(_P.IN_FORCE, "履行中"),
        StateDef(_P.YEAR_REVIEWED, "年度已考评", terminal=True),
        StateDef(_P.TERMINATED, "已终止", terminal=True),
    ],
    transitions=[
        TransitionDef("sign", (_P.DRAFT,), _P.SIGNED, "签订协议"),
        TransitionDef("take_effect", (_P.SIGNED,), _P.IN_FORCE, "协议生效"),
        TransitionDef("review_year", (_P.IN_FORCE,), _P.YEAR_REVIEWED, "年度考评"),
        TransitionDef(
            "terminate", (_P.DRAFT, _P.SIGNED, _P.IN_FORCE), _P.TERMINATED, "终止协议", conditions=(_reason_given,)
        ),
    ],
    initial=_P.DRAFT,
)


# -- typed inputs of the commands (workflows.inputs) -----------------------------------------------------------


@dataclass(frozen=True)
class NewAgreement(Input):
    org_a_id: int
    org_b_id: int
    title: str
    year: int
    duties_due_on: dt.date
    planned_visits: int
    planned_trainings: int
    planned_activists: int

    @property
    def plan(self) -> Duties:
        return Duties(self.planned_visits, self.planned_trainings, self.planned_activists)


@dataclass(frozen=True)
class Progress(Input):
    """Duties done since the last record, added to the year's totals."""

    visits: int = 0
    trainings: int = 0
    activists: int = 0

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Self:
        return cls(**data)
