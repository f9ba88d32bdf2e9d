"""Working-day arithmetic against chinesecalendar 1.11.0's own 2026 data, admin overrides and fallback."""

from __future__ import annotations

import datetime as dt
import random

import chinese_calendar
import pytest

from workflows.errors import Conflict, RuleViolation
from workflows.workdays import Deadline, WorkdayCalendar, parse_overrides

D = dt.date
ONE_DAY = dt.timedelta(days=1)


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    out = []
    while first <= last:
        out.append(first)
        first += ONE_DAY
    return out


def _package_or_weekday(d: dt.date) -> bool:
    try:
        return chinese_calendar.is_workday(d)
    except NotImplementedError:
        return d.weekday() < 5


def _naive_add(cal: WorkdayCalendar, start: dt.date, n: int) -> dt.date:
    d, seen = start, 0
    while seen < n:
        d += ONE_DAY
        seen += cal.is_workday(d)
    return d


@pytest.fixture(scope="module")
def cal() -> WorkdayCalendar:
    return WorkdayCalendar()


# --- the package's data, as the calendar sees it -------------------------------------------------


def test_package_raises_not_implemented_outside_2004_2026() -> None:
    # The behaviour the fallback relies on; if a new package version adds 2027 this test tells us.
    for year in (2003, 2027):
        with pytest.raises(NotImplementedError):
            chinese_calendar.is_workday(D(year, 3, 1))
    assert chinese_calendar.is_workday(D(2004, 3, 1)) is True
    assert chinese_calendar.is_workday(D(2026, 3, 2)) is True


def test_calendar_matches_package_for_every_day_2004_to_2026(cal: WorkdayCalendar) -> None:
    mismatches = [
        d for d in _days(D(2004, 1, 1), D(2026, 12, 31)) if cal.is_workday(d) != chinese_calendar.is_workday(d)
    ]
    assert mismatches == []


def test_2026_make_up_working_days_come_from_package_data(cal: WorkdayCalendar) -> None:
    year = _days(D(2026, 1, 1), D(2026, 12, 31))
    package_weekend_workdays = {d for d in year if d.weekday() >= 5 and chinese_calendar.is_workday(d)}
    ours = {d for d in year if d.weekday() >= 5 and cal.is_workday(d)}
    assert ours == package_weekend_workdays
    # The National Day make-up Saturday and the Spring Festival make-up Saturday are among them.
    assert {D(2026, 10, 10), D(2026, 2, 14)} <= ours
    assert all(chinese_calendar.get_holiday_detail(d)[1] is not None for d in ours)


def test_2026_national_day_mid_autumn_and_spring_festival(cal: WorkdayCalendar) -> None:
    assert not any(cal.is_workday(d) for d in _days(D(2026, 10, 1), D(2026, 10, 7)))
    assert cal.is_workday(D(2026, 10, 8)) and cal.is_workday(D(2026, 10, 10))
    # Mid-autumn in the package: Friday 09-25 off, plus the weekend 09-26/27.
    mid_autumn = _days(D(2026, 9, 25), D(2026, 9, 27))
    assert [chinese_calendar.get_holiday_detail(d) for d in mid_autumn] == [(True, "Mid-autumn Festival")] * 3
    assert not any(cal.is_workday(d) for d in mid_autumn)
    spring = _days(D(2026, 2, 15), D(2026, 2, 23))
    assert not any(cal.is_workday(d) for d in spring)
    assert cal.is_workday(D(2026, 2, 24))


def test_basis_for_year(cal: WorkdayCalendar) -> None:
    assert cal.basis_for_year(2026) == "official"
    assert cal.basis_for_year(2004) == "official"
    for year in (1999, 2003, 2027, 2030):
        assert cal.basis_for_year(year) == "fallback"
    assert WorkdayCalendar(loaded_years=[2027]).basis_for_year(2027) == "official"


@pytest.mark.parametrize("year", [1999, 2027, 2030])
def test_fallback_years_are_monday_to_friday(cal: WorkdayCalendar, year: int) -> None:
    days = _days(D(year, 1, 1), D(year, 12, 31))
    assert [cal.is_workday(d) for d in days] == [d.weekday() < 5 for d in days]


def test_is_workday_accepts_datetime(cal: WorkdayCalendar) -> None:
    assert cal.is_workday(dt.datetime(2026, 10, 10, 23, 59)) is True
    assert cal.is_workday(dt.datetime(2026, 10, 1, 9, 0)) is False


