"""待阅 and 抄送 in the console (HTTP level, the `console` fixture): the form on the case and ticket pages (who
sees it, whom it offers, a refusal keeping what was typed), the 待阅 list with its badge, opening a copy (marked
read, on to the subject's live page), and the list's statement count whatever its rows."""

from __future__ import annotations

import re

from flask import Flask

from tests.support.console import Console
from tests.support.database import statements
from tests.support.establishment import submitted_branch
from tests.support.supervision import draft, issued
from tests.support.world import Api


def _form(html: str) -> str:
    found = re.search(r'<section class="card copy" id="copy">.*?</section>', html, re.S)
    return found.group(0) if found else ""


def test_the_case_page_offers_the_form_to_those_who_may_copy(api: Api, console: Console) -> None:
    case = submitted_branch(api)
    html = console.get(f"/cases/{case['id']}", as_="approver@east_t1").get_data(as_text=True)
    form = _form(html)
    assert f'action="/cases/{case["id"]}/copies"' in form
    assert "supervisor@east（东县）" in form and "handler@east_t1（东一镇）" in form
    assert "approver@east_t1（" not in form  # not oneself
    assert "portal@" not in form  # portals are not offered
    assert "west_t1" not in form  # nor people of another county
    for who in ("portal@east", "instructor@east_t1"):
        res = console.get(f"/cases/{case['id']}", as_=who)
        assert res.status_code == 200 and _form(res.get_data(as_text=True)) == ""


def test_copying_from_the_case_page_reaches_the_recipients_list(api: Api, console: Console) -> None:
    case = submitted_branch(api)
    sup, han = api.world.users["supervisor@east"], api.world.users["handler@east_t1"]
    res = console.post(
        f"/cases/{case['id']}/copies", as_="approver@east_t1", data={"user_ids": [str(sup), str(han)], "note": "请阅"}
    )
    assert res.status_code == 302 and res.headers["Location"] == f"/cases/{case['id']}"
    assert "已抄送2人" in console.get(res.headers["Location"], as_="approver@east_t1").get_data(as_text=True)
    # Again while unread: nothing new, and the page says so.
    res = console.post(f"/cases/{case['id']}/copies", as_="approver@east_t1", data={"user_ids": [str(sup)]})
    assert res.status_code == 302
    assert "未重复抄送" in console.get(res.headers["Location"], as_="approver@east_t1").get_data(as_text=True)
    page = console.get("/copies", as_="supervisor@east").get_data(as_text=True)
    assert '<span class="badge" id="copies-count">1</span>' in page
    assert case["proposed_name"] in page and "审批中" in page and "approver@east_t1" in page and "请阅" in page
    ident = re.search(r'href="/copies/(\d+)/open"', page)
    assert ident is not None
    res = console.get(f"/copies/{ident.group(1)}/open", as_="supervisor@east")
    assert res.status_code == 302 and res.headers["Location"] == f"/cases/{case['id']}"
    page = console.get("/copies?unread=1", as_="supervisor@east").get_data(as_text=True)
    assert 'id="copies-count"' not in page and "暂无待阅事项" in page
    # Someone else's copy is not found.
    assert console.get(f"/copies/{ident.group(1)}/open", as_="supervisor@east_t1").status_code == 404


def test_a_refusal_shows_the_message_keeping_what_was_typed(api: Api, console: Console) -> None:
    case = submitted_branch(api)
    sup, portal = api.world.users["supervisor@east"], api.world.users["portal@east_t1"]
    res = console.post(
        f"/cases/{case['id']}/copies",
        as_="approver@east_t1",
        data={"user_ids": [str(sup), str(portal)], "note": "请各位知悉"},
    )
    assert res.status_code == 422
    form = _form(res.get_data(as_text=True))
    assert "「portal@east_t1」无权查看该事项，不能抄送" in form
    assert "请各位知悉</textarea>" in form
    assert re.search(rf'<option value="{sup}" selected>', form)
    res = console.post(f"/cases/{case['id']}/copies", as_="approver@east_t1", data={"note": "x"})
    assert res.status_code == 422 and 'data-field="user_ids"' in _form(res.get_data(as_text=True))
    assert console.get("/copies", as_="supervisor@east").get_data(as_text=True).count("/open") == 0


def test_the_ticket_page_form(api: Api, console: Console) -> None:
    ticket = issued(api)
    form = _form(console.get(f"/board/tickets/{ticket['id']}", as_="handler@east_t1").get_data(as_text=True))
    assert f'action="/board/tickets/{ticket["id"]}/copies"' in form and "supervisor@east（东县）" in form
    assert _form(console.get(f"/board/tickets/{ticket['id']}", as_="approver@east_t1").get_data(as_text=True)) == ""
    sup = api.world.users["supervisor@east_t1"]
    res = console.post(f"/board/tickets/{ticket['id']}/copies", as_="handler@east_t1", data={"user_ids": [str(sup)]})
    assert res.status_code == 302
    page = console.get("/copies", as_="supervisor@east_t1").get_data(as_text=True)
    assert "督办单" in page and ticket["title"] in page
    # A draft's handling body may be offered, but the copy says it cannot see the draft yet.
    d = draft(api)
    han = api.world.users["handler@east_t1"]
    res = console.post(f"/board/tickets/{d['id']}/copies", as_="supervisor@east", data={"user_ids": [str(han)]})
    assert res.status_code == 422 and "无权查看该事项" in res.get_data(as_text=True)


def test_the_list_page_costs_the_same_whatever_its_rows(app: Flask, api: Api, console: Console) -> None:
    sup = api.world.users["supervisor@east"]

    def copy_some(n: int) -> None:
        for _ in range(n):
            case = submitted_branch(api)
            assert (
                api.post(
                    f"/api/v1/establishment-cases/{case['id']}/copies", as_="handler@east_t1", json={"user_ids": [sup]}
                ).status_code
                == 201
            )
            ticket = issued(api)
            assert (
                api.post(
                    f"/api/v1/supervision-tickets/{ticket['id']}/copies",
                    as_="handler@east_t1",
                    json={"user_ids": [sup]},
                ).status_code
                == 201
            )

    def count() -> int:
        console.get("/copies", as_="supervisor@east")  # warm
        with statements(app) as seen:
            assert console.get("/copies", as_="supervisor@east").status_code == 200
        return len(seen)

    copy_some(1)
    few = count()
    copy_some(5)
    assert count() == few
