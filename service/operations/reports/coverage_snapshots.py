"""Month-end coverage snapshots (the trend) and the projection.

`take_snapshots` is run by the scheduled job (workers/jobs.py `take_coverage_snapshots`). It writes one row
per active jurisdiction and month end with the figures of the jurisdiction's whole subtree, exactly once
(a unique key and INSERT … ON CONFLICT DO NOTHING: two schedulers, or a job enqueued twice, write nothing
twice). The month just ended is computed from the ledger as it is when the job runs (normally the first
minutes of the 1st). Older months that were missed (no job ran for them) are filled in with the same
current figures and flagged `backfilled`: the ledger keeps no history we could rebuild them from short of
replaying the audit trail, so they are honest placeholders, shown in the trend and left out of the pace."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from flask import current_app
from sqlalchemy import exists, func, select
from sqlalchemy.dialects import postgresql, sqlite

from service.auth import Actor, system_actor
from service.clock import now, today
from service.db import transaction
from service.extensions import db
from service.models import CoverageSnapshot, Jurisdiction
from service.operations.engines import audit
from service.operations.reports.coverage import Place, ancestor_buckets, figures_statement, root_for, run_figures
from workflows.coverage import (
    PACE_WINDOW,
    CaseAges,
    Counts,
    Figures,
    Point,
    Projection,
    add_months,
    month_ends_after,
    previous_month_end,
    project,
)

# A scheduler away for longer than this fills in only the newest months.
MAX_BACKFILL_MONTHS = 24
# Rows per INSERT: 12 parameters a row stays under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
INSERT_CHUNK = 1000


def snapshots_due(on: date | None = None) -> bool:
    """Whether some active jurisdiction has no snapshot for the month just ended (one indexed query): the
    scheduler asks this every sweep and enqueues the job only then."""
    month = previous_month_end(on or today())
    missing = (
        select(Jurisdiction.id)
        .where(
            Jurisdiction.active.is_(True),
            ~exists().where(CoverageSnapshot.jurisdiction_id == Jurisdiction.id, CoverageSnapshot.month_end == month),
        )
        .limit(1)
    )
    due = db.session.execute(missing).first() is not None
    db.session.rollback()  # read-only: end the transaction the query opened (the scheduler keeps its session)
    return due


def _insert_ignoring_duplicates(rows: list[dict[str, Any]]) -> int:
    """INSERT … ON CONFLICT (jurisdiction_id, month_end) DO NOTHING; the number of rows really written."""
    dialect = db.session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    written = 0
    for start in range(0, len(rows), INSERT_CHUNK):
        stmt = (
            insert(CoverageSnapshot)
            .values(rows[start : start + INSERT_CHUNK])
            .on_conflict_do_nothing(index_elements=["jurisdiction_id", "month_end"])
            .returning(CoverageSnapshot.id)
        )
        written += len(db.session.execute(stmt).all())
    return written


def take_snapshots(on: date | None = None, actor: Actor | None = None) -> dict[str, Any]:
    """Write the missing month-end snapshots (see the module docstring). Idempotent; returns what it did."""
    on = on or today()
    actor = actor or system_actor("coverage-snapshots")
    month = previous_month_end(on)
    with transaction():
        latest = db.session.execute(select(func.max(CoverageSnapshot.month_end))).scalar_one_or_none()
        months = month_ends_after(latest, month, limit=MAX_BACKFILL_MONTHS)
        if month not in months:
            months.append(month)  # a jurisdiction created since may still lack the month just ended
        grouped = run_figures(figures_statement(ancestor_buckets(), on, by_kind=False))
        ids = db.session.execute(select(Jurisdiction.id).where(Jurisdiction.active.is_(True))).scalars().all()
        at = now()
        rows = []
        for ident in ids:  # one row per jurisdiction and month: the jurisdictions, never the units
            flat = grouped.figures(ident).flat()
            values = {
                "jurisdiction_id": ident,
                "units": flat["units"],
                "own_org": flat["own_org"],
                "joint_org": flat["joint_org"],
                "instructor_only": flat["instructor_only"],
                "open_cases": flat["open_cases"],
                "oldest_case_days": flat["oldest_case_days"],
                "mean_case_days": flat["mean_case_days"],
                "taken_at": at,
            }
            rows += [{**values, "month_end": m, "backfilled": m != month} for m in months]
        written = _insert_ignoring_duplicates(rows)
        result = {"months": [m.isoformat() for m in months], "written": written}
        if written:
            audit.record(actor, "coverage.snapshot", "coverage_snapshot", 0, None, None, result)
    return result


# -- the trend -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrendPoint:
    month_end: date
    backfilled: bool
    figures: Figures


@dataclass(frozen=True)
class Trend:
    jurisdiction: Place
    target: float
    points: list[TrendPoint]
    org_projection: Projection
    work_projection: Projection


def target_rate() -> float:
    return float(current_app.config["SETTINGS"].coverage_target_rate)


def _point(row: CoverageSnapshot) -> TrendPoint:
    total_days = round((row.mean_case_days or 0) * row.open_cases)
    counts = Counts(row.units, row.own_org, row.joint_org, row.instructor_only)
    return TrendPoint(
        row.month_end, row.backfilled, Figures(counts, CaseAges(row.open_cases, row.oldest_case_days, total_days))
    )


def trend(actor: Actor, jurisdiction_id: int | None, months: int) -> Trend:
    """The last `months` month-end snapshots of a jurisdiction and the projection of both coverage rates
    (the pace of the last three snapshots that were taken at their month end, backfilled ones left out)."""
    root = root_for(actor, jurisdiction_id)
    since = add_months(previous_month_end(today()), -(max(months, PACE_WINDOW + MAX_BACKFILL_MONTHS) - 1))
    rows = db.session.execute(
        select(CoverageSnapshot)
        .where(CoverageSnapshot.jurisdiction_id == root.id, CoverageSnapshot.month_end >= since)
        .order_by(CoverageSnapshot.month_end)
    ).scalars()
    points = [_point(r) for r in rows]
    measured = [p for p in points if not p.backfilled]
    target = target_rate()
    window_start = add_months(previous_month_end(today()), -(months - 1))
    return Trend(
        jurisdiction=Place(root.id, root.code, root.name, root.kind),
        target=target,
        points=[p for p in points if p.month_end >= window_start],
        org_projection=project([Point(p.month_end, p.figures.counts.org_coverage_rate) for p in measured], target),
        work_projection=project([Point(p.month_end, p.figures.counts.work_coverage_rate) for p in measured], target),
    )


def snapshots_at(jurisdiction_ids: list[int], month: date) -> dict[int, Counts]:
    """The snapshot counts of these jurisdictions at one month end (those that have one)."""
    if not jurisdiction_ids:
        return {}
    rows = db.session.execute(
        select(CoverageSnapshot).where(
            CoverageSnapshot.jurisdiction_id.in_(jurisdiction_ids), CoverageSnapshot.month_end == month
        )
    ).scalars()
    return {r.jurisdiction_id: Counts(r.units, r.own_org, r.joint_org, r.instructor_only) for r in rows}


def latest_month_at_or_before(jurisdiction_id: int, day: date) -> date | None:
    return db.session.execute(
        select(func.max(CoverageSnapshot.month_end)).where(
            CoverageSnapshot.jurisdiction_id == jurisdiction_id, CoverageSnapshot.month_end <= day
        )
    ).scalar_one_or_none()
