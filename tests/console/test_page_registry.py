"""The console's pages plug in like the API's blueprints: every module of service/console/pages is found (not
listed), its routes are registered, and the navigation is built from the sections the modules declare
(`NavEntry`), shown to exactly the roles the section's page admits."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import FunctionType, ModuleType

import pytest
from flask import Flask, url_for

import service.console
import service.console.pages
from service.console import nav, page_modules
from service.console.nav import Badge, NavEntry
from tests.support.console import Console
from tests.support.world import ROLES, World

PAGES_DIR = Path(service.console.pages.__file__).parent
NAV_LINK = re.compile(r'data-nav="([^"]+)"')
# Today's menu, in order (the whole of it: an admin and a supervisor between them see other sections).
MENU = [
    ("待办", "console.inbox"),
    ("联系单位", "console.my_units"),
    ("待办", "console.oversight"),
    ("已办", "console.done"),
    ("全部事项", "console.search"),
    ("组织调整", "console.adjustments"),
    ("申请", "console.applications"),
    ("督办", "console.board"),
    ("结对共建", "console.pairing_list"),
    ("覆盖", "console.coverage"),
    ("指导员", "console.instructors"),
    ("五个同步", "console.synchronisation_inactive"),
    ("通知", "console.notifications"),
    ("待阅", "console.copies"),
    ("管理", "console.admin"),
]
# Each role's menu (what nav.py listed before the modules declared their sections, 待阅 for everyone, and 组织调整
# for every role but portals).
MENUS = {
    "admin": [
        "oversight",
        "done",
        "search",
        "adjustments",
        "applications",
        "board",
        "pairing_list",
        "coverage",
        "instructors",
        "synchronisation_inactive",
        "notifications",
        "copies",
        "admin",
    ],
    "supervisor": [
        "oversight",
        "done",
        "search",
        "adjustments",
        "board",
        "pairing_list",
        "coverage",
        "instructors",
        "synchronisation_inactive",
        "notifications",
        "copies",
    ],
    "approver": [
        "inbox",
        "done",
        "search",
        "adjustments",
        "applications",
        "board",
        "coverage",
        "instructors",
        "synchronisation_inactive",
        "notifications",
        "copies",
    ],
    "handler": [
        "inbox",
        "done",
        "search",
        "adjustments",
        "applications",
        "board",
        "pairing_list",
        "coverage",
        "instructors",
        "synchronisation_inactive",
        "notifications",
        "copies",
    ],
    "portal": ["done", "applications", "notifications", "copies"],
    # An instructor lands on 我的联系单位.
    "instructor": [
        "my_units",
        "done",
        "search",
        "adjustments",
        "board",
        "coverage",
        "synchronisation_inactive",
        "notifications",
        "copies",
    ],
}


def menu_of(console: Console, who: str, path: str = "/account") -> list[str]:
    """The endpoints of the navigation as `who` sees it (on a page every signed-in user may open)."""
    page = console.get(path, as_=who)
    assert page.status_code == 200
    nav_html = page.get_data(as_text=True).split('<nav class="nav"', 1)[1].split("</nav>", 1)[0]
    return NAV_LINK.findall(nav_html)


def test_every_module_in_pages_is_a_page_module(app: Flask) -> None:
    """Each file in service/console/pages is found and imported, without being named anywhere."""
    on_disk = {f"service.console.pages.{p.stem}" for p in PAGES_DIR.glob("*.py") if p.stem != "__init__"}
    found = [m.__name__ for m in page_modules()]
    assert on_disk <= set(found) and found == sorted(found)


def test_every_page_modules_endpoints_are_registered(app: Flask) -> None:
    """Every console endpoint is served by a found page module, and every page module serves some: its @page
    views (and any it adds itself, e.g. the ticket actions) are the app's."""
    modules = {m.__name__ for m in page_modules()}
    served: dict[str, set[str]] = {name: set() for name in modules}
    for endpoint, view in app.view_functions.items():
        if endpoint.startswith("console."):
            assert view.__module__ in modules, endpoint
            served[view.__module__].add(endpoint)
    assert all(served.values()), [name for name, endpoints in served.items() if not endpoints]
    registered = set(app.view_functions.values())
    for module in page_modules():
        pages = [v for v in vars(module).values() if isinstance(v, FunctionType) and hasattr(v, "console_roles")]
        assert all(v in registered for v in pages if v.__module__ == module.__name__), module.__name__


def test_each_section_is_declared_by_the_module_serving_it(app: Flask) -> None:
    declared = {
        value.endpoint: module.__name__
        for module in page_modules()
        for value in vars(module).values()
        if isinstance(value, NavEntry)
    }
    assert [(e.label, e.endpoint) for e in nav.entries()] == MENU
    for entry in nav.entries():
        assert app.view_functions[entry.endpoint].__module__ == declared[entry.endpoint]


