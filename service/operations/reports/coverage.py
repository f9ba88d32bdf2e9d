"""The coverage report and the must-establish list (read side).

The report is one aggregate statement over the subtree (UNION ALL of the unit counts and the open-case
ages, grouped by child jurisdiction and unit kind), so the figures are one consistent snapshot of the
ledger and the cost is a scan of the subtree's units, whatever their number: no Python loop over units.
Python only adds up the few grouped rows (children × kinds). Snapshots (coverage_snapshots.py) and
circulars (circulars.py) reuse the same aggregate with other groupings."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import (
    CTE,
    Date,
    Integer,
    Select,
    Subquery,
    and_,
    bindparam,
    case,
    func,
    literal_column,
    select,
    text,
    union_all,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import aliased
from sqlalchemy.sql.functions import FunctionElement

from service.auth import Actor
from service.clock import today
from service.config import rule_settings
from service.extensions import db
from service.models import EstablishmentCase, EstablishmentCaseUnit, Jurisdiction, PartyOrg, Unit, User
from service.models.instructor import InstructorAssignment
from service.models.synchronisation import AnnualInspection, PartyActivity
from service.operations.common import streamed
from service.operations.reference import jurisdictions, units
from workflows.coverage import JOINT_FORMS, CaseAges, Counts, Figures
from workflows.errors import RuleViolation
from workflows.establishment import EstablishmentState
from workflows.ledger import UnitKind
from workflows.synchronisation import PARTY_ACTIVITY, ActivityState, PartyWork, SynchronisationSettings, window_start

# Cases still on their way to an organisation (not founded, rejected, withdrawn or cancelled).
OPEN_CASE_STATES = (
    EstablishmentState.PREPARING.value,
    EstablishmentState.SUBMITTED.value,
    EstablishmentState.RETURNED.value,
    EstablishmentState.APPROVED.value,
)


class days_between(FunctionElement[int]):
    """Whole days from `earlier` (a date column) to `later` (a date parameter), on either backend."""

    type = Integer()
    inherit_cache = True
    name = "days_between"


@compiles(days_between)
def _days_between_default(element: days_between, compiler: Any, **kw: Any) -> str:
    later, earlier = list(element.clauses)
    return f"(CAST({compiler.process(later, **kw)} AS DATE) - {compiler.process(earlier, **kw)})"


@compiles(days_between, "sqlite")
def _days_between_sqlite(element: days_between, compiler: Any, **kw: Any) -> str:
    later, earlier = list(element.clauses)
    return f"CAST(julianday({compiler.process(later, **kw)}) - julianday({compiler.process(earlier, **kw)}) AS INTEGER)"


def _sum_if(condition: Any) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def child_buckets(root: Jurisdiction) -> CTE:
    """(jurisdiction_id, bucket_id): every body of the subtree and the child of `root` it lies under
    (NULL for `root` itself). Paths hold digits and slashes only, so a column prefix needs no escaping."""
    j = aliased(Jurisdiction, name="j")
    c = aliased(Jurisdiction, name="c")
    return (
        select(j.id.label("jurisdiction_id"), c.id.label("bucket_id"))
        .select_from(j)
        .outerjoin(c, and_(c.parent_id == root.id, j.path.startswith(c.path)))
        .where(j.path.startswith(root.path, autoescape=True))
        .cte("buckets")
    )


def ancestor_buckets(active_only: bool = True) -> CTE:
    """(jurisdiction_id, bucket_id): every body and each of its ancestors (itself included), so grouping by
    bucket gives every jurisdiction's whole-subtree figures at once."""
    j = aliased(Jurisdiction, name="j")
    a = aliased(Jurisdiction, name="a")
    stmt = (
        select(j.id.label("jurisdiction_id"), a.id.label("bucket_id")).select_from(j).join(a, j.path.startswith(a.path))
    )
    if active_only:
        stmt = stmt.where(a.active.is_(True))
    return stmt.cte("buckets")


