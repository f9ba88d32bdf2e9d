"""结对共建 pages: the list (filters, the lagging mark, scope), drafting an agreement from the console, the agreement
page (plan and progress per duty, the escalation history, the actions this user may take now), forms that show
every refusal and keep what was typed, a stale form refused, the menu, and the supervisors' 待办 linking here."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from flask import Flask

from service.extensions import db
from service.models import PartyOrg
from service.operations.engines import escalation
from tests.support.console import Console
from tests.support.database import fingerprint
from tests.support.pairing import URL, body, in_force, ok, org
from tests.support.world import Api, World

HANDLER = "handler@east_t1"
SUPERVISOR = "supervisor@east"


def text_of(res: Any) -> str:
    return str(res.get_data(as_text=True))


def actions_on(page: str) -> set[str]:
    return set(re.findall(r'class="action-form" data-action="([a-z_]+)"', page))


def bar(page: str, duty: str) -> int:
    row = re.search(rf'<tr data-duty="{duty}".*?</tr>', page, re.S)
    assert row is not None, duty
    value = re.search(r'<progress max="100" value="(\d+)"', row.group(0))
    assert value is not None
    return int(value.group(1))


def version_of(page: str) -> str:
    found = re.search(r'name="version" value="(\d+)"', page)
    assert found is not None
    return found.group(1)


def test_the_list_marks_lagging_agreements_and_filters(app: Flask, api: Api, world: World, console: Console) -> None:
    lagging = in_force(api, app, world)
    draft = ok(api.post(URL, as_=HANDLER, json=body(app, world, "east_t1", "east_t1", title="草拟中的协议")), 201)
    page = text_of(console.get("/pairing", as_=SUPERVISOR))
    row = re.search(rf'<tr data-id="{lagging["id"]}" class="lagging">.*?</tr>', page, re.S)
    assert row is not None and "滞后" in row.group(0) and "走访交流 0/2" in row.group(0)
    assert f'<tr data-id="{draft["id"]}" class="">' in page
    by_state = text_of(console.get("/pairing?state=draft", as_=SUPERVISOR))
    assert f'data-id="{draft["id"]}"' in by_state and f'data-id="{lagging["id"]}"' not in by_state
    assert f'data-id="{draft["id"]}"' not in text_of(console.get("/pairing?year=2025", as_=SUPERVISOR))
    by_body = text_of(console.get(f"/pairing?body={world.ids['east_t1']}", as_=SUPERVISOR))
    assert f'data-id="{lagging["id"]}"' in by_body
    # Another county sees none of them; a body outside the scope is not found.
    assert f'data-id="{lagging["id"]}"' not in text_of(console.get("/pairing", as_="supervisor@west_t1"))
    assert console.get(f"/pairing?body={world.ids['east_t1']}", as_="supervisor@west_t1").status_code == 404


def test_the_menu_lists_the_section_for_managers_and_readers_read_an_agreement(
    app: Flask, api: Api, world: World, console: Console
) -> None:
    a = in_force(api, app, world)
    for who in ("admin@east", SUPERVISOR, HANDLER):
        assert 'href="/pairing"' in text_of(console.get("/account", as_=who)), who
    for who in ("approver@east_t1", "instructor@east_t1", "portal@east_t1"):
        assert 'href="/pairing"' not in text_of(console.get("/account", as_=who)), who
        assert console.get("/pairing", as_=who).status_code == 403
        page = console.get(f"/pairing/{a['id']}", as_=who)
        assert page.status_code == 200 and 'id="no-actions"' in text_of(page), who


def test_drafting_keeps_what_was_typed_and_names_every_refusal(app: Flask, world: World, console: Console) -> None:
    one, two = org(app, world, "east_t1"), org(app, world, "east_t2")
    page = text_of(console.get("/pairing/new", as_=SUPERVISOR))
    assert f'<option value="{one}"' in page and f'<option value="{two}"' in page
    form = {
        "org_a_id": str(one),
        "org_b_id": str(two),
        "title": "东一镇与东二镇结对共建",
        "year": "2026",
        "duties_due_on": "2026-12-15",
        "planned_visits": "1",
        "planned_trainings": "1",
        "planned_activists": "2",
    }
    before = fingerprint(app)
    res = console.post("/pairing/new", as_=SUPERVISOR, data=form)
    page = text_of(res)
    assert res.status_code == 422 and fingerprint(app) == before
    assert 'data-field="planned_visits">年度计划走访交流不少于2次' in page
    assert 'value="东一镇与东二镇结对共建"' in page and f'<option value="{two}" selected' in page
    # Several schema messages at once, each at its input and named.
    res = console.post("/pairing/new", as_=SUPERVISOR, data={**form, "title": "", "duties_due_on": "12/15"})
    page = text_of(res)
    assert res.status_code == 422
    assert 'data-field="title">协议名称不能为空' in page
    assert 'data-field="duties_due_on">请填写完成期限，如 2026-12-31' in page
    # The same organisation twice: the rule's reason, at the second organisation.
    res = console.post("/pairing/new", as_=SUPERVISOR, data={**form, "org_b_id": str(one), "planned_visits": "2"})
    assert res.status_code == 422 and 'data-field="org_b_id">结对双方须为两个不同的党组织' in text_of(res)
    # Out of scope: another county's organisation is not found.
    west = org(app, world, "west_t1")
    before = fingerprint(app)
    res = console.post("/pairing/new", as_=SUPERVISOR, data={**form, "org_b_id": str(west), "planned_visits": "2"})
    assert res.status_code == 404 and fingerprint(app) == before
    res = console.post("/pairing/new", as_=SUPERVISOR, data={**form, "planned_visits": "2"})
    assert res.status_code == 302
    page = text_of(console.get(res.headers["Location"], as_=SUPERVISOR))
    assert 'data-state="draft"' in page and actions_on(page) == {"sign", "terminate"}


def test_the_whole_path_from_the_page_moves_the_bars(app: Flask, api: Api, world: World, console: Console) -> None:
    a = ok(api.post(URL, as_=HANDLER, json=body(app, world, "east_t1", "east_t1")), 201)
    path = f"/pairing/{a['id']}"
    page = text_of(console.get(path, as_=HANDLER))
    assert "尚未签订，标为草稿" in page
    res = console.post(f"{path}/sign", as_=HANDLER, data={"signed_on": "2026-09-20", "version": version_of(page)})
    assert res.status_code == 302
    page = text_of(console.get(path, as_=HANDLER))
    assert actions_on(page) == {"take_effect", "terminate"}
    console.post(f"{path}/take-effect", as_=HANDLER, data={"version": version_of(page)})
    page = text_of(console.get(path, as_=HANDLER))
    assert actions_on(page) == {"progress", "review", "terminate"} and bar(page, "visits") == 0
    res = console.post(f"{path}/progress", as_=HANDLER, data={"visits": "1", "version": version_of(page)})
    assert res.status_code == 302
    page = text_of(console.get(path, as_=HANDLER))
    assert bar(page, "visits") == 50 and bar(page, "trainings") == 0 and 'id="lagging"' in page
    data = {"visits": "1", "trainings": "1", "activists": "2", "version": version_of(page)}
    console.post(f"{path}/progress", as_=HANDLER, data=data)
    page = text_of(console.get(path, as_=HANDLER))
    assert [bar(page, d) for d in ("visits", "trainings", "activists")] == [100, 100, 100]
    assert 'id="lagging"' not in page and 'class="light green"' in page
    res = console.post(f"{path}/review", as_=HANDLER, data={"note": "全部完成", "version": version_of(page)})
    assert res.status_code == 302
    page = text_of(console.get(path, as_=HANDLER))
    assert 'data-state="year_reviewed"' in page and "已完成年度计划（全部完成）" in page and not actions_on(page)
    # The history names each step and each person by display name.
    history = re.search(r'<section class="card" id="history">.*?</section>', page, re.S)
    assert history is not None
    for label in ("草拟协议", "签订协议", "协议生效", "登记履行情况", "年度考评"):
        assert label in history.group(0)
    assert HANDLER in history.group(0)


def test_bad_progress_and_a_missing_reason_keep_what_was_typed(
    app: Flask, api: Api, world: World, console: Console
) -> None:
    a = in_force(api, app, world)
    path = f"/pairing/{a['id']}"
    version = version_of(text_of(console.get(path, as_=HANDLER)))
    before = fingerprint(app)
    res = console.post(f"{path}/progress", as_=HANDLER, data={"visits": "两次", "trainings": "1", "version": version})
    page = text_of(res)
    assert res.status_code == 422 and fingerprint(app) == before
    assert 'data-field="visits">本次走访交流次数' in page and 'name="visits" inputmode="numeric" value="两次"' in page
    assert 'name="trainings" inputmode="numeric" value="1"' in page
    res = console.post(f"{path}/progress", as_=HANDLER, data={"version": version})
    assert res.status_code == 422 and "请至少填写一项本次完成的数量" in text_of(res)
    res = console.post(f"{path}/terminate", as_=HANDLER, data={"reason": "  ", "version": version})
    page = text_of(res)
    assert res.status_code == 422 and 'data-field="reason">终止理由不能为空' in page
    assert fingerprint(app) == before


def test_a_stale_form_is_refused_and_changes_nothing(app: Flask, api: Api, world: World, console: Console) -> None:
    a = in_force(api, app, world)
    path = f"/pairing/{a['id']}"
    version = version_of(text_of(console.get(path, as_=HANDLER)))
    assert console.post(f"{path}/progress", as_=HANDLER, data={"visits": "1", "version": version}).status_code == 302
    before = fingerprint(app)
    # The same form sent again (a double click, or a colleague recorded meanwhile): not added twice.
    res = console.post(f"{path}/progress", as_=HANDLER, data={"visits": "1", "version": version})
    assert res.status_code == 409 and "协议已被他人更新" in text_of(res)
    assert fingerprint(app) == before
    # An action the state no longer allows: 409, the page in its state.
    res = console.post(f"{path}/sign", as_=HANDLER, data={"signed_on": "2026-09-20"})
    assert res.status_code == 409 and 'data-state="in_force"' in text_of(res)
    # A role outside `manage` is refused before anything is looked up.
    res = console.post(f"{path}/progress", as_="approver@east_t1", data={"visits": "1"})
    assert res.status_code == 403 and fingerprint(app) == before


def test_the_escalation_history_and_the_light(app: Flask, api: Api, world: World, console: Console) -> None:
    a = in_force(api, app, world)  # due 2026-09-30, behind its plan
    path = f"/pairing/{a['id']}"
    page = text_of(console.get(path, as_=SUPERVISOR))
    assert "尚未升级" in page and re.search(r'<h1>.*class="light (yellow|red)"', page)
    with app.app_context():
        assert escalation.escalate("pairing_agreement", a["id"], date(2026, 10, 8)) == "reminder"
        db.session.remove()
    page = text_of(console.get(path, as_=SUPERVISOR))
    ladder = re.search(r'<section class="card" id="ladder">.*?</section>', page, re.S)
    assert ladder is not None and 'data-level="reminder"' in ladder.group(0) and "催办" in ladder.group(0)
    assert "2026-10-08" in ladder.group(0)
    assert re.search(r'id="escalation-level">催办<', page)
    history = re.search(r'<section class="card" id="history">.*?</section>', page, re.S)
    assert history is not None and "督办升级：催办" in history.group(0) and "escalation" not in history.group(0)


def test_the_supervisors_desk_links_lagging_agreements_here(
    app: Flask, api: Api, world: World, console: Console
) -> None:
    a = in_force(api, app, world)
    page = text_of(console.get("/oversight", as_=SUPERVISOR))
    row = re.search(rf'<tr data-agreement="{a["id"]}">.*?</tr>', page, re.S)
    assert row is not None and f'href="/pairing/{a["id"]}"' in row.group(0)


ENGLISH = re.compile(r"[A-Za-z]{4,}")


def _visible_words(html: str) -> list[str]:
    """English words in a page's main text (tags, scripts and the history's test usernames left out)."""
    main = html.split("<main", 1)[1].split(">", 1)[1].split("</main>", 1)[0]
    main = re.sub(r'<section class="card" id="history">.*?</section>', "", main, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", main)
    return [w for w in ENGLISH.findall(text) if w != "Excel"]  # 导出Excel, as the other lists say


def test_the_pages_speak_chinese(app: Flask, api: Api, world: World, console: Console) -> None:
    with app.app_context():
        ids = []
        for name in ("青山党支部甲", "青山党支部乙"):
            row = PartyOrg(name=name, kind="branch", jurisdiction_id=world.ids["east_t1"], status="active")
            db.session.add(row)
            db.session.flush()
            ids.append(row.id)
        db.session.commit()
        db.session.remove()
    plan = {"year": 2026, "duties_due_on": "2026-09-30", "planned_visits": 2, "planned_trainings": 1}
    data = {"org_a_id": ids[0], "org_b_id": ids[1], "title": "青山结对共建", "planned_activists": 2, **plan}
    a = ok(api.post(URL, as_=HANDLER, json=data), 201)
    with app.app_context():
        escalation.escalate("pairing_agreement", a["id"], date(2026, 10, 8))  # not in force: nothing happens
        db.session.remove()
    pages = [
        console.get("/pairing", as_=HANDLER),
        console.get(f"/pairing/{a['id']}", as_=HANDLER),
        console.post("/pairing/new", as_=HANDLER, data={"title": "", "duties_due_on": "x", "planned_visits": "x"}),
        console.post(f"/pairing/{a['id']}/sign", as_=HANDLER, data={"signed_on": "昨天"}),
    ]
    for res in pages:
        assert res.status_code in (200, 422)
        assert _visible_words(text_of(res)) == [], res.request.path


def test_the_list_and_the_page_run_a_fixed_number_of_statements(
    app: Flask, api: Api, world: World, console: Console
) -> None:
    from tests.support.database import statements

    def count(path: str) -> int:
        console.get(path, as_=SUPERVISOR)  # warm: the session's first request loads the signed-in user
        with statements(app) as seen:
            assert console.get(path, as_=SUPERVISOR).status_code == 200
        return len(seen)

    a = in_force(api, app, world)
    one = count("/pairing")
    page = count(f"/pairing/{a['id']}")
    for _ in range(4):
        b = in_force(api, app, world)
        ok(api.post(f"{URL}/{b['id']}/progress", as_=HANDLER, json={"visits": 1}))
    assert count("/pairing") == one  # five agreements, each with its light and organisations: no query per row
    assert count(f"/pairing/{b['id']}") == page
