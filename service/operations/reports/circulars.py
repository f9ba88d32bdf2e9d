"""Circulars (通报): child jurisdictions ranked by coverage, by progress over a period and by supervision
performance, the lagging ones named (rules in workflows/coverage.py). A preview is computed; issuing
stores the figures exactly as they were (JSON) with who and when, audited, so a past circular reads the
same after the ledger changed.

Figures "as at the period end": the live ledger when the period ends in the current month or later,
otherwise the last month-end snapshot on or before the period end (live if there is none, and said so).
The baseline for progress is the last snapshot before the period starts (none: no progress figure)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, and_, func, literal_column, select, union_all

from service.auth import Actor, in_scope
from service.clock import CHINA, now, today
from service.db import transaction
from service.extensions import db
from service.inputs import NewCircular
from service.models import Circular, Interview, Jurisdiction, SupervisionTicket
from service.operations.common import get_scoped
from service.operations.engines import audit
from service.operations.reference import users
from service.operations.reports.coverage import (
    PartyWorkWindow,
    _sum_if,
    child_buckets,
    children_of,
    figures_statement,
    root_for,
    run_figures,
)
from service.operations.reports.coverage_snapshots import latest_month_at_or_before, snapshots_at, target_rate
from workflows.coverage import (
    LAGGING_LABELS,
    ChildStanding,
    Counts,
    lagging_reasons,
    percent,
    previous_month_end,
    rank_by_coverage,
    rank_by_party_work,
    rank_by_progress,
    rank_by_supervision,
)
from workflows.errors import RuleViolation
from workflows.interview import InterviewState
from workflows.supervision import ESCALATING_STATES, TicketState
from workflows.synchronisation import PartyWork

HELD_STATES = (InterviewState.HELD.value, InterviewState.FOLLOWED_UP.value, InterviewState.CLOSED.value)
LAGGING_RULE = "点名通报规则：组织覆盖率低于全域平均水平，或本期组织覆盖率未提升且未达目标，或存在逾期未整改的督办事项"


def _day_start(day: date) -> datetime:
    """Midnight of a China civil date, in UTC (timestamps are stored in UTC)."""
    return datetime.combine(day, time.min, CHINA).astimezone(UTC)


def _supervision_statement(root: Jurisdiction, start: date, end: date, on: date) -> Select[Any]:
    """Per child: tickets closed on time / late within the period, tickets open past their deadline (as at
    the earlier of the period end and today), interviews held within the period. One statement."""
    buckets = child_buckets(root)
    since, until = _day_start(start), _day_start(end + timedelta(days=1))
    cutoff = min(end, on)
    closed_in_period = and_(
        SupervisionTicket.state == TicketState.CLOSED.value,
        SupervisionTicket.closed_at >= since,
        SupervisionTicket.closed_at < until,
    )
    tickets = (
        select(
            literal_column("'t'").label("part"),
            buckets.c.bucket_id,
            _sum_if(and_(closed_in_period, SupervisionTicket.closed_on_time.is_(True))).label("a"),
            _sum_if(and_(closed_in_period, SupervisionTicket.closed_on_time.is_(False))).label("b"),
            _sum_if(
                and_(SupervisionTicket.state.in_(sorted(ESCALATING_STATES)), SupervisionTicket.rectify_by < cutoff)
            ).label("c"),
        )
        .select_from(SupervisionTicket)
        .join(buckets, buckets.c.jurisdiction_id == SupervisionTicket.jurisdiction_id)
        .group_by(buckets.c.bucket_id)
    )
    interviews = (
        select(literal_column("'i'"), buckets.c.bucket_id, func.count(), literal_column("0"), literal_column("0"))
        .select_from(Interview)
        .join(buckets, buckets.c.jurisdiction_id == Interview.jurisdiction_id)
        .where(Interview.state.in_(HELD_STATES), Interview.held_at >= since, Interview.held_at < until)
        .group_by(buckets.c.bucket_id)
    )
    return union_all(tickets, interviews)  # type: ignore[return-value]


def _ranking(ranked: list[tuple[int, ChildStanding]], value: Any) -> list[dict[str, Any]]:
    return [{"rank": rank, "jurisdiction_id": c.jurisdiction_id, "name": c.name, **value(c)} for rank, c in ranked]


def preview(actor: Actor, jurisdiction_id: int | None, period_start: date, period_end: date) -> dict[str, Any]:
    """The circular's figures (JSON-ready). A fixed number of statements whatever the ledger's size."""
    if period_start > period_end:
        raise RuleViolation("period_reversed", "通报期间的开始日期不能晚于结束日期", "period_start")
    root = root_for(actor, jurisdiction_id)
    on = today()
    if period_start > on:
        raise RuleViolation("period_in_future", "通报期间不能从未来的日期开始", "period_start")
    children = children_of(root)
    target = target_rate()
    end = _figures_at_end(root, children, period_end, on)
    start_month = latest_month_at_or_before(root.id, period_start - timedelta(days=1))
    at_start = snapshots_at([c.id for c in children], start_month) if start_month else {}
    supervision = _supervision_in_period(root, period_start, period_end, on)
    standings = _standings(children, end.counts, at_start, supervision, end.work)
    overall = end.total.org_coverage_rate
    reasons = {s.jurisdiction_id: lagging_reasons(s, overall, target) for s in standings}
    return {
        "jurisdiction": {"id": root.id, "code": root.code, "name": root.name},
        "period_start": period_start.isoformat(),
        "period_end": period_end.isoformat(),
        "as_of": on.isoformat(),
        "target_rate": target,
        "end_basis": "snapshot" if end.month else "live",
        "end_month": end.month.isoformat() if end.month else None,
        "start_month": start_month.isoformat() if start_month else None,
        "totals": {**_counts_out(end.total), **end.total_work.flat()},
        "children": [
            _child_out(child, s, at_start.get(child.id), reasons[child.id])
            for child, s in zip(children, standings, strict=True)
        ],
        "rankings": _rankings(standings),
        "lagging": [
            {
                "jurisdiction_id": child.id,
                "name": child.name,
                "reasons": [r.value for r in reasons[child.id]],
                "reason_labels": [LAGGING_LABELS[r] for r in reasons[child.id]],
            }
            for child in children
            if reasons[child.id]
        ],
        "lagging_rule": LAGGING_RULE,
    }


@dataclass(frozen=True)
class _EndFigures:
    counts: dict[int, Counts]  # per child
    total: Counts
    month: date | None  # the snapshot's month; None: the live ledger
    work: dict[int, PartyWork]  # per child: the party-work indicators
    total_work: PartyWork


def _figures_at_end(root: Any, children: list[Any], period_end: date, on: date) -> _EndFigures:
    """The children's and the total's counts as at the period's end: the last month-end snapshot on or before
    it when the period ended before this month (and there is one), else the live ledger. The party-work
    indicators always come from the records (activities in the year up to the period end, inspections of
    its year) over the live ledger's units: snapshots do not keep them (docs/decisions/0054)."""
    end_month: date | None = None
    if period_end <= previous_month_end(on):
        end_month = latest_month_at_or_before(root.id, period_end)
    window = PartyWorkWindow.ending(min(period_end, on))
    grouped = run_figures(figures_statement(child_buckets(root), on, by_kind=False, party_work=window))
    work = {c.id: grouped.figures(c.id).party_work for c in children}
    total_work = sum((grouped.figures(b).party_work for b in {*grouped.counts, *grouped.work}), PartyWork())
    if end_month is None:
        counts = {c.id: grouped.counts.get(c.id, Counts()) for c in children}
        return _EndFigures(counts, sum(grouped.counts.values(), Counts()), None, work, total_work)
    at_end = snapshots_at([root.id, *(c.id for c in children)], end_month)
    counts = {c.id: at_end.get(c.id, Counts()) for c in children}
    return _EndFigures(counts, at_end.get(root.id, Counts()), end_month, work, total_work)


