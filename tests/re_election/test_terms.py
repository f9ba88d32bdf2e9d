"""Terms through the scheduler's sweep: the reminders 6 and 3 months before the due date and monthly once it has
passed, each exactly once however often the sweep runs; the due list and the counts; an overdue term up its
ladder (催办, then 预警 to the supervisors), each level once, and a re-election ending it."""

from __future__ import annotations

from datetime import date

from flask import Flask
from sqlalchemy import select

from service.extensions import db
from service.models import Notification
from service.models.re_election import TermWatch
from service.operations.engines import escalation
from service.operations.flows.re_election import terms
from tests.support.console import Console
from tests.support.escalation import events, notification_count
from tests.support.excel import read_xlsx
from tests.support.re_election import URL, approve, meeting, ok, org, slate
from tests.support.world import Api, World

DUE = date(2027, 3, 31)


def _sweep(app: Flask, on: date) -> int:
    with app.app_context():
        sent = terms.remind(on)
        db.session.remove()
    return sent


def _reminders(app: Flask, org_id: int) -> list[str]:
    with app.app_context():
        rows = db.session.execute(
            select(Notification.body)
            .where(Notification.kind == "term_reminder", Notification.subject_id == org_id)
            .order_by(Notification.id)
        ).scalars()
        out = list(rows)
        db.session.remove()
    return out


def test_each_reminder_is_sent_once(app: Flask, api: Api, world: World) -> None:
    org_id = org(app, api, due_on=DUE)
    recipients = 2  # handler@east_t1 and admin@east_t1
    assert _sweep(app, date(2026, 9, 29)) == 0  # not yet six months before
    assert _sweep(app, date(2026, 9, 30)) == 1
    assert _sweep(app, date(2026, 9, 30)) == 0  # the same day again: nothing
    assert _sweep(app, date(2026, 10, 15)) == 0  # a later day, the same reminder: nothing
    assert len(_reminders(app, org_id)) == recipients
    assert _sweep(app, date(2026, 12, 31)) == 1  # three months before
    assert _sweep(app, date(2027, 3, 31)) == 0  # the due day: still the 3-month one
    assert _sweep(app, date(2027, 4, 1)) == 1  # overdue: the first monthly one
    assert _sweep(app, date(2027, 4, 20)) == 0
    assert _sweep(app, date(2027, 5, 1)) == 1  # a month later
    bodies = _reminders(app, org_id)
    assert len(bodies) == 4 * recipients
    assert (
        "提前6个月" in bodies[0] and "提前3个月" in bodies[2] and "第1次逾期" in bodies[4] and "第2次逾期" in bodies[6]
    )


def test_an_organisation_first_seen_late_gets_the_latest_reminder_only(app: Flask, api: Api, world: World) -> None:
    org_id = org(app, api, due_on=DUE)
    assert _sweep(app, date(2027, 6, 5)) == 1
    assert ["第3次逾期" in b for b in _reminders(app, org_id)] == [True, True]


def test_the_due_list_and_the_counts(app: Flask, api: Api, world: World) -> None:
    overdue = org(app, api, due_on=date(2026, 9, 1))
    soon = org(app, api, due_on=date(2027, 3, 25))
    org(app, api, due_on=date(2027, 3, 26))  # beyond six months of 2026-09-25
    west = org(app, api, "west_t1", due_on=date(2026, 9, 1))
    rows = ok(api.get(f"{URL}/due", as_="supervisor@east"))
    assert [(r["party_org"]["id"], r["status"]) for r in rows] == [(overdue, "overdue"), (soon, "due")]
    assert [r["party_org"]["id"] for r in ok(api.get(f"{URL}/due?status=overdue", as_="admin@city"))] == [
        overdue,
        west,
    ]
    assert ok(api.get(f"{URL}/due/counts", as_="handler@east_t1")) == {"due": 1, "overdue": 1}
    assert ok(api.get(f"{URL}/due/counts", as_="admin@city")) == {"due": 1, "overdue": 2}


def test_the_due_list_exported_as_excel_holds_the_same_rows_in_scope(
    app: Flask, api: Api, console: Console, world: World
) -> None:
    overdue = org(app, api, due_on=date(2026, 9, 1))
    org(app, api, due_on=date(2027, 3, 25))
    org(app, api, "west_t1", due_on=date(2026, 9, 1))  # outside 东区
    listed = ok(api.get(f"{URL}/due", as_="supervisor@east"))
    response = api.get(f"{URL}/due/export.xlsx", as_="supervisor@east")
    assert response.status_code == 200
    header, *rows = read_xlsx(response.data)
    assert header[:3] == ("党组织", "组织形式", "所属党(工)委") and header[-3:] == ("状态", "督办层级", "换届事项")
    assert [r[0] for r in rows] == [d["party_org"]["name"] for d in listed]
    assert [r[6] for r in rows] == ["已逾期", "即将到期"]
    assert rows[0][5] == "2026-09-01"
    page = console.get("/re-elections/due/export.xlsx?status=overdue", as_="supervisor@east")
    assert page.status_code == 200
    assert [r[0] for r in read_xlsx(page.data)[1:]] == [d["party_org"]["name"] for d in listed[:1]]
    assert listed[0]["party_org"]["id"] == overdue
    assert 'id="export"' in console.get("/re-elections/due", as_="supervisor@east").get_data(as_text=True)


def _watch(app: Flask, org_id: int) -> TermWatch:
    with app.app_context():
        w = db.session.execute(select(TermWatch).where(TermWatch.party_org_id == org_id)).scalar_one()
        db.session.expunge(w)
        db.session.remove()
    return w


def test_an_overdue_term_climbs_its_ladder_once_per_level_and_a_re_election_ends_it(
    app: Flask, api: Api, world: World
) -> None:
    org_id = org(app, api, due_on=date(2026, 9, 1))
    _sweep(app, date(2026, 9, 25))
    w = _watch(app, org_id)
    # Due 09-01 (a Tuesday): 催办 the next working day.
    assert (w.next_escalation_level, w.next_escalation_at) == ("reminder", date(2026, 9, 2))
    with app.app_context():
        assert escalation.escalate("term_overdue", w.id, date(2026, 9, 25)) == "reminder"
        assert escalation.escalate("term_overdue", w.id, date(2026, 9, 25)) == "not_due"
        db.session.remove()
    w = _watch(app, org_id)
    assert (w.escalation_level, w.next_escalation_level) == ("reminder", "warning")
    with app.app_context():
        assert escalation.escalate("term_overdue", w.id, w.next_escalation_at) == "warning"
        assert escalation.escalate("term_overdue", w.id, w.next_escalation_at) == "not_due"
        db.session.remove()
    assert events(app, "term_overdue") == [("term_overdue", w.id, "reminder"), ("term_overdue", w.id, "warning")]
    assert notification_count(app, "escalation.warning") >= 2  # the supervisors of 东一镇 and of 东县
    assert [r["escalation_level"] for r in ok(api.get(f"{URL}/due", as_="supervisor@east"))] == ["warning"]
    # The re-election: the new term moves the due date, the ladder stops.
    r = approve(app, api, ok(api.post(URL, as_="handler@east_t1", json=slate(org_id)), 201)["id"])
    ok(api.post(f"{URL}/{r['id']}/election", as_="handler@east_t1", json=meeting()))
    w = _watch(app, org_id)
    assert (w.term_due_on, w.escalation_level, w.next_escalation_at) == (date(2029, 9, 25), None, date(2029, 9, 26))
    assert ok(api.get(f"{URL}/due/counts", as_="supervisor@east")) == {"due": 0, "overdue": 0}
