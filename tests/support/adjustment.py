"""Organisations with their units, and adjustment cases in each state, for the adjustment tests."""

from __future__ import annotations

from itertools import count
from typing import Any

from flask import Flask

from service.auth import system_actor
from service.db import transaction
from service.extensions import db
from service.models import PartyOrg, Unit
from service.operations.reference import units
from tests.support.factories import new_unit
from tests.support.world import Api

CASES = "/api/v1/adjustment-cases"
DOC_NO = "东一委复〔2026〕21号"
_seq = count(1)


def org_with_units(app: Flask, jurisdiction_id: int, kind: str, formal: list[int]) -> tuple[int, list[int]]:
    """A founded organisation of `kind` covering one unit per entry of `formal` (its formal members)."""
    actor = system_actor("test")
    with app.app_context(), transaction():
        org = PartyOrg(name=f"测试党组织{next(_seq)}", kind=kind, jurisdiction_id=jurisdiction_id, status="active")
        db.session.add(org)
        db.session.flush()
        made = [
            units.create(actor, new_unit(jurisdiction_id, formal_members=n, employees=max(60, n + 20))) for n in formal
        ]
        for unit in made:
            unit.party_org_id = org.id
        db.session.flush()
        ident, unit_ids = org.id, [u.id for u in made]
    with app.app_context():
        db.session.remove()
    return ident, unit_ids


def patch_unit(api: Api, unit_id: int, changes: dict[str, Any], as_: str = "handler@east_t1") -> dict[str, Any]:
    """A ledger change through the API (with the unit's current ETag)."""
    unit = api.get(f"/api/v1/units/{unit_id}", as_=as_).json
    etag = f'"ledger_units-{unit_id}-v{unit["version"]}"'
    resp = api.patch(f"/api/v1/units/{unit_id}", json=changes, as_=as_, headers={"If-Match": etag})
    assert resp.status_code == 200, resp.json
    return dict(resp.json)


def cases_of(api: Api, org_id: int, as_: str = "admin@city") -> list[dict[str, Any]]:
    resp = api.get(f"{CASES}?party_org_id={org_id}", as_=as_)
    assert resp.status_code == 200, resp.json
    return list(resp.json)


def deregistered_case(api: Api, app: Flask, jurisdiction_id: int) -> dict[str, Any]:
    """A branch whose only unit was deregistered: its case proposes dissolving it (待报批)."""
    org, (unit,) = org_with_units(app, jurisdiction_id, "branch", [5])
    patch_unit(api, unit, {"operating_status": "deregistered"}, as_="admin@city")
    (case,) = cases_of(api, org)
    return case


def org_row(app: Flask, org_id: int) -> tuple[str, str, int]:
    with app.app_context():
        org = db.session.get(PartyOrg, org_id)
        assert org is not None
        out = (org.status, org.kind, org.jurisdiction_id)
        db.session.remove()
    return out


def unit_org(app: Flask, unit_id: int) -> int | None:
    with app.app_context():
        unit = db.session.get(Unit, unit_id)
        assert unit is not None
        out = unit.party_org_id
        db.session.remove()
    return out


def open_task(app: Flask, case_id: int) -> int:
    """The open approval task of an adjustment case."""
    from sqlalchemy import select

    from service.models import ApprovalStep, ApprovalTask

    with app.app_context():
        ident = db.session.execute(
            select(ApprovalTask.id)
            .join(ApprovalStep, ApprovalStep.id == ApprovalTask.step_id)
            .where(ApprovalStep.workflow == "adjustment", ApprovalStep.subject_id == case_id)
            .where(ApprovalTask.status == "open")
        ).scalar_one()
        db.session.remove()
    return int(ident)


def submitted(
    api: Api, case_id: int, body: dict[str, Any] | None = None, as_: str = "handler@east_t1"
) -> dict[str, Any]:
    resp = api.post(f"{CASES}/{case_id}/submit", json=body or {}, as_=as_)
    assert resp.status_code == 200, resp.json
    return dict(resp.json)


def ledger_case(app: Flask, jurisdiction_id: int) -> int:
    """A branch whose only unit was just deregistered (through the service): the case the ledger change opened."""
    from sqlalchemy import select

    from service.models.adjustment import AdjustmentCase
    from workflows.ledger import UnitChanges

    org, (unit,) = org_with_units(app, jurisdiction_id, "branch", [4])
    with app.app_context():
        units.update(system_actor("test"), unit, UnitChanges.of({"operating_status": "deregistered"}))
        db.session.commit()
        ident = db.session.execute(select(AdjustmentCase.id).where(AdjustmentCase.party_org_id == org)).scalar_one()
        db.session.remove()
    return int(ident)


def ledger_task(app: Flask, jurisdiction_id: int) -> int:
    """The open approval task of a submitted adjustment case in that body."""
    from service.operations.flows.adjustment import cases
    from workflows.adjustment import ProposalChanges

    ident = ledger_case(app, jurisdiction_id)
    with app.app_context():
        cases.submit(system_actor("test"), ident, ProposalChanges())
        db.session.commit()
        db.session.remove()
    return open_task(app, ident)