@dataclass(frozen=True)
class _Supervision:
    tickets: dict[int | None, tuple[int, int, int]]  # per child: closed on time, closed late, overdue
    interviews: dict[int | None, int]  # per child: interviews held


def _supervision_in_period(root: Any, period_start: date, period_end: date, on: date) -> _Supervision:
    """Tickets and interviews per child over the period, in one statement."""
    tickets: dict[int | None, tuple[int, int, int]] = {}
    interviews: dict[int | None, int] = {}
    rows: Iterable[Any] = db.session.execute(_supervision_statement(root, period_start, period_end, on))
    for part, bucket, a, b, c in rows:
        if part == "t":
            tickets[bucket] = (int(a), int(b), int(c))
        else:
            interviews[bucket] = int(a)
    return _Supervision(tickets, interviews)


def _standings(
    children: list[Any],
    end_counts: dict[int, Counts],
    at_start: dict[int, Counts],
    supervision: _Supervision,
    work: dict[int, PartyWork],
) -> list[ChildStanding]:
    """Each child's standing: its counts at the end, its progress since the start, its supervision record."""
    standings = []
    for child in children:
        counts = end_counts[child.id]
        base = at_start.get(child.id)
        progress = None
        if base is not None and counts.org_coverage_rate is not None and base.org_coverage_rate is not None:
            progress = round(counts.org_coverage_rate - base.org_coverage_rate, 4)
        on_time, late, overdue = supervision.tickets.get(child.id, (0, 0, 0))
        held = supervision.interviews.get(child.id, 0)
        standings.append(
            ChildStanding(child.id, child.name, counts, progress, on_time, late, overdue, held, work[child.id])
        )
    return standings