# --- add_workdays --------------------------------------------------------------------------------


def test_add_5_and_15_workdays_across_national_day(cal: WorkdayCalendar) -> None:
    # After Wed 09-30: 10-08, 10-09, 10-10 (make-up Saturday), 10-12, 10-13 ...
    assert cal.add_workdays(D(2026, 9, 30), 5) == Deadline(D(2026, 10, 13), "official")
    # ... 10-14, 15, 16, 19, 20, 21, 22, 23, 26, 27.
    assert cal.add_workdays(D(2026, 9, 30), 15) == Deadline(D(2026, 10, 27), "official")


def test_start_day_never_counts(cal: WorkdayCalendar) -> None:
    assert cal.add_workdays(D(2026, 9, 28), 1).date == D(2026, 9, 29)  # Monday start: Tuesday
    assert cal.add_workdays(D(2026, 10, 3), 1).date == D(2026, 10, 8)  # holiday start
    assert cal.add_workdays(D(2026, 10, 9), 1).date == D(2026, 10, 10)  # Friday -> make-up Saturday
    assert cal.add_workdays(D(2026, 9, 24), 1).date == D(2026, 9, 28)  # over Mid-autumn
    assert cal.add_workdays(D(2026, 9, 19), 1).date == D(2026, 9, 20)  # make-up Sunday
    assert cal.add_workdays(D(2026, 2, 14), 1).date == D(2026, 2, 24)  # over Spring Festival


def test_zero_workdays_is_same_day_or_next_workday(cal: WorkdayCalendar) -> None:
    assert cal.add_workdays(D(2026, 10, 10), 0) == Deadline(D(2026, 10, 10), "official")
    assert cal.add_workdays(D(2026, 10, 3), 0) == Deadline(D(2026, 10, 8), "official")
    assert cal.add_workdays(D(2027, 1, 2), 0) == Deadline(D(2027, 1, 4), "fallback")


def test_negative_workdays_refused(cal: WorkdayCalendar) -> None:
    with pytest.raises(ValueError):
        cal.add_workdays(D(2026, 10, 8), -1)


def test_deadline_crossing_into_2027_is_fallback(cal: WorkdayCalendar) -> None:
    # 12-25, 28, 29, 30, 31 in 2026, then Mon–Fri in 2027 (the package cannot know 2027-01-01).
    assert cal.add_workdays(D(2026, 12, 24), 10) == Deadline(D(2027, 1, 7), "fallback")
    assert cal.add_workdays(D(2026, 12, 31), 1) == Deadline(D(2027, 1, 1), "fallback")
    # Ending exactly on 31 December examines no 2027 day: still official.
    assert cal.add_workdays(D(2026, 12, 17), 10) == Deadline(D(2026, 12, 31), "official")


def test_only_examined_days_decide_the_basis(cal: WorkdayCalendar) -> None:
    # Start day is not examined: from a fallback year straight into an official one.
    assert chinese_calendar.get_holiday_detail(D(2004, 1, 1)) == (True, "New Year's Day")
    assert cal.add_workdays(D(2003, 12, 31), 1) == Deadline(D(2004, 1, 2), "official")
    # n == 0 on a fallback-year non-working day examines that day.
    assert cal.add_workdays(D(2003, 12, 27), 0).basis == "fallback"


def test_any_year_works(cal: WorkdayCalendar) -> None:
    assert cal.add_workdays(D(1999, 3, 1), 22) == Deadline(D(1999, 3, 31), "fallback")
    assert cal.add_workdays(D(2030, 6, 3), 5) == Deadline(D(2030, 6, 10), "fallback")


def test_long_jump_over_many_years_matches_day_by_day(cal: WorkdayCalendar) -> None:
    start = D(2001, 6, 15)
    result = cal.add_workdays(start, 8000)
    assert result.date == _naive_add(cal, start, 8000)
    assert result.basis == "fallback"  # 2001–2003 were examined
    assert cal.workdays_between(start, result.date) == 8000


def test_random_starts_agree_with_package_day_by_day(cal: WorkdayCalendar) -> None:
    rng = random.Random(20261001)
    for _ in range(300):
        start = D(2003, 6, 1) + dt.timedelta(days=rng.randrange(8800))
        n = rng.randrange(1, 60)
        d, seen = start, 0
        while seen < n:
            d += ONE_DAY
            seen += _package_or_weekday(d)
        assert cal.add_workdays(start, n).date == d, (start, n)


