"""Building a ledger for the coverage tests: rows written straight into the real database (inside the
test's transaction), so a test states exactly which unit is covered how."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import count

from flask import Flask

from service.extensions import db
from service.models import EstablishmentCase, EstablishmentCaseUnit, PartyOrg, Unit
from tests.support.factories import new_credit_code

COVERAGE = "/api/v1/coverage"
TODAY = date(2026, 9, 25)  # the injected clock's civil day
_seq = count(1)


def org(app: Flask, place: int, kind: str = "branch") -> int:
    with app.app_context():
        row = PartyOrg(name=f"测试党组织{next(_seq)}", kind=kind, jurisdiction_id=place, status="active")
        db.session.add(row)
        db.session.commit()
        return row.id


def unit(
    app: Flask,
    place: int,
    *,
    kind: str = "enterprise",
    employees: int = 60,
    org_id: int | None = None,
    instructor: int | None = None,
    deregistered: bool = False,
    reason: str | None = None,
    name: str | None = None,
) -> int:
    """A ledger unit; in scope when big enough (50 employees / 30 staff) and not deregistered."""
    stamp = datetime(2026, 1, 1, tzinfo=UTC)
    minimum = 50 if kind == "enterprise" else 30
    with app.app_context():
        row = Unit(
            credit_code=new_credit_code(),
            name=name or f"覆盖测试单位{next(_seq)}",
            kind=kind,
            jurisdiction_id=place,
            industry="制造业",
            employees=employees,
            formal_members=1,
            probationary_members=0,
            mobile_members=0,
            investor_or_head="张三",
            operating_status="deregistered" if deregistered else "operating",
            no_org_reason=reason,
            party_org_id=org_id,
            instructor_id=instructor,
            in_scope=employees >= minimum and not deregistered,
            deregistered_at=stamp if deregistered else None,
            version=1,
            created_at=stamp,
            updated_at=stamp,
        )
        db.session.add(row)
        db.session.commit()
        return row.id


def case(app: Flask, place: int, unit_ids: list[int], *, state: str = "preparing", age_days: int = 0) -> int:
    """An establishment case for these units, started `age_days` before the test's today."""
    with app.app_context():
        row = EstablishmentCase(
            state=state,
            form="branch",
            jurisdiction_id=place,
            proposed_name=f"测试党支部{next(_seq)}",
            formal_total=3,
            probationary_total=0,
            mobile_total=0,
            preparation_started_on=TODAY - timedelta(days=age_days),
            version=1,
            created_at=datetime(2026, 1, 1, tzinfo=UTC),
            updated_at=datetime(2026, 1, 1, tzinfo=UTC),
        )
        db.session.add(row)
        db.session.flush()
        is_open = state in ("preparing", "submitted", "returned", "approved")
        for ident in unit_ids:
            db.session.add(EstablishmentCaseUnit(case_id=row.id, unit_id=ident, open=is_open))
        db.session.commit()
        return row.id