def _counts_out(counts: Counts) -> dict[str, Any]:
    return {
        "units": counts.units,
        "own_org": counts.own_org,
        "joint_org": counts.joint_org,
        "instructor_only": counts.instructor_only,
        "neither": counts.neither,
        "org_coverage_rate": counts.org_coverage_rate,
        "work_coverage_rate": counts.work_coverage_rate,
        "standalone_rate": counts.standalone_rate,
    }


def _child_out(child: Any, s: ChildStanding, base: Counts | None, reasons: list[Any]) -> dict[str, Any]:
    return {
        "jurisdiction_id": child.id,
        "code": child.code,
        "name": child.name,
        **_counts_out(s.counts),
        "start_org_coverage_rate": base.org_coverage_rate if base else None,
        "progress": s.progress,
        "tickets_closed_on_time": s.tickets_closed_on_time,
        "tickets_closed_late": s.tickets_closed_late,
        "tickets_overdue": s.tickets_overdue,
        "interviews_held": s.interviews_held,
        **s.party_work.flat(),
        "lagging": bool(reasons),
        "lagging_reasons": [r.value for r in reasons],
    }


def _rankings(standings: list[ChildStanding]) -> dict[str, Any]:
    return {
        "coverage": _ranking(
            rank_by_coverage(standings),
            lambda c: {
                "org_coverage_rate": c.counts.org_coverage_rate,
                "work_coverage_rate": c.counts.work_coverage_rate,
            },
        ),
        "progress": _ranking(rank_by_progress(standings), lambda c: {"progress": c.progress}),
        "supervision": _ranking(
            rank_by_supervision(standings),
            lambda c: {
                "tickets_overdue": c.tickets_overdue,
                "tickets_closed_on_time": c.tickets_closed_on_time,
                "tickets_closed_late": c.tickets_closed_late,
                "interviews_held": c.interviews_held,
            },
        ),
        "party_work": _ranking(
            rank_by_party_work(standings),
            lambda c: {
                "activity_rate": c.party_work.activity_rate,
                "party_work_checked_rate": c.party_work.checked_rate,
            },
        ),
    }


def default_title(figures: dict[str, Any]) -> str:
    return (
        f"关于{figures['jurisdiction']['name']}“两个覆盖”工作情况的通报"
        f"（{figures['period_start']}至{figures['period_end']}）"
    )


