"""Micro-benchmark for workflows.workdays: `python bench/bench_workdays.py` (runs in a few seconds)."""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout without installing

from workflows.deadlines import next_escalation, warning_level
from workflows.supervision import TICKET_LADDER
from workflows.workdays import WorkdayCalendar


def _per_call_us(fn: Callable[[], object], calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        fn()
    return (time.perf_counter() - start) / calls * 1e6


def main() -> None:
    t0 = time.perf_counter()
    cold = WorkdayCalendar()
    start = time.perf_counter()
    cold.add_workdays(dt.date(2026, 9, 30), 22)
    print(f"first call, 2026 table built from chinesecalendar: {(time.perf_counter() - start) * 1e3:8.2f} ms")

    cal = WorkdayCalendar(
        {dt.date(2027, 10, d): False for d in range(1, 8)} | {dt.date(2027, 10, 9): True}, loaded_years=[2027]
    )
    cases = {
        "official 2026 (package)": (WorkdayCalendar(), dt.date(2026, 9, 30)),
        "official 2027 (loaded overrides)": (cal, dt.date(2027, 9, 30)),
        "fallback 2030": (WorkdayCalendar(), dt.date(2030, 9, 30)),
        "crossing 2026 -> 2027 (fallback)": (WorkdayCalendar(), dt.date(2026, 12, 20)),
    }
    for label, (calendar, day) in cases.items():
        calendar.add_workdays(day, 22)  # warm the year tables
        us = _per_call_us(lambda c=calendar, d=day: c.add_workdays(d, 22), 100_000)
        print(f"add_workdays(..., 22) {label:34s} {us:8.2f} µs")

    # 100,000 deadlines on a fresh calendar: starts spread over 2025–2028 (2027/2028 fallback), n 1..30.
    fresh = WorkdayCalendar()
    base = dt.date(2025, 1, 1).toordinal()
    starts = [dt.date.fromordinal(base + (i * 37) % 1460) for i in range(100_000)]
    start = time.perf_counter()
    results = [fresh.add_workdays(s, 1 + i % 30) for i, s in enumerate(starts)]
    elapsed = time.perf_counter() - start
    fallback = sum(r.basis == "fallback" for r in results)
    print(
        f"100,000 deadlines (fresh calendar): {elapsed * 1e3:8.1f} ms total, {elapsed * 10:6.2f} µs each, "
        f"{fallback} on fallback basis"
    )

    today = dt.date(2026, 10, 9)
    ladder = TICKET_LADDER.defaults().ladder()
    start = time.perf_counter()
    for i, r in enumerate(results):
        warning_level(today, r.date, fresh)
        next_escalation(ladder, r.date, "reminder" if i % 2 else None, fresh, reached_on=today)
    elapsed = time.perf_counter() - start
    print(f"100,000 x (warning_level+next_escalation): {elapsed * 1e3:.1f} ms, {elapsed * 10:.2f} µs each")
    print(f"bench total {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