def test_two_sections_for_one_endpoint_are_refused() -> None:
    twice = ModuleType("twice")
    vars(twice).update(A=NavEntry("甲", "console.done", 1), B=NavEntry("乙", "console.done", 2))
    with pytest.raises(ValueError, match="two navigation entries"):
        nav._declared((twice,))


@pytest.fixture
def probe_module(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[str]:
    """A page module that exists only for the test: a file in a directory added to service.console.pages'
    search path, declaring a 流程图 section (an existing page: the blueprint takes no new routes once
    registered) with a counter. Removed afterwards: path, module, discovery cache."""
    name = "zz_registry_probe"
    (tmp_path / f"{name}.py").write_text(
        "from service.console.nav import Badge, NavEntry\n\n"
        'NAV = NavEntry("流程图", "console.workflows", 85, badge=Badge("probe", lambda actor: 7))\n'
    )
    monkeypatch.setattr(service.console.pages, "__path__", [*service.console.pages.__path__, str(tmp_path)])
    page_modules.cache_clear()
    try:
        yield f"service.console.pages.{name}"
    finally:
        monkeypatch.undo()
        sys.modules.pop(f"service.console.pages.{name}", None)
        sys.path_importer_cache.pop(str(tmp_path), None)
        if hasattr(service.console.pages, name):
            delattr(service.console.pages, name)
        page_modules.cache_clear()


def test_a_new_page_module_adds_its_section(console: Console, world: World, probe_module: str) -> None:
    """A module dropped into pages/ is found and its section shows, in its order, with its counter: nothing in
    service/console/__init__.py or nav.py names it."""
    assert probe_module in [m.__name__ for m in page_modules()]
    page = console.get("/account", as_="approver@east_t1").get_data(as_text=True)
    assert menu_of(console, "approver@east_t1") == [
        "console.inbox",
        "console.done",
        "console.search",
        "console.adjustments",
        "console.applications",
        "console.board",
        "console.coverage",
        "console.instructors",
        "console.synchronisation_inactive",
        "console.notifications",
        "console.copies",
        "console.workflows",
    ]
    assert 'data-nav="console.workflows">流程图<span class="badge" id="probe-count">7</span></a>' in page
    # An admin sees it too (the page admits every role), before 管理 (90).
    assert menu_of(console, "admin@east")[-2:] == ["console.workflows", "console.admin"]


def test_the_menu_follows_the_discovery(console: Console, world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """The menu is read from what discovery returns, at each request; gone with the module, it leaves nothing."""
    before = menu_of(console, "handler@east_t1")
    fake = ModuleType("service.console.pages.fake")
    vars(fake)["NAV"] = NavEntry("流程图", "console.workflows", 5, badge=Badge("fake", lambda actor: 0))
    found = page_modules()
    monkeypatch.setattr(service.console, "page_modules", lambda: (*found, fake))
    assert menu_of(console, "handler@east_t1") == ["console.workflows", *before]
    assert 'id="fake-count"' not in console.get("/account", as_="handler@east_t1").get_data(as_text=True)  # 0: no badge
    monkeypatch.undo()
    assert menu_of(console, "handler@east_t1") == before
    assert "console.workflows" not in [e.endpoint for e in nav.entries()]


@pytest.mark.parametrize("role", ROLES)
def test_a_role_sees_exactly_the_sections_it_may_open(console: Console, world: World, role: str) -> None:
    """A section shown opens (200); a section not shown answers the 403 page: the menu and the page's own gate
    agree, for every role. The menu keeps the declared order."""
    who = f"{role}@east"
    shown = menu_of(console, who)
    assert shown == [f"console.{section}" for section in MENUS[role]]
    assert [(e.label, e.endpoint) for e in nav.entries()] == MENU  # (and no test's section left behind)
    with console.app.test_request_context():
        paths = {e.endpoint: url_for(e.endpoint) for e in nav.entries()}
    assert console.get("/", as_=who).headers["Location"] == paths[shown[0]]  # signing in lands on the first
    for endpoint, path in paths.items():
        status = console.get(path, as_=who).status_code
        assert status == (200 if endpoint in shown else 403), (who, endpoint, status)


def test_the_board_shows_the_menus_counters_as_every_page_does(
    console: Console, world: World, probe_module: str
) -> None:
    """The board's own per-body figures once hid the menu's counters (both were `counts` in its template)."""
    for path in ("/account", "/board"):
        page = console.get(path, as_="approver@east_t1").get_data(as_text=True)
        assert '<span class="badge" id="probe-count">7</span>' in page, path
    assert 'id="board-counts"' in console.get("/board", as_="approver@east_t1").get_data(as_text=True)
