"""Pairing agreements (pure rules): the year's plan, the parties, the machine."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from workflows.errors import Conflict, RuleViolation
from workflows.pairing import (
    PAIRING_AGREEMENT,
    Duties,
    PairingSettings,
    check_due_on,
    check_parties,
    check_plan,
    lagging,
)


def test_a_plan_needs_the_minimum_duties() -> None:
    check_plan(Duties(2, 1, 2))
    check_plan(Duties(5, 3, 3))
    for plan, code, field in (
        (Duties(1, 1, 2), "plan_visits_too_few", "planned_visits"),
        (Duties(2, 0, 2), "plan_trainings_too_few", "planned_trainings"),
        (Duties(2, 1, 1), "plan_activists_out_of_range", "planned_activists"),
        (Duties(2, 1, 4), "plan_activists_out_of_range", "planned_activists"),
    ):
        with pytest.raises(RuleViolation) as exc:
            check_plan(plan)
        assert (exc.value.code, exc.value.field) == (code, field)
        assert exc.value.detail  # the numbers in force travel with the refusal


def test_the_minimums_are_settings() -> None:
    check_plan(Duties(1, 0, 1), PairingSettings(min_visits=1, min_trainings=0, min_activists=1))
    with pytest.raises(ValueError):
        PairingSettings(min_activists=4, max_activists=3)
    with pytest.raises(ValueError):
        PairingSettings(min_visits=-1)


def test_two_different_organisations_within_the_year() -> None:
    check_parties(1, 2)
    with pytest.raises(RuleViolation) as exc:
        check_parties(3, 3)
    assert exc.value.field == "org_b_id"
    check_due_on(2026, date(2026, 12, 31))
    with pytest.raises(RuleViolation):
        check_due_on(2026, date(2027, 1, 1))


def test_lagging_names_the_duties_behind() -> None:
    plan = Duties(2, 1, 2)
    assert lagging(Duties(0, 0, 0), plan) == ["visits", "trainings", "activists"]
    assert lagging(Duties(2, 0, 3), plan) == ["trainings"]
    assert lagging(Duties(2, 1, 2), plan) == []


def test_the_machine() -> None:
    a = SimpleNamespace(state="draft")
    PAIRING_AGREEMENT.fire(a, "sign")
    PAIRING_AGREEMENT.fire(a, "take_effect")
    with pytest.raises(Conflict):
        PAIRING_AGREEMENT.fire(a, "sign")
    with pytest.raises(RuleViolation) as exc:
        PAIRING_AGREEMENT.fire(a, "terminate", reason=" ")
    assert exc.value.code == "terminate_reason_required" and a.state == "in_force"
    PAIRING_AGREEMENT.fire(a, "review_year")
    assert a.state == "year_reviewed" and PAIRING_AGREEMENT.is_terminal(a.state)


def test_the_declaration_carries_every_part() -> None:
    d = PAIRING_AGREEMENT
    assert d.escalation is not None and d.escalation.item_type == "pairing_agreement"
    assert d.escalation.effects == {"notify"}
    assert d.settings_variable == "PAIRING_AGREEMENT_SETTINGS"
    assert set(d.roles) == {"manage"}
    assert all(e.startswith("pairing_agreement.") for e in d.webhook_events)
