"""The approval actions on the case diagram in a real browser (Chromium through Playwright): the badge on the
state's box with their count and its tooltip, the list under the diagram readable (who · what · when). The
screenshot goes to artifacts/screenshots/ (gitignored); it is in docs/screenshots/ (case-diagram-marks.png)."""

from __future__ import annotations

from typing import Any

import pytest

from service.clock import FixedClock
from tests.engines.kit.test_diagram_marks_service import A, acted_on
from tests.support.browser import ARTIFACTS, MARKS, Person
from tests.support.console import Console
from tests.support.world import Api, World

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extras)")
pytestmark = MARKS


def test_the_case_diagram_shows_who_did_what_when(
    api: Api, colleagues: World, console: Console, live_server: str, browser: Any, clock: FixedClock
) -> None:
    cid, expected = acted_on(api, clock)
    console.give_password(A)
    me = Person(browser, live_server, A.replace("@", "."))
    me.sign_in()
    me.page.goto(f"{live_server}/cases/{cid}")
    section = me.page.locator("#case-diagram")
    badge = section.locator("g.dg-marks[data-state=submitted]")
    assert badge.locator("text").text_content() == "6" and badge.is_visible()
    tip = badge.locator("title").text_content() or ""
    assert tip.startswith("审批中：6项办理动作") and f"{A} · 转办 → approver4@east_t1" in tip
    rows = section.locator("g.dg-mark")
    assert rows.count() == 6
    for i, (label, who, _whom, when) in enumerate(expected):
        when_shown, what = rows.nth(i).locator("text").all_text_contents()
        assert when_shown == when and what.startswith(f"{who} · {label}"), what
        box = rows.nth(i).bounding_box()
        assert box is not None and box["height"] > 8  # drawn, not collapsed
    section.scroll_into_view_if_needed()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    section.locator("svg.dg-diagram").screenshot(path=str(ARTIFACTS / "case-diagram-marks.png"))
    me.context.close()
