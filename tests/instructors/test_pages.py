"""The instructors' console pages: their statements stay fixed whatever the rows, the forms show every refusal
and keep what was typed, and no English word shows in their text."""

from __future__ import annotations

import re

from flask import Flask

from tests.support.console import Console
from tests.support.database import statements
from tests.support.instructors import assigned, uncovered_unit
from tests.support.world import World

ENGLISH = re.compile(r"[A-Za-z]{4,}")


def _text(html: str) -> str:
    main = html.split("<main", 1)[-1].split(">", 1)[-1].split("</main>", 1)[0]
    return re.sub(r"<[^>]+>", " ", main)


def _count(app: Flask, console: Console, path: str, who: str) -> int:
    console.get(path, as_=who)  # warm: sign-in, caches
    with statements(app) as seen:
        r = console.get(path, as_=who)
    assert r.status_code == 200, r.get_data(as_text=True)[:500]
    return len(seen)


def test_the_pages_cost_the_same_whatever_the_rows(app: Flask, console: Console, world: World) -> None:
    me = world.users["instructor@east_t1"]
    assigned(app, world, "east_t1", me)
    uncovered_unit(app, world, "east_t1")
    few = {
        p: _count(app, console, p, w)
        for p, w in (("/my-units", "instructor@east_t1"), ("/instructors", "handler@east_t1"))
    }
    for _ in range(3):
        assigned(app, world, "east_t1", me)
        uncovered_unit(app, world, "east_t1")
    many = {
        p: _count(app, console, p, w)
        for p, w in (("/my-units", "instructor@east_t1"), ("/instructors", "handler@east_t1"))
    }
    assert many == few


def test_a_refused_visit_keeps_what_was_typed(app: Flask, console: Console, world: World) -> None:
    row = assigned(app, world, "east_t1", world.users["instructor@east_t1"])
    r = console.post(
        f"/my-units/{row}/visit",
        as_="instructor@east_t1",
        data={"visited_on": "2026-09-28", "kind": "visit", "done": "走访", "next_step": "再次走访"},
    )
    html = r.get_data(as_text=True)
    assert r.status_code == 422
    assert "走访日期不能晚于今天" in html and "再次走访" in html and 'value="2026-09-28"' in html
    r = console.post(f"/my-units/{row}/visit", as_="instructor@east_t1", data={"visited_on": "2026-09-25"})
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and 'data-field="kind"' in html and 'data-field="done"' in html


def test_a_refused_profile_keeps_what_was_typed(app: Flask, console: Console, world: World) -> None:
    me = world.users["instructor@east_t1"]
    r = console.post(
        f"/instructors/{me}/profile",
        as_="handler@east_t1",
        data={"employment": "full_time", "home_unit": "东一镇党委", "phone": "12"},
    )
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and "联系电话格式不正确" in html and 'value="东一镇党委"' in html


def test_no_english_on_the_pages(app: Flask, console: Console, world: World) -> None:
    me = world.users["instructor@east_t1"]
    row = assigned(app, world, "east_t1", me)
    uncovered_unit(app, world, "east_t1")
    pages = [
        ("/instructors", "handler@east_t1"),
        (f"/instructors/{me}", "supervisor@east"),
        ("/my-units", "instructor@east_t1"),
        (f"/my-units/{row}/visit", "instructor@east_t1"),
    ]
    for path, who in pages:
        text = _text(console.get(path, as_=who).get_data(as_text=True))
        # Usernames are the test city's display names ("instructor@east_t1"): not page text.
        words = [w for w in ENGLISH.findall(text.replace("instructor@east_t1", "")) if w not in {"east"}]
        assert not words, (path, words)