def figures_statement(
    buckets: CTE, on: date, by_kind: bool = True, party_work: PartyWorkWindow | None = None
) -> Select[Any]:
    """One statement, rows (part, bucket_id, kind, n, a, b, c, d, e, f):
    part 'u': n units in scope, a own org, b joint org, c instructor only, and the party-work counts (五个同步 4):
    d of them with a recorded party activity in the window, e inspections of the year, f of those with party
    work checked (per bucket and kind);
    part 'c': n open establishment cases, a oldest age in days, b total age in days (per bucket).
    The party-work counts join two small per-unit aggregates to the same scan of the units, not a scan of
    their own. Deregistered units leave the denominator (in_scope is false for them; checked twice on purpose)."""
    own = and_(Unit.party_org_id.is_not(None), PartyOrg.kind.not_in(JOINT_FORMS))
    joint = and_(Unit.party_org_id.is_not(None), PartyOrg.kind.in_(JOINT_FORMS))
    instructor_only = and_(Unit.party_org_id.is_(None), Unit.instructor_id.is_not(None))
    kind = Unit.kind if by_kind else literal_column("NULL")
    active, inspected = _party_work_parts(party_work or PartyWorkWindow.ending(on))
    units_part = (
        select(
            literal_column("'u'").label("part"),
            buckets.c.bucket_id,
            kind.label("kind"),
            func.count().label("n"),
            _sum_if(own).label("a"),
            _sum_if(joint).label("b"),
            _sum_if(instructor_only).label("c"),
            _sum_if(active.c.unit_id.is_not(None)).label("d"),
            func.coalesce(func.sum(inspected.c.n), 0).label("e"),
            func.coalesce(func.sum(inspected.c.checked), 0).label("f"),
        )
        .select_from(Unit)
        .join(buckets, buckets.c.jurisdiction_id == Unit.jurisdiction_id)
        .outerjoin(PartyOrg, PartyOrg.id == Unit.party_org_id)
        .outerjoin(active, active.c.unit_id == Unit.id)
        .outerjoin(inspected, inspected.c.unit_id == Unit.id)
        .where(Unit.in_scope, Unit.deregistered_at.is_(None))
        .group_by(buckets.c.bucket_id, *([Unit.kind] if by_kind else []))
    )
    age = days_between(bindparam("as_of", on, type_=Date), EstablishmentCase.preparation_started_on)
    zero: Any = literal_column("0")
    cases_part = (
        select(
            literal_column("'c'"),
            buckets.c.bucket_id,
            literal_column("NULL"),
            func.count(),
            func.max(age),
            func.coalesce(func.sum(age), 0),
            zero,
            zero,
            zero,
            zero,
        )
        .select_from(EstablishmentCase)
        .join(buckets, buckets.c.jurisdiction_id == EstablishmentCase.jurisdiction_id)
        .where(EstablishmentCase.state.in_(OPEN_CASE_STATES))
        .group_by(buckets.c.bucket_id)
    )
    return union_all(units_part, cases_part)  # type: ignore[return-value]


def _party_work_parts(window: PartyWorkWindow) -> tuple[Subquery, Subquery]:
    """Per unit: whether it has a recorded activity in the window (the units that do), and the year's
    inspections and those that checked party work (the index `party_activities (unit_id, held_on)` and the
    unique `annual_inspections (unit_id, year)` answer them)."""
    active = (
        select(PartyActivity.unit_id)
        .where(
            PartyActivity.state == ActivityState.RECORDED.value,
            PartyActivity.held_on >= bindparam("activity_from", window.activity_from, type_=Date),
            PartyActivity.held_on <= bindparam("activity_to", window.activity_to, type_=Date),
        )
        .group_by(PartyActivity.unit_id)
        .subquery("active")
    )
    inspected = (
        select(
            AnnualInspection.unit_id,
            func.count().label("n"),
            _sum_if(AnnualInspection.party_work_checked.is_(True)).label("checked"),
        )
        .where(AnnualInspection.year == bindparam("inspection_year", window.year))
        .group_by(AnnualInspection.unit_id)
        .subquery("inspected")
    )
    return active, inspected


@dataclass(frozen=True)
class PartyWorkWindow:
    """Which activities count (held within the window) and which year's inspections."""

    activity_from: date
    activity_to: date
    year: int

    @classmethod
    def ending(cls, on: date) -> PartyWorkWindow:
        """The window in force (PARTY_ACTIVITY_SETTINGS) ending on `on`, and `on`'s year."""
        settings: SynchronisationSettings = rule_settings(PARTY_ACTIVITY.name)
        return cls(window_start(on, settings), on, on.year)


