"""The shared world every test may ask for, and the API client that acts in it.

`World` is a small city (two counties, townships, a user of every role at four places, each with a token),
built once per session by tests/conftest.py (`world` fixture) at `START`; `Api` calls the test client as one
of its users. Tests import the types from here: `from tests.support.world import Api, World`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

# Friday 2026-09-25, the Mid-autumn day off just before the National Day week: deadlines computed
# from it cross both holidays and the 10-10 make-up Saturday.
START = datetime(2026, 9, 25, 2, 0, tzinfo=UTC)


@dataclass
class World:
    """A small city: two counties, townships, users of every role, each with a token."""

    ids: dict[str, int]
    tokens: dict[str, str]
    users: dict[str, int]


WORLD_TREE = [
    ("city", "测试市", "city", None),
    ("east", "东县", "county", "city"),
    ("west", "西区", "district", "city"),
    ("east_t1", "东一镇", "township", "east"),
    ("east_t2", "东二街道", "street", "east"),
    ("east_ic", "东县物流行业党委", "industry_committee", "east"),
    ("west_t1", "西一镇", "township", "west"),
]
ROLES = ["admin", "supervisor", "approver", "handler", "portal", "instructor"]


def build_world(app: Flask) -> World:
    """Users: <role>@<place> for every role at city, east, east_t1 and west_t1 (e.g. 'admin@east')."""
    from service.auth import system_actor
    from service.inputs import NewJurisdiction, NewUser
    from service.operations.reference import jurisdictions, users

    actor = system_actor("test")
    ids: dict[str, int] = {}
    tokens: dict[str, str] = {}
    user_ids: dict[str, int] = {}
    with app.app_context():
        for code, name, kind, parent in WORLD_TREE:
            row = jurisdictions.create(
                actor, NewJurisdiction(code=code, name=name, kind=kind, parent_id=ids[parent] if parent else None)
            )
            ids[code] = row.id
        for place in ("city", "east", "east_t1", "west_t1"):
            for role in ROLES:
                name = f"{role}@{place}"
                user = users.create(
                    actor,
                    NewUser(username=name.replace("@", "."), display_name=name, role=role, jurisdiction_id=ids[place]),
                )
                user_ids[name] = user.id
                tokens[name] = users.issue_token(actor, user, "test")[1]
    return World(ids, tokens, user_ids)


class Api:
    """Test client calls as a named world user: api.get("/api/v1/units", as_="admin@east")."""

    def __init__(self, client: FlaskClient, world: World) -> None:
        self.client = client
        self.world = world

    def call(
        self, method: str, path: str, as_: str | None = "admin@city", headers: dict[str, str] | None = None, **kw: Any
    ) -> Any:
        h = dict(headers or {})
        if as_:
            h["Authorization"] = f"Bearer {self.world.tokens[as_]}"
        return self.client.open(path, method=method, headers=h, **kw)

    def get(self, path: str, **kw: Any) -> Any:
        return self.call("GET", path, **kw)

    def post(self, path: str, **kw: Any) -> Any:
        return self.call("POST", path, **kw)

    def patch(self, path: str, **kw: Any) -> Any:
        return self.call("PATCH", path, **kw)

    def delete(self, path: str, **kw: Any) -> Any:
        return self.call("DELETE", path, **kw)