def issue(actor: Actor, new: NewCircular) -> Circular:
    """Compute the circular and record it with the figures as they are now, audited, in one transaction."""
    with transaction():
        figures = preview(actor, new.jurisdiction_id, new.period_start, new.period_end)
        circular = Circular(
            jurisdiction_id=figures["jurisdiction"]["id"],
            title=(new.title or "").strip() or default_title(figures),
            period_start=new.period_start,
            period_end=new.period_end,
            issued_at=now(),
            issued_by_id=actor.user_id,
            # the issuer as the circular prints them: the display name (people are never shown by username)
            issued_by_label=users.display_names([actor.user_id]).get(actor.user_id or 0, actor.label),
            figures=figures,
        )
        db.session.add(circular)
        db.session.flush()
        audit.record(
            actor,
            "circular.issue",
            "circular",
            circular.id,
            circular.jurisdiction_id,
            None,
            {
                "title": circular.title,
                "period_start": figures["period_start"],
                "period_end": figures["period_end"],
                "lagging": [x["name"] for x in figures["lagging"]],
            },
        )
        for number in _ON_ISSUE.values():
            number(actor, circular)
    return circular


# What else an issue records in its transaction: the 通报's number and document (service/operations/engines/documents.py
# registers it through service/operations/registry.py; it imports this module, so this one cannot import it).
_ON_ISSUE: dict[str, Callable[[Actor, Circular], object]] = {}


def on_issue(name: str, hook: Callable[[Actor, Circular], object]) -> None:
    """Run `hook` inside every circular's issue transaction, after the circular is recorded; idempotent by name."""
    _ON_ISSUE[name] = hook


def get(actor: Actor, ident: int, *, for_update: bool = False) -> Circular:
    return get_scoped(Circular, ident, actor, for_update=for_update)


def query(actor: Actor, jurisdiction_id: int | None = None) -> Select[Any]:
    stmt = in_scope(select(Circular), Circular.jurisdiction_id, actor)
    if jurisdiction_id is not None:
        root = root_for(actor, jurisdiction_id)
        stmt = stmt.where(
            Circular.jurisdiction_id.in_(select(Jurisdiction.id).where(Jurisdiction.path.startswith(root.path)))
        )
    return stmt.order_by(Circular.id.desc())


def _chinese_date(day: date) -> str:
    """2026年11月30日 (GB/T 9704: no leading zeros)."""
    return f"{day.year}年{day.month}月{day.day}日"


def circular_context(circular: Circular) -> dict[str, Any]:
    """Everything a document template needs to print a circular: plain strings and lists from the stored
    figures only, so the document reproduces the circular as issued. The keys match the circular's
    placeholders (service/documents/kinds.py: issuer, title, addressee, body, date, period, lagging,
    rankings.*); `doc_no` is the documents engine's to allocate. The three rankings are also given
    separately with a sentence per row (`coverage_ranking`, `progress_ranking`, `supervision_ranking`)."""
    f = circular.figures
    issued_on = circular.issued_at.astimezone(CHINA).date()
    summary = _summary_sentence(f)
    lagging_details = [{"name": x["name"], "reasons": "；".join(x["reason_labels"])} for x in f["lagging"]]
    lagging_text = (
        "以下单位进展滞后，予以通报：" + "；".join(f"{x['name']}（{x['reasons']}）" for x in lagging_details) + "。"
        if lagging_details
        else "本期无进展滞后单位。"
    )
    period = (
        f"{_chinese_date(date.fromisoformat(f['period_start']))}至{_chinese_date(date.fromisoformat(f['period_end']))}"
    )
    return {
        "kind": "circular",
        "issuer": f["jurisdiction"]["name"],
        "title": circular.title,
        "addressee": "、".join(c["name"] for c in f["children"]) or f["jurisdiction"]["name"],
        "body": "\n".join([summary, *_party_work_sentence(f), lagging_text, f["lagging_rule"] + "。"]),
        "date": _chinese_date(issued_on),
        "period": period,
        "lagging": "、".join(x["name"] for x in lagging_details),
        "rankings": _ranking_table(f),
        "issuing_body": f["jurisdiction"]["name"],
        "period_start": f["period_start"],
        "period_end": f["period_end"],
        "issued_on": issued_on.isoformat(),
        "issued_by": circular.issued_by_label,
        "summary": summary,
        **_ranking_sentences(f),
        "lagging_details": lagging_details,
        "lagging_rule": f["lagging_rule"],
        "target_rate": percent(f["target_rate"]),
    }


def _progress_text(value: float | None) -> str:
    return "无期初数据" if value is None else f"{value * 100:+.1f}个百分点"


