"""A command never runs on configuration older than its own transaction (docs/decisions/0047): another
process's change to an approval route is used by the very next submission here, however long the caches'
time-based check would still wait."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from flask import Flask
from sqlalchemy import create_engine, select, update

from service.extensions import db
from service.models import ApprovalRoute, ConfigVersion, Notification, User
from service.operations.engines import escalation
from tests.support.establishment import get_case, make_unit, new_case, route, submit, submitted_branch
from tests.support.world import Api, World

# The other process writes on its own engine and commits.
pytestmark = pytest.mark.commits
LATE = date(2027, 6, 1)  # long past any preparation deadline of a case made today


def other_process_sets_countersign(app: Flask, api: Api) -> None:
    """What an administrator's route change commits, written from outside this process: the route row and
    the version counter in one transaction, past this process's session hooks and caches."""
    with app.app_context():
        url = db.engine.url
    other = create_engine(url)
    try:
        with other.begin() as conn:
            conn.execute(
                update(ApprovalRoute)
                .where(ApprovalRoute.body_id == api.world.ids["east_t1"], ApprovalRoute.workflow == "establishment")
                .values(mode="countersign")
            )
            conn.execute(update(ConfigVersion).where(ConfigVersion.id == 1).values(version=ConfigVersion.version + 1))
    finally:
        other.dispose()


def test_a_route_changed_by_another_process_applies_to_the_next_submission(
    app: Flask, api: Api, colleagues: World
) -> None:
    app.config["SETTINGS"] = replace(app.config["SETTINGS"], config_check_seconds=3600)
    approvers = ["approver@east_t1", "approver2@east_t1"]
    route(api, "east_t1", "any_one", approvers)
    first = submitted_branch(api)  # warms this process's caches: the route is any-one
    assert get_case(api, first["id"])["steps"][0]["mode"] == "any_one"
    case = new_case(api, [make_unit(api, "east_t1", formal_members=3)["id"]], "branch")

    other_process_sets_countersign(app, api)
    submit(api, case["id"])

    assert get_case(api, case["id"])["steps"][0]["mode"] == "countersign"


def other_process_deactivates(app: Flask, user_id: int) -> None:
    """An administrator's deactivation of a user, committed from outside this process (row and counter)."""
    with app.app_context():
        url = db.engine.url
    other = create_engine(url)
    try:
        with other.begin() as conn:
            conn.execute(update(User).where(User.id == user_id).values(active=False))
            conn.execute(update(ConfigVersion).where(ConfigVersion.id == 1).values(version=ConfigVersion.version + 1))
    finally:
        other.dispose()


def test_an_escalation_step_reads_its_recipients_as_fresh_as_its_transaction(
    app: Flask, api: Api, world: World
) -> None:
    """The escalation job locks its row outside get_scoped (SKIP LOCKED, lease released in the same statement):
    the counter rides on that statement too, so a handler deactivated by another process a moment ago is not
    reminded by this one, however long its caches' time-based check would still wait."""
    app.config["SETTINGS"] = replace(app.config["SETTINGS"], config_check_seconds=3600)
    handler = world.users["handler@east_t1"]
    first = new_case(api, [make_unit(api, "east_t1", formal_members=3)["id"]], "branch")
    second = new_case(api, [make_unit(api, "east_t1", formal_members=3)["id"]], "branch")
    with app.app_context():
        assert escalation.escalate("establishment", first["id"], LATE) == "reminder"  # warms the caches
        db.session.remove()
    assert reminded(app, first["id"]) >= {handler}

    other_process_deactivates(app, handler)
    with app.app_context():
        assert escalation.escalate("establishment", second["id"], LATE) == "reminder"
        db.session.remove()

    assert reminded(app, second["id"]) and handler not in reminded(app, second["id"])


def reminded(app: Flask, case_id: int) -> set[int]:
    with app.app_context():
        found = set(
            db.session.execute(
                select(Notification.user_id).where(
                    Notification.kind == "escalation.reminder", Notification.subject_id == case_id
                )
            ).scalars()
        )
        db.session.remove()
    return found
