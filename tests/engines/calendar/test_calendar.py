"""Calendar admin: loading a year's holiday notice (API and CLI), inspecting a year, computing deadlines.

The 2027 notice (tests/support/calendar.py) is FICTIONAL (chinesecalendar 1.11 has no 2027 data): New Year's
Day on Friday 1 January, a National Day week from Friday 1 to Thursday 7 October, with Sunday 26 September and
Saturday 9 October as make-up working days.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from flask import Flask
from flask.cli import FlaskGroup
from sqlalchemy import func, select

from service.extensions import db
from service.models import AuditEvent, CalendarOverride, CalendarYear
from tests.support.calendar import CALENDAR, DAYS_2027, NOTICE, put_year
from tests.support.world import Api, World


def _deadline(api: Api, start: str, workdays: int) -> dict[str, Any]:
    res = api.get(f"{CALENDAR}/deadline?start={start}&workdays={workdays}", as_="handler@east_t1")
    assert res.status_code == 200, res.json
    return dict(res.json)


def _stored(app: Flask) -> tuple[int, int]:
    with app.app_context():
        years = db.session.execute(select(func.count()).select_from(CalendarYear)).scalar_one()
        days = db.session.execute(select(func.count()).select_from(CalendarOverride)).scalar_one()
        db.session.remove()
    return years, days


# --------------------------------------------------------------------------------------------------
# without a notice: Monday–Friday, flagged as fallback


def test_an_unknown_year_falls_back_to_monday_to_friday(api: Api) -> None:
    info = api.get(f"{CALENDAR}/2027", as_="instructor@east_t1").json
    assert (info["basis"], info["loaded"], info["notice"]) == ("fallback", False, None)
    assert info["basis_label"] == "按周一至周五推算"
    assert info["overrides"] == info["holidays"] == info["makeup_workdays"] == []
    # Thursday 30 September + 3 working days, counting Friday 1 October as a working day
    assert _deadline(api, "2027-09-30", 3) == {
        "start": "2027-09-30",
        "workdays": 3,
        "deadline": "2027-10-05",
        "basis": "fallback",
        "basis_label": "按周一至周五推算",
    }


def test_a_package_year_is_official_with_its_holidays_and_makeup_days(api: Api) -> None:
    info = api.get(f"{CALENDAR}/2026", as_="handler@east_t1").json
    assert (info["basis"], info["loaded"]) == ("official", False)
    holidays = {d["date"]: d["name"] for d in info["holidays"]}
    makeup = {d["date"]: d["name"] for d in info["makeup_workdays"]}
    assert holidays["2026-10-01"] == "国庆节"
    assert holidays["2026-09-25"] == "中秋"
    assert "2026-10-03" not in holidays  # a Saturday off is no exception to list
    assert makeup["2026-10-10"] == "国庆节"  # Saturday 10 October 2026 is a working day
    # across National Day 2026: Friday 25 September + 5 working days
    assert _deadline(api, "2026-09-25", 5) == {
        "start": "2026-09-25",
        "workdays": 5,
        "deadline": "2026-10-09",
        "basis": "official",
        "basis_label": "官方节假日安排",
    }


def test_deadline_defaults_to_today_and_validates(api: Api) -> None:
    # the injected clock: Friday 25 September 2026 in Shanghai, the Mid-autumn Festival (a day off in
    # chinesecalendar 1.11): 0 working days lands on the next working day, Monday 28 September
    res = api.get(f"{CALENDAR}/deadline?workdays=0", as_="portal@east_t1")
    assert res.json["start"] == "2026-09-25" and res.json["deadline"] == "2026-09-28"
    for query, field in (
        ("workdays=-1", "workdays"),
        ("start=2026-02-30&workdays=1", "start"),
        ("start=2026-09-25", "workdays"),
        ("workdays=1001", "workdays"),
    ):
        bad = api.get(f"{CALENDAR}/deadline?{query}", as_="portal@east_t1")
        assert bad.status_code == 422, query
        assert field in bad.json["errors"]["query"], query
    far = api.get(f"{CALENDAR}/deadline?start=1999-12-31&workdays=1", as_="portal@east_t1")
    assert far.status_code == 422
    assert far.json["errors"]["query"]["start"] == ["日期须在2000-01-01至2100-12-31之间"]  # the date window


# --------------------------------------------------------------------------------------------------
# loading a notice


def test_loading_the_notice_makes_the_year_official(app: Flask, api: Api) -> None:
    res = put_year(api)
    assert res.status_code == 200, res.json
    info = res.json
    assert (info["basis"], info["loaded"], info["notice"]) == ("official", True, NOTICE)
    assert info["loaded_by"] == "admin.city"
    assert len(info["overrides"]) == len(DAYS_2027)
    assert [(d["date"], d["name"]) for d in info["holidays"]] == [
        ("2027-01-01", "元旦"),
        *((f"2027-10-0{d}", "国庆节") for d in (1, 4, 5, 6, 7)),
    ]
    assert [d["date"] for d in info["makeup_workdays"]] == ["2027-09-26", "2027-10-09"]
    assert api.get(f"{CALENDAR}/2027", as_="handler@east_t1").json == info

    # the holidays are skipped and the make-up Saturday counts
    assert _deadline(api, "2027-09-30", 3) == {
        "start": "2027-09-30",
        "workdays": 3,
        "deadline": "2027-10-11",
        "basis": "official",
        "basis_label": "官方节假日安排",
    }
    # a deadline running into an unknown year is fallback again
    assert _deadline(api, "2027-12-30", 5)["basis"] == "fallback"

    with app.app_context():
        [event] = db.session.execute(select(AuditEvent).where(AuditEvent.action == "calendar.load")).scalars()
        assert (event.subject_type, event.subject_id, event.actor_label) == ("calendar_year", 2027, "admin.city")
        assert event.state_before is None
        assert event.state_after is not None and len(event.state_after["days"]) == len(DAYS_2027)


def test_loading_again_replaces_the_year(app: Flask, api: Api) -> None:
    assert put_year(api).status_code == 200
    fewer = [d for d in DAYS_2027 if d["date"] != "2027-10-09"]  # the make-up Saturday withdrawn
    res = put_year(api, fewer)
    assert res.status_code == 200
    assert [d["date"] for d in res.json["makeup_workdays"]] == ["2027-09-26"]
    assert _stored(app) == (1, len(fewer))
    assert _deadline(api, "2027-09-30", 3)["deadline"] == "2027-10-12"
    with app.app_context():
        events = list(
            db.session.execute(
                select(AuditEvent).where(AuditEvent.action == "calendar.load").order_by(AuditEvent.id)
            ).scalars()
        )
        assert len(events) == 2
        assert events[1].state_before is not None and len(events[1].state_before["days"]) == len(DAYS_2027)


def test_unloading_returns_the_year_to_fallback(app: Flask, api: Api) -> None:
    assert put_year(api).status_code == 200
    res = api.delete(f"{CALENDAR}/2027", as_="admin@city")
    assert res.status_code == 200
    assert (res.json["basis"], res.json["loaded"]) == ("fallback", False)
    assert _stored(app) == (0, 0)
    assert _deadline(api, "2027-09-30", 3)["deadline"] == "2027-10-05"
    assert api.delete(f"{CALENDAR}/2027", as_="admin@city").status_code == 404


@pytest.mark.parametrize(
    ("days", "field", "code"),
    [
        ([DAYS_2027[0], {"date": "2027-02-30", "workday": False}], "days[1].date", "invalid_override_date"),
        ([{"date": "27-10-01", "workday": False}], "days[0].date", "invalid_override_date"),
        ([{"workday": False}], "days[0].date", "missing_override_date"),
        ([{"date": "2028-01-01", "workday": False}], "days[0].date", "override_year_mismatch"),
        ([DAYS_2027[0], DAYS_2027[0]], "days[1].date", "duplicate_override_date"),
        ([{"date": "2027-10-01", "workday": "是"}], "days[0].workday", "invalid_override_workday"),
        ([{"date": "2027-10-01", "workday": 0}], "days[0].workday", "invalid_override_workday"),
        ([{"date": "2027-10-01", "workday": False, "name": 5}], "days[0].name", "invalid_override_name"),
        ([{"date": "2027-10-01", "workday": False, "name": "节" * 51}], "days[0].name", "override_name_too_long"),
        ([{"date": "2027-10-01", "workday": False, "is_workday": True}], "days[0]", "unknown_override_field"),
    ],
    ids=[
        "impossible-date",
        "short-year",
        "no-date",
        "other-year",
        "duplicate",
        "workday-text",
        "workday-int",
        "name-type",
        "name-too-long",
        "unknown-key",
    ],
)
def test_bad_rows_are_refused_with_the_field(app: Flask, api: Api, days: list[Any], field: str, code: str) -> None:
    assert put_year(api).status_code == 200  # a loaded year stays intact when a bad upload is refused
    res = put_year(api, days)
    assert res.status_code == 422, res.json
    assert res.json["code"] == code
    assert list(res.json["errors"]["json"]) == [field]
    assert _stored(app) == (1, len(DAYS_2027))
    assert _deadline(api, "2027-09-30", 3)["deadline"] == "2027-10-11"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"days": DAYS_2027}, "notice"),
        ({"notice": "  ", "days": DAYS_2027}, "notice"),
        ({"notice": NOTICE}, "days"),
        ({"notice": NOTICE, "days": []}, "days"),
        ({"notice": NOTICE, "days": ["2027-10-01"]}, "days"),
        ({"notice": NOTICE, "days": DAYS_2027, "year": 2027}, "year"),
    ],
    ids=["no-notice", "blank-notice", "no-days", "empty-days", "row-not-object", "unknown-field"],
)
def test_bad_bodies_are_refused(app: Flask, api: Api, body: dict[str, Any], field: str) -> None:
    res = api.call("PUT", f"{CALENDAR}/2027", as_="admin@city", json=body)
    assert res.status_code == 422, res.json
    assert field in res.json["errors"]["json"]
    assert _stored(app) == (0, 0)


def test_only_city_admins_load_the_calendar(app: Flask, api: Api) -> None:
    for caller in ("handler@city", "supervisor@city", "portal@city", "admin@east", "admin@east_t1"):
        res = put_year(api, as_=caller)
        assert res.status_code == 403, caller
        assert res.json["code"] == "forbidden"
        assert api.delete(f"{CALENDAR}/2027", as_=caller).status_code == 403, caller
    assert _stored(app) == (0, 0)
    with app.app_context():
        audited = db.session.execute(select(AuditEvent.id).where(AuditEvent.subject_type == "calendar_year")).first()
        assert audited is None


def test_years_outside_the_range_do_not_exist(api: Api) -> None:
    assert api.get(f"{CALENDAR}/1999", as_="handler@east_t1").status_code == 404
    assert api.get(f"{CALENDAR}/2101", as_="handler@east_t1").status_code == 404
    assert put_year(api, year=1999).status_code == 404


# --------------------------------------------------------------------------------------------------
# CLI


@pytest.fixture
def cli(app: Flask, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    # FlaskGroup marks the process as run from the CLI; keep that out of the other tests.
    monkeypatch.setenv("FLASK_RUN_FROM_CLI", "false")
    monkeypatch.setenv("FLASK_SKIP_DOTENV", "1")

    def run(*args: str) -> Result:
        return app.test_cli_runner().invoke(FlaskGroup(create_app=lambda: app), list(args))

    return run


def _write(tmp_path: Path, data: Any) -> str:
    path = tmp_path / "calendar.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_cli_load_and_show(app: Flask, api: Api, world: World, tmp_path: Path, cli: Callable[..., Result]) -> None:
    loaded = cli("calendar", "load", _write(tmp_path, {"year": 2027, "notice": NOTICE, "days": DAYS_2027}))
    assert loaded.exit_code == 0, loaded.output
    assert "loaded 2027: 10 days, basis official, 6 weekday holidays, 2 weekend working days" in loaded.output
    assert _deadline(api, "2027-09-30", 3)["deadline"] == "2027-10-11"
    with app.app_context():
        assert db.session.get(CalendarYear, 2027).loaded_by == "cli"  # type: ignore[union-attr]

    shown = cli("calendar", "show", "2027")
    assert shown.exit_code == 0, shown.output
    assert "2027: basis official" in shown.output
    assert NOTICE in shown.output
    assert "2027-10-04 Mon 国庆节" in shown.output
    assert "2027-10-09 Sat 国庆节调休" in shown.output

    fallback = cli("calendar", "show", "2028")
    assert fallback.exit_code == 0
    assert "2028: basis fallback" in fallback.output
    assert cli("calendar", "show", "1850").exit_code != 0


def test_cli_load_refuses_bad_files(app: Flask, tmp_path: Path, cli: Callable[..., Result]) -> None:
    bad_row = cli(
        "calendar",
        "load",
        _write(tmp_path, {"year": 2027, "notice": NOTICE, "days": [{"date": "2027-13-01", "workday": False}]}),
    )
    assert bad_row.exit_code != 0
    assert "days[0].date" in bad_row.output
    no_year = cli("calendar", "load", _write(tmp_path, {"notice": NOTICE, "days": DAYS_2027}))
    assert no_year.exit_code != 0
    assert "year" in no_year.output
    not_json = tmp_path / "broken.json"
    not_json.write_text("{", encoding="utf-8")
    assert "not valid JSON" in cli("calendar", "load", str(not_json)).output
    assert _stored(app) == (0, 0)
