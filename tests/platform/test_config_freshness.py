"""A command never runs on configuration older than its own transaction (docs/decisions/0047): another
process's change to an approval route is used by the very next submission here, however long the caches'
time-based check would still wait."""

from __future__ import annotations

from dataclasses import replace

import pytest
from flask import Flask
from sqlalchemy import create_engine, update

from service.extensions import db
from service.models import ApprovalRoute, ConfigVersion
from tests.support.establishment import get_case, make_unit, new_case, route, submit, submitted_branch
from tests.support.world import Api, World

# The other process writes on its own engine and commits.
pytestmark = pytest.mark.commits


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