@dataclass
class Grouped:
    """The aggregate's rows folded per bucket (and per kind for the unit counts)."""

    counts: dict[int | None, Counts] = field(default_factory=dict)
    kinds: dict[str, Counts] = field(default_factory=dict)
    cases: dict[int | None, CaseAges] = field(default_factory=dict)
    # (units with an activity, inspections, inspections with party work checked), per bucket and per kind
    work: dict[int | None, tuple[int, int, int]] = field(default_factory=dict)
    kinds_work: dict[str, tuple[int, int, int]] = field(default_factory=dict)

    def figures(self, bucket: int | None) -> Figures:
        counts = self.counts.get(bucket, Counts())
        return Figures(counts, self.cases.get(bucket, CaseAges()), party_work(counts, self.work.get(bucket)))

    def kind_figures(self, kind: str) -> Figures:
        counts = self.kinds.get(kind, Counts())
        return Figures(counts, None, party_work(counts, self.kinds_work.get(kind)))


def party_work(counts: Counts, work: tuple[int, int, int] | None) -> PartyWork:
    active, inspections, checked = work or (0, 0, 0)
    return PartyWork(counts.units, active, inspections, checked)


def _add_work(into: dict[Any, tuple[int, int, int]], key: Any, more: tuple[int, int, int]) -> None:
    have = into.get(key, (0, 0, 0))
    into[key] = (have[0] + more[0], have[1] + more[1], have[2] + more[2])


def run_figures(statement: Select[Any]) -> Grouped:
    out = Grouped()
    rows: Iterable[Any] = db.session.execute(statement)
    for part, bucket, kind, n, a, b, c, d, e, f in rows:
        if part == "u":
            counts = Counts(int(n), int(a), int(b), int(c))
            work = (int(d), int(e), int(f))
            out.counts[bucket] = out.counts.get(bucket, Counts()) + counts
            _add_work(out.work, bucket, work)
            if kind is not None:
                out.kinds[kind] = out.kinds.get(kind, Counts()) + counts
                _add_work(out.kinds_work, kind, work)
        else:
            out.cases[bucket] = CaseAges(int(n), None if a is None else int(a), int(b))
    return out


# -- the report ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    id: int
    code: str
    name: str
    kind: str


@dataclass(frozen=True)
class ChildRow:
    """A child jurisdiction and the figures of its whole subtree."""

    jurisdiction: Place
    figures: Figures


@dataclass(frozen=True)
class KindRow:
    """One unit kind across the subtree (open cases are not split by kind: a joint case may mix kinds)."""

    kind: str
    figures: Figures


@dataclass(frozen=True)
class CoverageReport:
    jurisdiction: Place
    as_of: date
    totals: Figures
    # Units and cases registered at the jurisdiction itself, not under any child.
    direct: Figures
    children: list[ChildRow]
    kinds: list[KindRow]


def _place(j: Jurisdiction) -> Place:
    return Place(j.id, j.code, j.name, j.kind)


def root_for(actor: Actor, jurisdiction_id: int | None) -> Jurisdiction:
    """The jurisdiction asked for (default: the caller's own), in the caller's scope (else 404)."""
    ident = jurisdiction_id if jurisdiction_id is not None else actor.jurisdiction_id
    if ident is None:
        raise RuleViolation("jurisdiction_required", "请指定管辖单位", "jurisdiction_id")
    return jurisdictions.get(actor, ident)


def children_of(root: Jurisdiction) -> list[Jurisdiction]:
    return list(
        db.session.execute(select(Jurisdiction).where(Jurisdiction.parent_id == root.id).order_by(Jurisdiction.path))
        .scalars()
        .all()
    )


def report(actor: Actor, jurisdiction_id: int | None = None) -> CoverageReport:
    """Three statements whatever the ledger's size: the scoped jurisdiction, its children, the aggregate."""
    root = root_for(actor, jurisdiction_id)
    children = children_of(root)
    on = today()
    grouped = run_figures(figures_statement(child_buckets(root), on))
    totals = Figures()
    for bucket in {*grouped.counts, *grouped.cases}:
        totals = totals + grouped.figures(bucket)
    return CoverageReport(
        jurisdiction=_place(root),
        as_of=on,
        totals=totals,
        direct=grouped.figures(None),
        children=[ChildRow(_place(c), grouped.figures(c.id)) for c in children],
        kinds=[KindRow(k.value, grouped.kind_figures(k.value)) for k in UnitKind],
    )


# -- the must-establish list (应建未建清单) ---------------------------------------------------------------------