def test_next_workday(cal: WorkdayCalendar) -> None:
    assert cal.next_workday(D(2026, 9, 30)) == D(2026, 10, 8)
    assert cal.next_workday(D(2026, 10, 8)) == D(2026, 10, 9)  # strictly after, even from a working day
    assert cal.next_workday(D(2027, 12, 31)) == D(2028, 1, 3)


# --- workdays_between ----------------------------------------------------------------------------


def test_workdays_between_counts_half_open_interval(cal: WorkdayCalendar) -> None:
    assert cal.workdays_between(D(2026, 9, 30), D(2026, 10, 8)) == 1
    assert cal.workdays_between(D(2026, 9, 30), D(2026, 10, 13)) == 5
    assert cal.workdays_between(D(2026, 10, 1), D(2026, 10, 7)) == 0
    assert cal.workdays_between(D(2026, 10, 8), D(2026, 10, 8)) == 0
    assert cal.workdays_between(D(2026, 10, 13), D(2026, 9, 30)) == -5


def test_workdays_between_across_years(cal: WorkdayCalendar) -> None:
    a, b = D(2025, 11, 3), D(2028, 2, 10)
    expected = sum(cal.is_workday(d) for d in _days(a + ONE_DAY, b))
    assert cal.workdays_between(a, b) == expected
    assert cal.workdays_between(b, a) == -expected


def test_workdays_between_inverts_add_workdays(cal: WorkdayCalendar) -> None:
    rng = random.Random(7)
    for _ in range(300):
        start = D(2024, 1, 1) + dt.timedelta(days=rng.randrange(1500))
        n = rng.randrange(1, 40)
        assert cal.workdays_between(start, cal.add_workdays(start, n).date) == n


# --- overrides -----------------------------------------------------------------------------------


def _overrides_2027() -> dict[dt.date, bool]:
    # Made-up notice: National Day 10-01..07 off, Saturday 10-09 a make-up working day.
    overrides = {d: False for d in _days(D(2027, 10, 1), D(2027, 10, 7))}
    overrides[D(2027, 10, 9)] = True
    return overrides


def test_loaded_2027_overrides_are_official_and_skip_holidays() -> None:
    cal = WorkdayCalendar(_overrides_2027(), loaded_years=[2027])
    assert cal.basis_for_year(2027) == "official"
    assert D(2027, 10, 9).weekday() == 5
    assert cal.add_workdays(D(2027, 9, 30), 1) == Deadline(D(2027, 10, 8), "official")
    assert cal.add_workdays(D(2027, 9, 30), 2) == Deadline(D(2027, 10, 9), "official")
    assert cal.add_workdays(D(2027, 9, 30), 3) == Deadline(D(2027, 10, 11), "official")
    # Dates not in a loaded year's mapping are Monday–Friday.
    assert cal.is_workday(D(2027, 5, 3)) and not cal.is_workday(D(2027, 5, 1))


def test_loaded_2027_makes_deadline_crossing_new_year_official() -> None:
    cal = WorkdayCalendar({D(2027, 1, 1): False}, loaded_years=[2027])
    # 12-25, 28, 29, 30, 31, then 2027-01-04 .. 01-08 (New Year's Day skipped).
    assert cal.add_workdays(D(2026, 12, 24), 10) == Deadline(D(2027, 1, 8), "official")


def test_partial_overrides_apply_but_year_stays_fallback() -> None:
    cal = WorkdayCalendar(_overrides_2027())  # not declared loaded
    assert cal.basis_for_year(2027) == "fallback"
    assert cal.add_workdays(D(2027, 9, 30), 1) == Deadline(D(2027, 10, 8), "fallback")


def test_overrides_correct_a_year_the_package_knows() -> None:
    cal = WorkdayCalendar({D(2026, 10, 8): False, D(2026, 10, 10): False})
    assert cal.basis_for_year(2026) == "official"
    assert not cal.is_workday(D(2026, 10, 8)) and not cal.is_workday(D(2026, 10, 10))
    assert not cal.is_workday(D(2026, 10, 1))  # the rest of the package data still applies
    assert cal.add_workdays(D(2026, 9, 30), 3) == Deadline(D(2026, 10, 13), "official")
    # Another calendar without overrides is unaffected by the first one's tables.
    assert WorkdayCalendar().is_workday(D(2026, 10, 8))


