"""The `colleagues` fixture (a plugin, tests/conftest.py): more approvers per body (countersign, sequential,
delegation need them)."""

from __future__ import annotations

import pytest
from flask import Flask

from tests.support.world import World

# Extra approvers, added to the world's token map as "<name>@<place>" like the standard users.
EXTRA_APPROVERS = [
    ("approver2", "east_t1"),
    ("approver3", "east_t1"),
    ("approver4", "east_t1"),
    ("approver2", "east"),
    ("approver2", "west_t1"),
]


@pytest.fixture
def colleagues(app: Flask, world: World) -> World:
    """The world plus approver2..4@east_t1, approver2@east and approver2@west_t1, each with a token."""
    from service.auth import system_actor
    from service.inputs import NewUser
    from service.operations.reference import users

    actor = system_actor("test")
    with app.app_context():
        for name, place in EXTRA_APPROVERS:
            label = f"{name}@{place}"
            user = users.create(
                actor,
                NewUser(
                    username=label.replace("@", "."),
                    display_name=label,
                    role="approver",
                    jurisdiction_id=world.ids[place],
                ),
            )
            world.users[label] = user.id
            world.tokens[label] = users.issue_token(actor, user, "test")[1]
    return world
