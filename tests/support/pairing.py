"""Pairing agreements (结对共建) through the API: a body for a new one between two organisations, and one in force."""

from __future__ import annotations

from typing import Any

from flask import Flask

from service.extensions import db
from service.models import PartyOrg
from tests.support.world import Api, World

URL = "/api/v1/pairing-agreements"


def org(app: Flask, world: World, code: str) -> int:
    with app.app_context():
        row = PartyOrg(name=f"{code}党支部", kind="branch", jurisdiction_id=world.ids[code], status="active")
        db.session.add(row)
        db.session.commit()
        ident = row.id
        db.session.remove()
    return ident


def body(app: Flask, world: World, a: str = "east_t1", b: str = "east_t2", **kw: Any) -> dict[str, Any]:
    return {
        "org_a_id": org(app, world, a),
        "org_b_id": org(app, world, b),
        "title": "东县结对共建",
        "year": 2026,
        "duties_due_on": "2026-09-30",
        "planned_visits": 2,
        "planned_trainings": 1,
        "planned_activists": 2,
        **kw,
    }


def ok(res: Any, status: int = 200) -> dict[str, Any]:
    assert res.status_code == status, res.get_data(as_text=True)
    return dict(res.json)


def in_force(api: Api, app: Flask, world: World) -> dict[str, Any]:
    a = ok(api.post(URL, as_="handler@east_t1", json=body(app, world, "east_t1", "east_t1")), 201)
    ok(api.post(f"{URL}/{a['id']}/sign", as_="handler@east_t1", json={"signed_on": "2026-09-20"}))
    return ok(api.post(f"{URL}/{a['id']}/take-effect", as_="handler@east_t1"))