def test_declaring_a_package_year_loaded_means_the_overrides_are_complete() -> None:
    # Documented semantics: a loaded year ignores the package, so load corrections without declaring it.
    cal = WorkdayCalendar({D(2026, 10, 1): False}, loaded_years=[2026])
    assert not cal.is_workday(D(2026, 10, 1))
    assert cal.is_workday(D(2026, 10, 2))  # package holiday, but not in the loaded table
    assert not cal.is_workday(D(2026, 10, 10))  # package make-up Saturday, not in the table


def test_override_mapping_types_checked() -> None:
    with pytest.raises(TypeError):
        WorkdayCalendar({D(2027, 1, 1): 0})  # type: ignore[dict-item]
    with pytest.raises(TypeError):
        WorkdayCalendar({"2027-01-01": False})  # type: ignore[dict-item]


# --- parse_overrides -----------------------------------------------------------------------------


def test_parse_overrides_valid_rows_feed_a_calendar() -> None:
    rows = [
        {"date": "2027-10-01", "workday": False, "name": "国庆节"},
        {"date": "2027-10-09", "workday": True, "name": "国庆节调休"},
        {"date": D(2027, 10, 2), "workday": False},
    ]
    parsed = parse_overrides(rows, year=2027)
    assert parsed == {D(2027, 10, 1): False, D(2027, 10, 9): True, D(2027, 10, 2): False}
    cal = WorkdayCalendar(parsed, loaded_years=[2027])
    assert cal.is_workday(D(2027, 10, 9)) and not cal.is_workday(D(2027, 10, 1))


def test_parse_overrides_empty_is_empty() -> None:
    assert parse_overrides([], year=2027) == {}


@pytest.mark.parametrize("bad", ["2027-02-30", "2027/10/09", "20271009", "2027-W40-6", "27-10-09", 20271009])
def test_parse_overrides_bad_date(bad: object) -> None:
    rows = [{"date": "2027-10-01", "workday": False}, {"date": bad, "workday": True}]
    with pytest.raises(RuleViolation) as exc:
        parse_overrides(rows, year=2027)
    assert exc.value.code == "invalid_override_date"
    assert exc.value.field == "rows[1].date"
    assert "第 2 行" in exc.value.message
    assert not isinstance(exc.value, Conflict)


def test_parse_overrides_missing_date() -> None:
    with pytest.raises(RuleViolation) as exc:
        parse_overrides([{"workday": True}])
    assert (exc.value.code, exc.value.field) == ("missing_override_date", "rows[0].date")


def test_parse_overrides_datetime_refused() -> None:
    with pytest.raises(RuleViolation) as exc:
        parse_overrides([{"date": dt.datetime(2027, 10, 1, 8), "workday": False}])
    assert exc.value.code == "invalid_override_date"


def test_parse_overrides_duplicate_date() -> None:
    rows = [
        {"date": "2027-10-01", "workday": False},
        {"date": "2027-10-02", "workday": False},
        {"date": "2027-10-01", "workday": True},
    ]
    with pytest.raises(RuleViolation) as exc:
        parse_overrides(rows, year=2027)
    assert (exc.value.code, exc.value.field) == ("duplicate_override_date", "rows[2].date")
    assert "第 1 行" in exc.value.message and "第 3 行" in exc.value.message


def test_parse_overrides_year_mismatch() -> None:
    rows = [{"date": "2027-10-01", "workday": False}, {"date": "2028-01-01", "workday": False}]
    with pytest.raises(RuleViolation) as exc:
        parse_overrides(rows, year=2027)
    assert (exc.value.code, exc.value.field) == ("override_year_mismatch", "rows[1].date")
    assert "2027" in exc.value.message
    # Without a declared year, rows from several years are accepted.
    assert len(parse_overrides(rows)) == 2


@pytest.mark.parametrize("bad", ["true", 1, None])
def test_parse_overrides_workday_must_be_boolean(bad: object) -> None:
    with pytest.raises(RuleViolation) as exc:
        parse_overrides([{"date": "2027-10-09", "workday": bad}])
    assert (exc.value.code, exc.value.field) == ("invalid_override_workday", "rows[0].workday")


def test_parse_overrides_bad_row_and_name() -> None:
    with pytest.raises(RuleViolation) as exc:
        parse_overrides(["2027-10-01"])
    assert (exc.value.code, exc.value.field) == ("invalid_override_row", "rows[0]")
    with pytest.raises(RuleViolation) as exc:
        parse_overrides([{"date": "2027-10-01", "workday": False, "name": 5}])
    assert (exc.value.code, exc.value.field) == ("invalid_override_name", "rows[0].name")