@dataclass(frozen=True)
class MustEstablishRow:
    """An in-scope unit without a party organisation, with its instructor and open case (if any)."""

    unit: Unit
    instructor_name: str | None
    case_id: int | None
    case_state: str | None
    case_started_on: date | None
    case_age_days: int | None
    # The current instructor's last logged visit (走访记录), if any.
    instructor_last_visit_on: date | None = None


# The bare column, as in the partial unique index's predicate: SQLite uses that index only when the join
# says exactly `open`, and SQLAlchemy writes a boolean column (even a typed literal_column) as `open = 1`
# there; SQLite then scanned every link per unit (9-18 s for a city's list in bench/bench_coverage.py).
OPEN_LINK = text(f"{EstablishmentCaseUnit.__tablename__}.open")


def must_establish_query(actor: Actor, filters: dict[str, Any]) -> Select[Any]:
    """The ledger's own filters and sort (units.query) on in-scope units with no organisation, joined to
    the instructor's name and the unit's open case (at most one: a partial unique index)."""
    f = {**filters, "in_scope": True, "has_party_org": False}
    has_open_case = f.pop("has_open_case", None)
    age = days_between(bindparam("as_of", today(), type_=Date), EstablishmentCase.preparation_started_on)
    stmt = (
        units.query(actor, f)
        .where(Unit.deregistered_at.is_(None))
        .add_columns(
            User.display_name.label("instructor_name"),
            EstablishmentCase.id.label("case_id"),
            EstablishmentCase.state.label("case_state"),
            EstablishmentCase.preparation_started_on.label("case_started_on"),
            age.label("case_age_days"),
            InstructorAssignment.last_visit_on.label("instructor_last_visit_on"),
        )
        .outerjoin(User, User.id == Unit.instructor_id)
        # At most one active assignment per unit (a partial unique index), the one the column mirrors.
        .outerjoin(
            InstructorAssignment,
            and_(InstructorAssignment.unit_id == Unit.id, InstructorAssignment.state == "active"),
        )
        .outerjoin(EstablishmentCaseUnit, and_(EstablishmentCaseUnit.unit_id == Unit.id, OPEN_LINK))
        .outerjoin(EstablishmentCase, EstablishmentCase.id == EstablishmentCaseUnit.case_id)
    )
    if has_open_case is not None:
        stmt = stmt.where(EstablishmentCase.id.is_not(None) if has_open_case else EstablishmentCase.id.is_(None))
    return stmt


def must_establish_rows(actor: Actor, filters: dict[str, Any]) -> Iterator[Mapping[str, Any]]:
    """Every row of the list in the ledger's order, streamed (the .xlsx export). The statement is built (and
    its filters checked) before the first row is asked for."""
    return _must_establish_stream(must_establish_query(actor, filters))


def _must_establish_stream(stmt: Select[Any]) -> Iterator[Mapping[str, Any]]:
    for row in streamed(stmt):
        unit = row[0]
        yield {
            "credit_code": unit.credit_code,
            "name": unit.name,
            "kind": unit.kind,
            "jurisdiction": unit.jurisdiction.name,
            "employees": unit.employees,
            "formal_members": unit.formal_members,
            "no_org_reason": unit.no_org_reason,
            "instructor_name": row.instructor_name,
            "instructor_last_visit_on": row.instructor_last_visit_on,
            "case_id": row.case_id,
            "case_age_days": row.case_age_days,
        }


def must_establish(
    actor: Actor, filters: dict[str, Any], page: int, page_size: int
) -> tuple[list[MustEstablishRow], int]:
    """One COUNT and one page of rows."""
    rows, total, _ = must_establish_page(actor, filters, page, page_size)
    return rows, total


def must_establish_page(
    actor: Actor, filters: dict[str, Any], page: int, page_size: int
) -> tuple[list[MustEstablishRow], int, int]:
    """One page of rows, the total and how many of them have an instructor — those count towards work
    coverage, so the report's 应建未建 (no organisation and no instructor) leaves them out. One COUNT and one
    page of rows."""
    stmt = must_establish_query(actor, filters)
    listed = stmt.order_by(None).subquery()
    counted: Any = db.session.execute(
        select(func.count(), func.coalesce(func.sum(case((listed.c.instructor_id.is_not(None), 1), else_=0)), 0))
    ).one()
    total, with_instructor = counted
    rows: list[Any] = list(db.session.execute(stmt.limit(page_size).offset((page - 1) * page_size)).all())
    return [MustEstablishRow(*row) for row in rows], int(total), int(with_instructor)
