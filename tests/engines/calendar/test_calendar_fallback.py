"""Deadlines counted into a year whose holiday notice is not loaded fall back to Monday–Friday: the ticket page,
the board and the admin calendar page say so, and stop saying it once the year is loaded."""

from __future__ import annotations

from datetime import date

from service.clock import FixedClock
from tests.support.calendar import DAYS_2027, put_year
from tests.support.console import Console
from tests.support.supervision import TICKETS, issued, move, ok
from tests.support.world import Api

SUPERVISOR = "supervisor@east"
NOTICE = "该期限按周一至周五计算，2027年节假日安排尚未载入。"


def text_of(res: object) -> str:
    return str(res.get_data(as_text=True))  # type: ignore[attr-defined]


def test_ticket_and_board_say_a_deadline_is_counted_monday_to_friday(
    console: Console, api: Api, clock: FixedClock
) -> None:
    this_year = issued(api, rectification_workdays=5)
    move(clock, date(2026, 12, 21))
    next_year = issued(api, rectification_workdays=15)
    assert next_year["rectify_by"].startswith("2027-")
    # Acknowledged: the board tracks the rectification deadline (before, the acknowledgement one, in 2026).
    ok(api.post(f"{TICKETS}/{next_year['id']}/acknowledge", as_="handler@east_t1"))
    page = text_of(console.get(f"/board/tickets/{next_year['id']}", as_=SUPERVISOR))
    assert f'<p class="notice" id="calendar-fallback" role="note">{NOTICE}</p>' in page
    assert 'id="calendar-fallback"' not in text_of(console.get(f"/board/tickets/{this_year['id']}", as_=SUPERVISOR))
    board = text_of(console.get("/board", as_=SUPERVISOR))
    assert "标 * 的期限按周一至周五计算，2027年节假日安排尚未载入。" in board
    row = board.split(f'data-id="{next_year["id"]}"', 1)[1].split("</tr>", 1)[0]
    assert 'class="fallback-mark"' in row
    other = board.split(f'data-id="{this_year["id"]}"', 1)[1].split("</tr>", 1)[0]
    assert 'class="fallback-mark"' not in other
    # Loaded: the official calendar; no notice.
    assert put_year(api, DAYS_2027).status_code == 200
    assert 'id="calendar-fallback"' not in text_of(console.get(f"/board/tickets/{next_year['id']}", as_=SUPERVISOR))
    assert 'id="calendar-fallback"' not in text_of(console.get("/board", as_=SUPERVISOR))


def test_admin_calendar_page_says_when_a_year_is_not_loaded(console: Console, api: Api) -> None:
    page = text_of(console.get("/admin/calendar?year=2027", as_="admin@city"))
    assert "2027年节假日安排尚未载入：涉及2027年的期限按周一至周五计算" in page
    assert "国务院办公厅通知发布后请在下方载入" in page
    assert 'id="calendar-fallback"' not in text_of(console.get("/admin/calendar?year=2026", as_="admin@city"))
    assert put_year(api, DAYS_2027).status_code == 200
    assert 'id="calendar-fallback"' not in text_of(console.get("/admin/calendar?year=2027", as_="admin@city"))