def _ranking_sentences(f: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The three rankings, a sentence per row."""

    def line(row: dict[str, Any], text: str) -> dict[str, Any]:
        return {"rank": row["rank"], "name": row["name"], "text": text}

    rankings = f["rankings"]
    return {
        "coverage_ranking": [
            line(r, f"组织覆盖率{percent(r['org_coverage_rate'])}，工作覆盖率{percent(r['work_coverage_rate'])}")
            for r in rankings["coverage"]
        ],
        "progress_ranking": [line(r, f"组织覆盖率变化{_progress_text(r['progress'])}") for r in rankings["progress"]],
        "supervision_ranking": [
            line(
                r,
                f"逾期督办事项{r['tickets_overdue']}件，按期办结{r['tickets_closed_on_time']}件，"
                f"逾期办结{r['tickets_closed_late']}件，约谈{r['interviews_held']}次",
            )
            for r in rankings["supervision"]
        ],
    }


def _ranking_table(f: dict[str, Any]) -> list[dict[str, str]]:
    """One table row per child, in coverage order, with every figure the template's table names."""
    children = {c["jurisdiction_id"]: c for c in f["children"]}
    rows = []
    for r in f["rankings"]["coverage"]:
        c = children[r["jurisdiction_id"]]
        rows.append(
            {
                "rank": str(r["rank"]),
                "name": r["name"],
                "org_coverage_rate": percent(c["org_coverage_rate"]),
                "work_coverage_rate": percent(c["work_coverage_rate"]),
                "progress": _progress_text(c["progress"]),
                "tickets_closed_on_time": str(c["tickets_closed_on_time"]),
                "tickets_overdue": str(c["tickets_overdue"]),
                "interviews_held": str(c["interviews_held"]),
            }
        )
    return rows


def _party_work_sentence(f: dict[str, Any]) -> list[str]:
    """The party-work indicators and their ranking's order (五个同步 4), for circulars that carry them (those issued
    before they were kept do not: nothing is added)."""
    totals, ranked = f["totals"], f["rankings"].get("party_work")
    if "activity_rate" not in totals or ranked is None:
        return []
    order = "、".join(
        f"{r['name']}（{percent(r['activity_rate'])}、{percent(r['party_work_checked_rate'])}）" for r in ranked
    )
    return [
        f"党建工作指标：近一年开展党组织活动的单位{totals['active_units']}个，活动开展率{percent(totals['activity_rate'])}；"
        f"本年度年检{totals['inspections']}个单位，同步检查党建工作{totals['inspections_checked']}个，"
        f"占{percent(totals['party_work_checked_rate'])}。按活动开展率、党建检查比例排序：{order}。"
    ]


def _summary_sentence(f: dict[str, Any]) -> str:
    """The circular's opening sentence: the totals as at the period end (live or the snapshot's month)."""
    totals = f["totals"]
    as_at = f["as_of"] if f["end_basis"] == "live" else f["end_month"]
    return (
        f"截至{_chinese_date(date.fromisoformat(as_at))}，{f['jurisdiction']['name']}"
        f"应建单位{totals['units']}个，其中单独建立党组织{totals['own_org']}个、联合建立党组织{totals['joint_org']}个、"
        f"仅选派党建指导员{totals['instructor_only']}个、应建未建{totals['neither']}个；"
        f"组织覆盖率{percent(totals['org_coverage_rate'])}，工作覆盖率{percent(totals['work_coverage_rate'])}，"
        f"单独组建率{percent(totals['standalone_rate'])}。"
    )


def preview_document(actor: Actor, new: NewCircular, issued_by: str) -> dict[str, Any]:
    """The circular as it would read if issued now (circular_context of an unsaved circular): what the
    console shows before 印发. Nothing is recorded; `issued_by` is the name to print (a display name)."""
    figures = preview(actor, new.jurisdiction_id, new.period_start, new.period_end)
    unsaved = Circular(
        jurisdiction_id=figures["jurisdiction"]["id"],
        title=(new.title or "").strip() or default_title(figures),
        period_start=new.period_start,
        period_end=new.period_end,
        issued_at=now(),
        issued_by_id=actor.user_id,
        issued_by_label=issued_by,
        figures=figures,
    )
    return circular_context(unsaved)
