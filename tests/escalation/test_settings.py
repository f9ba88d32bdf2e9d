"""ESCALATION_SETTINGS: ladders are settings per item type."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from flask import Flask

from service import create_app
from service.clock import FixedClock
from service.config import Settings, escalation_settings
from service.extensions import db
from service.models import SupervisionTicket
from service.operations import escalation
from tests.conftest import World
from tests.escalation.helpers import overdue_ticket


def test_defaults_without_the_variable() -> None:
    s = escalation_settings(None)
    assert s.ladder_for("supervision_ticket").levels == ("reminder", "warning", "interview")
    assert s.establishment.preparation_limit_workdays == 30


def test_overrides_merge_with_the_defaults() -> None:
    s = escalation_settings(
        '{"supervision_ticket": {"red_notice_after_workdays": 1}, "establishment": {"preparation_limit_workdays": 20}}'
    )
    assert s.ladder_for("supervision_ticket").levels == ("reminder", "warning", "red_notice", "interview")
    assert s.supervision_ticket.warning_after_workdays == 3
    assert s.establishment.preparation_limit_workdays == 20
    assert s.approval_task == escalation_settings(None).approval_task


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        ('{"tickets": {}}', ValueError),  # unknown item type
        ('{"supervision_ticket": {"warn_after": 2}}', TypeError),  # unknown setting
        ('{"approval_task": {"escalate_after_workdays": -1}}', ValueError),  # negative interval
        ("[1, 2]", ValueError),
        ("{not json", ValueError),
    ],
)
def test_bad_settings_fail_at_start_up(raw: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        escalation_settings(raw)


def test_the_ladder_in_force_comes_from_the_settings(
    app: Flask, world: World, migrated: Settings, clock: FixedClock
) -> None:
    tid = overdue_ticket(app, world, date(2026, 9, 30))
    custom = create_app(
        replace(migrated, escalation=escalation_settings('{"supervision_ticket": {"reminder_after_workdays": 2}}')),
        clock=clock,
    )
    with custom.app_context():
        ticket = db.session.get(SupervisionTicket, tid)
        ticket.escalation_deadline = None  # force a fresh plan
        escalation.replan("supervision_ticket", ticket)
        # Two more working days before the reminder: 10-08 + 2 → 10-10 (the make-up Saturday).
        assert (ticket.next_escalation_level, ticket.next_escalation_at) == ("reminder", date(2026, 10, 10))
        db.session.rollback()
