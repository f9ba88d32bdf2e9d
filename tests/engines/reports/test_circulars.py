"""Circulars (通报): rankings and the lagging rule on the hand-counted ledger, issuing (who, when, the
figures as they were, audited), and reproduction after the ledger changed."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from flask import Flask

from service.auth import system_actor
from service.extensions import db
from service.inputs import NewCircular
from service.models import Circular, CoverageSnapshot, Interview, SupervisionTicket
from service.operations.reports import circulars
from tests.engines.reports.conftest import Ledger
from tests.support import coverage as h
from tests.support.world import Api, World

PREVIEW = f"{h.COVERAGE}/circular"
ISSUE = f"{h.COVERAGE}/circulars"
PERIOD = "period_start=2026-09-01&period_end=2026-09-30"


def _snapshot(app: Flask, place: int, units: int, covered: int) -> None:
    with app.app_context():
        db.session.add(
            CoverageSnapshot(
                jurisdiction_id=place,
                month_end=date(2026, 8, 31),
                units=units,
                own_org=covered,
                joint_org=0,
                instructor_only=0,
                open_cases=0,
                taken_at=datetime(2026, 9, 1, tzinfo=UTC),
            )
        )
        db.session.commit()


def _ticket(app: Flask, world: World, place: str, **kw: Any) -> None:
    with app.app_context():
        values: dict[str, Any] = {
            "state": "rectifying",
            "title": "覆盖率滞后",
            "priority": "normal",
            "jurisdiction_id": world.ids[place],
            "issuing_body_id": world.ids["east"],
            "responsible_person": "刘镇长",
            "issued_on": date(2026, 9, 1),
            "rectify_by": date(2026, 9, 20),
            "version": 1,
            **kw,
        }
        db.session.add(SupervisionTicket(**values))
        db.session.commit()


def _interview(app: Flask, world: World, place: str, held_at: datetime) -> None:
    with app.app_context():
        db.session.add(
            Interview(
                state="held",
                subject_type="jurisdiction",
                subject_id=world.ids[place],
                jurisdiction_id=world.ids[place],
                responsible_person="王书记",
                held_at=held_at,
                version=1,
            )
        )
        db.session.commit()


def _scene(app: Flask, world: World) -> None:
    # Baselines at 2026-08-31: east_t1 50% (now 66.67%: +16.67 points), east_t2 50% (now 50%: no progress).
    _snapshot(app, world.ids["east"], 10, 5)
    _snapshot(app, world.ids["east_t1"], 6, 3)
    _snapshot(app, world.ids["east_t2"], 2, 1)
    # east_t1: one overdue ticket (deadline 09-20, still rectifying); east_t2: one closed on time in the period
    _ticket(app, world, "east_t1")
    _ticket(
        app,
        world,
        "east_t2",
        state="closed",
        closed_on_time=True,
        closed_at=datetime(2026, 9, 10, 2, tzinfo=UTC),
    )
    _ticket(app, world, "east_t2", state="closed", closed_on_time=False, closed_at=datetime(2026, 8, 10, tzinfo=UTC))
    _interview(app, world, "east_t1", datetime(2026, 9, 12, 2, tzinfo=UTC))
    _interview(app, world, "east_t1", datetime(2026, 8, 12, 2, tzinfo=UTC))  # before the period


def test_preview_ranks_and_names_the_lagging(app: Flask, api: Api, world: World, ledger: Ledger) -> None:
    _scene(app, world)
    res = api.get(f"{PREVIEW}?jurisdiction_id={world.ids['east']}&{PERIOD}", as_="supervisor@east")
    assert res.status_code == 200, res.json
    f = res.json
    assert f["end_basis"] == "live" and f["start_month"] == "2026-08-31"
    assert f["totals"]["org_coverage_rate"] == 0.6667
    children = {c["code"]: c for c in f["children"]}
    t1, t2, ic = children["east_t1"], children["east_t2"], children["east_ic"]
    assert (t1["org_coverage_rate"], t1["start_org_coverage_rate"], t1["progress"]) == (0.6667, 0.5, 0.1667)
    assert (t1["tickets_overdue"], t1["interviews_held"], t1["tickets_closed_on_time"]) == (1, 1, 0)
    assert (t2["progress"], t2["tickets_closed_on_time"], t2["tickets_closed_late"]) == (0.0, 1, 0)
    assert ic["org_coverage_rate"] is None and ic["progress"] is None
    ranks = f["rankings"]
    assert [(r["rank"], r["name"]) for r in ranks["coverage"]] == [
        (1, "东一镇"),
        (2, "东二街道"),
        (3, "东县物流行业党委"),
    ]
    assert [r["name"] for r in ranks["progress"]] == ["东一镇", "东二街道", "东县物流行业党委"]
    assert [r["name"] for r in ranks["supervision"]] == ["东二街道", "东县物流行业党委", "东一镇"]
    # east_t2: below the county's 66.67% and no progress; east_t1: an overdue ticket; east_ic: no rate.
    lagging = {x["name"]: x["reasons"] for x in f["lagging"]}
    assert lagging == {"东一镇": ["overdue_tickets"], "东二街道": ["below_average", "no_progress"]}
    assert f["lagging_rule"].startswith("点名通报规则")
    # The party-work indicators (conftest.py's count) and their own ranking: activity rate, then checked rate.
    assert (t1["activity_rate"], t1["party_work_checked_rate"]) == (0.3333, 0.5)
    assert (t2["activity_rate"], t2["party_work_checked_rate"]) == (0.5, 1.0)
    assert (ic["activity_rate"], ic["party_work_checked_rate"]) == (None, None)
    assert (f["totals"]["activity_rate"], f["totals"]["party_work_checked_rate"]) == (0.3333, 0.6667)
    assert [(r["rank"], r["name"]) for r in ranks["party_work"]] == [
        (1, "东二街道"),
        (2, "东一镇"),
        (3, "东县物流行业党委"),
    ]
    # The 通报's text says them (the Word document and the console's preview print its body).
    with app.app_context():
        actor = system_actor("test")
        new = NewCircular(date(2026, 9, 1), date(2026, 9, 30), world.ids["east"])
        body = circulars.preview_document(actor, new, "督查人员")["body"]
    assert "活动开展率33.3%" in body and "同步检查党建工作2个，占66.7%" in body
    assert "东二街道（50.0%、100.0%）、东一镇（33.3%、50.0%）、东县物流行业党委（—、—）" in body


def test_issued_circular_reads_the_same_after_the_ledger_changed(
    app: Flask, api: Api, world: World, ledger: Ledger
) -> None:
    _scene(app, world)
    res = api.post(
        ISSUE,
        as_="supervisor@east",
        json={"jurisdiction_id": world.ids["east"], "period_start": "2026-09-01", "period_end": "2026-09-30"},
    )
    assert res.status_code == 201, res.json
    issued = res.json
    assert issued["title"] == "关于东县“两个覆盖”工作情况的通报（2026-09-01至2026-09-30）"
    assert issued["issued_by_label"] == "supervisor@east"  # the display name, as the circular prints it
    assert issued["issued_at"].startswith("2026-09-25")
    # The ledger changes: u7 gets its own organisation, u10 is deregistered.
    with app.app_context():
        from service.models import Unit

        db.session.get(Unit, ledger.units["u7"]).party_org_id = h.org(app, world.ids["east_t1"])  # type: ignore[union-attr]
        db.session.commit()
    live = api.get(f"{PREVIEW}?jurisdiction_id={world.ids['east']}&{PERIOD}", as_="supervisor@east").json
    assert live["totals"]["org_coverage_rate"] != issued["figures"]["totals"]["org_coverage_rate"]
    again = api.get(f"{ISSUE}/{issued['id']}", as_="handler@east_t1")
    assert again.status_code == 404  # issued for east: beyond a township's scope
    again = api.get(f"{ISSUE}/{issued['id']}", as_="approver@east")
    assert again.status_code == 200
    assert again.json == issued
    listed = api.get(ISSUE, as_="admin@city").json
    assert [c["id"] for c in listed] == [issued["id"]] and listed[0]["figures"] == issued["figures"]
    # audited: who, what, the named laggards
    audit = api.get(f"/api/v1/audit?subject_type=circular&subject_id={issued['id']}", as_="admin@east").json
    assert [a["action"] for a in audit] == ["circular.issue"]
    # The document context reads the stored figures only.
    with app.app_context():
        context = circulars.circular_context(db.session.get(Circular, issued["id"]))  # type: ignore[arg-type]
    assert context["title"] == issued["title"] and context["issuer"] == "东县"
    assert context["date"] == "2026年9月25日" and context["period"] == "2026年9月1日至2026年9月30日"
    assert context["coverage_ranking"][0] == {"rank": 1, "name": "东一镇", "text": "组织覆盖率66.7%，工作覆盖率83.3%"}
    assert context["lagging"] == "东一镇、东二街道"
    assert context["rankings"][0] == {
        "rank": "1",
        "name": "东一镇",
        "org_coverage_rate": "66.7%",
        "work_coverage_rate": "83.3%",
        "progress": "+16.7个百分点",
        "tickets_closed_on_time": "0",
        "tickets_overdue": "1",
        "interviews_held": "1",
    }
    assert context["body"].startswith("截至2026年9月25日，东县应建单位9个")
    assert "东二街道（组织覆盖率低于全域平均水平；本期组织覆盖率未提升且未达目标）" in context["body"]


def test_bad_periods_and_roles(api: Api, world: World) -> None:
    east = world.ids["east"]
    body = {"jurisdiction_id": east, "period_start": "2026-09-30", "period_end": "2026-09-01"}
    res = api.post(ISSUE, as_="admin@east", json=body)
    assert res.status_code == 422 and res.json["code"] == "period_reversed"
    res = api.post(ISSUE, as_="admin@east", json={**body, "period_start": "9999-01-01"})
    assert res.status_code == 422 and "period_start" in res.json["errors"]["json"]
    res = api.post(ISSUE, as_="admin@east", json={"period_start": "2026-09-01"})
    assert res.status_code == 422 and "period_end" in res.json["errors"]["json"]
    ok = {"period_start": "2026-09-01", "period_end": "2026-09-30"}
    assert api.post(ISSUE, as_="approver@east", json=ok).status_code == 403
    assert api.post(ISSUE, as_="admin@east", json={**ok, "jurisdiction_id": world.ids["west"]}).status_code == 404
    assert api.get(f"{PREVIEW}?period_start=2026-09-01", as_="admin@east").status_code == 422
    assert api.get(f"{ISSUE}?jurisdiction_id={world.ids['west']}", as_="admin@east").status_code == 404
    assert api.get(ISSUE, as_="admin@east").json == []


def test_past_period_uses_the_month_end_snapshot(app: Flask, api: Api, world: World, ledger: Ledger) -> None:
    _scene(app, world)
    f = api.get(
        f"{PREVIEW}?jurisdiction_id={world.ids['east']}&period_start=2026-08-01&period_end=2026-08-31",
        as_="admin@east",
    ).json
    assert f["end_basis"] == "snapshot" and f["end_month"] == "2026-08-31"
    assert f["totals"]["org_coverage_rate"] == 0.5  # the snapshot, not today's ledger
    assert f["start_month"] is None and all(c["progress"] is None for c in f["children"])
    # Party work in the year to the period's end (from 2025-08-31): u2's activity of 2025-09-24 counts there,
    # though not today; u7's withdrawn one never does.
    t1 = next(c for c in f["children"] if c["code"] == "east_t1")
    assert (t1["active_units"], t1["activity_rate"]) == (3, 0.5)  # u1, u2, u4 of 6
