"""Settings from the environment: ESCALATION_SETTINGS, ESTABLISHMENT_SETTINGS, SUPERVISION_SETTINGS."""

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
from service.operations.engines import escalation
from tests.support.escalation import overdue_ticket
from tests.support.world import World


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
        ('{"supervision_ticket": {"warn_after": 2}}', ValueError),  # unknown setting
        ('{"approval_task": {"escalate_after_workdays": -1}}', ValueError),  # negative interval
        ("[1, 2]", ValueError),
        ("{not json", ValueError),
    ],
)
def test_bad_settings_fail_at_start_up(raw: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        escalation_settings(raw)


@pytest.mark.commits  # a second app (its own connection) reads what the first wrote
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


def test_establishment_settings_merge_per_form(monkeypatch: pytest.MonkeyPatch) -> None:
    from service.config import establishment_settings

    monkeypatch.setenv("MAX_JOINT_UNITS", "5")
    s = establishment_settings(
        '{"term_years": {"primary_committee": 4}, "approval_chain": {"branch": ["superior_review", "county_approval"]}}'
    )
    assert s.term_years["primary_committee"] == 4 and s.term_years["branch"] == 3
    assert s.approval_chain["branch"] == ("superior_review", "county_approval")
    assert s.approval_chain["general_branch"] == ("superior_approval",)
    assert s.max_joint_units == 5 and s.approval_due_working_days == 22


@pytest.mark.parametrize(
    "raw",
    ['{"max_joint_unit": 4}', '{"term_years": {"branch": 0}}', '{"committee_size_max": 9}', '"x"'],
)
def test_bad_establishment_settings_fail_at_start_up(raw: str) -> None:
    from service.config import establishment_settings

    with pytest.raises((ValueError, TypeError)):
        establishment_settings(raw)


def test_supervision_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    from service.config import supervision_settings

    assert supervision_settings('{"acknowledge_workdays": 3}').acknowledge_workdays == 3
    assert supervision_settings(None).max_problems == 50
    with pytest.raises(ValueError):
        supervision_settings('{"acknowledge_days": 3}')


@pytest.mark.commits  # its own app and world, committed
def test_a_configured_approval_chain_is_what_cases_go_through(migrated: Settings, clock: FixedClock) -> None:
    """A branch routed through superior review and county approval opens two levels in turn."""
    from service.config import establishment_settings
    from tests.conftest import _truncate
    from tests.support.factories import unit_payload
    from tests.support.world import Api, build_world

    app = create_app(
        replace(
            migrated,
            establishment=establishment_settings(
                '{"approval_chain": {"branch": ["superior_review", "county_approval"]}}'
            ),
        ),
        clock=clock,
    )
    app.testing = True
    try:
        world = build_world(app)
        api = Api(app.test_client(), world)
        unit = api.post(
            "/api/v1/units", json=unit_payload(world.ids["east_t1"], formal_members=5), as_="handler@east_t1"
        ).json
        case = api.post(
            "/api/v1/establishment-cases",
            as_="handler@east_t1",
            json={"unit_ids": [unit["id"]], "form": "branch", "proposed_name": "两级审批的党支部"},
        ).json
        steps = api.post(f"/api/v1/establishment-cases/{case['id']}/submit", as_="handler@east_t1").json["steps"]
        assert [(s["level_name"], s["body"]["name"]) for s in steps] == [("superior_review", "东一镇")]
        task = api.get("/api/v1/tasks/inbox", as_="approver@east_t1").json[0]
        assert (
            api.post(
                f"/api/v1/tasks/{task['id']}/decide", as_="approver@east_t1", json={"action": "approve"}
            ).status_code
            == 200
        )
        steps = api.get(f"/api/v1/establishment-cases/{case['id']}", as_="handler@east_t1").json["steps"]
        assert [(s["level_name"], s["body"]["name"]) for s in steps] == [
            ("superior_review", "东一镇"),
            ("county_approval", "东县"),
        ]
    finally:
        with app.app_context():
            _truncate()
            db.engine.dispose()
