"""管理 pages: users (create, role, jurisdiction, deactivate, tokens), jurisdictions, the calendar of a new year,
approval routes — through the API's service functions, in the admin's scope only."""

from __future__ import annotations

import re
from typing import Any

from flask import Flask

from service.extensions import db
from service.models import ApiToken, ApprovalRoute, CalendarOverride, Jurisdiction, User
from tests.support.console import Console
from tests.support.world import Api

ADMIN = "admin@east"


def text_of(res: Any) -> str:
    return str(res.get_data(as_text=True))


def test_create_user_then_change_role_and_deactivate(console: Console, api: Api, app: Flask) -> None:
    res = console.post(
        "/admin/users",
        as_=ADMIN,
        data={
            "username": "li.si",
            "display_name": "李四",
            "role": "approver",
            "jurisdiction_id": api.world.ids["east_t1"],
        },
    )
    assert res.status_code == 302, text_of(res)[:2000]
    user_id = int(res.headers["Location"].rsplit("/", 1)[1])
    # Said by the new user's name (the username is what they sign in with).
    created = text_of(console.get(res.headers["Location"], as_=ADMIN))
    assert "已创建用户「李四」（用户名 li.si）" in created
    assert f'<a href="/admin/users/{user_id}/password" id="password-link">设置密码</a>' in created
    # Bad input: the field's Chinese message, nothing created.
    bad = console.post(
        "/admin/users",
        as_=ADMIN,
        data={"username": "!", "display_name": "", "role": "approver", "jurisdiction_id": "1"},
    )
    assert bad.status_code == 422 and 'data-field="username"' in text_of(bad)
    duplicate = console.post(
        "/admin/users",
        as_=ADMIN,
        data={
            "username": "li.si",
            "display_name": "李四",
            "role": "approver",
            "jurisdiction_id": api.world.ids["east"],
        },
    )
    assert duplicate.status_code == 422 and "用户名已存在" in text_of(duplicate)
    # Outside my county: 404 (not created).
    outside = console.post(
        "/admin/users",
        as_=ADMIN,
        data={"username": "wang", "display_name": "王", "role": "handler", "jurisdiction_id": api.world.ids["west"]},
    )
    assert outside.status_code == 404
    res = console.post(
        f"/admin/users/{user_id}",
        as_=ADMIN,
        data={"display_name": "李四", "role": "supervisor", "jurisdiction_id": api.world.ids["east"]},
    )
    assert res.status_code == 302
    with app.app_context():
        user = db.session.get(User, user_id)
        assert user is not None and user.role == "supervisor" and user.active is False  # box unchecked
        assert user.jurisdiction_id == api.world.ids["east"]
        assert db.session.query(User).filter_by(username="wang").count() == 0


def test_issue_and_revoke_a_token(console: Console, api: Api, app: Flask) -> None:
    target = api.world.users["portal@east_t1"]
    res = console.post(f"/admin/users/{target}/tokens", as_=ADMIN, data={"name": "门户"})
    assert res.status_code == 201 and res.headers["Cache-Control"] == "no-store"
    token = re.search(r'id="new-token">[^<]*<code>(dj_[^<]+)</code>', text_of(res))
    assert token is not None
    assert (
        api.get("/api/v1/users/me", headers={"Authorization": f"Bearer {token.group(1)}"}, as_=None).status_code == 200
    )
    with app.app_context():
        row = db.session.query(ApiToken).filter_by(user_id=target, name="门户").one()
        token_id = row.id
    # The token's text appears once only.
    assert token.group(1) not in text_of(console.get(f"/admin/users/{target}", as_=ADMIN))
    assert console.post(f"/admin/users/{target}/tokens/{token_id}/revoke", as_=ADMIN).status_code == 302
    assert (
        api.get("/api/v1/users/me", headers={"Authorization": f"Bearer {token.group(1)}"}, as_=None).status_code == 401
    )
    # Someone else's user outside my scope: 404, nothing revoked.
    west = api.world.users["portal@west_t1"]
    assert console.get(f"/admin/users/{west}", as_=ADMIN).status_code == 404
    assert console.post(f"/admin/users/{west}/tokens", as_=ADMIN, data={"name": "x"}).status_code == 404


def test_jurisdictions_create_and_rename(console: Console, api: Api, app: Flask) -> None:
    res = console.post(
        "/admin/jurisdictions",
        as_=ADMIN,
        data={"name": "东三镇", "code": "east_t3", "kind": "township", "parent_id": api.world.ids["east"]},
    )
    assert res.status_code == 302, text_of(res)[:2000]
    page = text_of(console.get("/admin/jurisdictions", as_=ADMIN))
    assert "东三镇" in page and "西一镇" not in page  # my subtree only
    with app.app_context():
        new_id = db.session.query(Jurisdiction.id).filter_by(code="east_t3").scalar()
    res = console.post(f"/admin/jurisdictions/{new_id}", as_=ADMIN, data={"name": "东三街道", "active": "1"})
    assert res.status_code == 302
    bad = console.post(
        "/admin/jurisdictions",
        as_=ADMIN,
        data={"name": "重复", "code": "east_t3", "kind": "township", "parent_id": api.world.ids["east"]},
    )
    assert bad.status_code == 422 and "管辖单位代码已存在" in text_of(bad)
    assert (
        console.post(f"/admin/jurisdictions/{api.world.ids['west']}", as_=ADMIN, data={"name": "x"}).status_code == 404
    )


def test_calendar_of_a_new_year(console: Console, app: Flask) -> None:
    days = "2027-10-01 休 国庆节\n2027-10-09 班 国庆节调休\n"
    # Only the top-level admin loads the calendar; a county admin sees it.
    page = text_of(console.get("/admin/calendar?year=2027", as_=ADMIN))
    assert 'id="load-calendar"' not in page
    assert (
        console.post("/admin/calendar?year=2027", as_=ADMIN, data={"notice": "国办发明电", "days": days}).status_code
        == 403
    )
    bad = console.post(
        "/admin/calendar?year=2027", as_="admin@city", data={"notice": "国办发明电", "days": "2027-10-01 放"}
    )
    assert bad.status_code == 422 and 'data-field="days"' in text_of(bad)
    res = console.post(
        "/admin/calendar?year=2027", as_="admin@city", data={"notice": "国办发明电〔2026〕1号", "days": days}
    )
    assert res.status_code == 302, text_of(res)[:2000]
    with app.app_context():
        assert db.session.query(CalendarOverride).filter_by(year=2027).count() == 2
    page = text_of(console.get("/admin/calendar?year=2027", as_="admin@city"))
    assert "2027-10-09" in page and "国办发明电〔2026〕1号" in page


def test_approval_routes(console: Console, api: Api, app: Flask) -> None:
    res = console.post(
        "/admin/routes",
        as_=ADMIN,
        data={
            "body_id": api.world.ids["east_t1"],
            "workflow": "establishment",
            "level_name": "superior_approval",
            "mode": "any_one",
        },
    )
    assert res.status_code == 302, text_of(res)[:2000]
    page = text_of(console.get("/admin/routes", as_=ADMIN))
    assert "或签" in page and "东一镇" in page
    bad = console.post(
        "/admin/routes",
        as_=ADMIN,
        data={
            "body_id": api.world.ids["east_t1"],
            "workflow": "establishment",
            "level_name": "superior_approval",
            "mode": "any_one",
            "approver_id": ["999999"],
        },
    )
    assert bad.status_code == 422 and "审批人须为该审批机构的在岗审批人" in text_of(bad)
    outside = console.post(
        "/admin/routes",
        as_=ADMIN,
        data={
            "body_id": api.world.ids["west_t1"],
            "workflow": "establishment",
            "level_name": "superior_approval",
            "mode": "any_one",
        },
    )
    assert outside.status_code == 404
    with app.app_context():
        assert db.session.query(ApprovalRoute).count() == 1


def test_create_user_form_preselects_no_role_and_my_own_body(console: Console, api: Api, app: Flask) -> None:
    page = text_of(console.get("/admin/users", as_=ADMIN))
    form = re.search(r'<form method="post" id="new-user-form".*?</form>', page, re.S)
    assert form is not None
    role = re.search(r'<select name="role">.*?</select>', form.group(0), re.S)
    assert role is not None and re.findall(r"<option [^>]*selected[^>]*>([^<]*)<", role.group(0)) == ["请选择角色"]
    body = re.search(r'<select name="jurisdiction_id">.*?</select>', form.group(0), re.S)
    assert body is not None
    selected = re.findall(r'<option value="(\d+)" selected', body.group(0))
    assert selected == [str(api.world.ids["east"])]
    res = console.post(
        "/admin/users",
        as_=ADMIN,
        data={"username": "zhao.liu", "display_name": "赵六", "role": "", "jurisdiction_id": api.world.ids["east"]},
    )
    assert res.status_code == 422
    text = text_of(res)
    assert '<p class="field-error" data-field="role">请选择角色</p>' in text
    assert 'value="zhao.liu"' in text and 'value="赵六"' in text
    with app.app_context():
        assert db.session.query(User).filter_by(username="zhao.liu").count() == 0


def test_approval_route_approvers_are_chosen_and_shown_by_name(console: Console, api: Api) -> None:
    page = text_of(console.get("/admin/routes", as_=ADMIN))
    assert 'name="approver_ids"' not in page
    approver = api.world.users["approver@east_t1"]
    assert f'<option value="{approver}" >approver@east_t1（东一镇）</option>' in page
    assert "approver@west_t1" not in page  # out of my scope
    res = console.post(
        "/admin/routes",
        as_=ADMIN,
        data={
            "body_id": api.world.ids["east_t1"],
            "workflow": "establishment",
            "level_name": "superior_approval",
            "mode": "sequential",
            "approver_id": [str(approver), "", ""],
        },
    )
    assert res.status_code == 302, text_of(res)[:2000]
    page = text_of(console.get("/admin/routes", as_=ADMIN))
    assert '<td data-label="指定审批人">approver@east_t1</td>' in page


def test_a_refused_user_edit_keeps_what_was_typed(console: Console, api: Api) -> None:
    target = api.world.users["handler@east_t1"]
    res = console.post(
        f"/admin/users/{target}",
        as_=ADMIN,
        data={"display_name": "长" * 101, "role": "supervisor", "jurisdiction_id": api.world.ids["east_t2"]},
    )
    assert res.status_code == 422
    form = re.search(r'<form [^>]*id="user-form".*?</form>', text_of(res), re.S)
    assert form is not None and "novalidate" in form.group(0)
    assert f'name="display_name" value="{"长" * 101}"' in form.group(0) and 'data-field="display_name"' in form.group(0)
    assert '<option value="supervisor" selected>' in form.group(0)
    assert f'<option value="{api.world.ids["east_t2"]}" selected>' in form.group(0)
    assert 'name="active" value="1" >' in form.group(0)  # the box was left unticked


def test_admin_forms_leave_validation_to_the_server(console: Console) -> None:
    for path, form_id in (
        ("/admin/users", "new-user-form"),
        ("/admin/jurisdictions", "new-jurisdiction-form"),
        ("/admin/routes", "route-form"),
        ("/admin/calendar?year=2027", "calendar-form"),
    ):
        page = text_of(console.get(path, as_="admin@city"))
        assert re.search(rf'<form [^>]*id="{form_id}" novalidate>', page), path


def test_calendar_days_may_be_picked_with_date_inputs(console: Console, app: Flask) -> None:
    page = text_of(console.get("/admin/calendar?year=2027", as_="admin@city"))
    assert page.count('type="date" name="day_date"') == 5
    res = console.post(
        "/admin/calendar?year=2027",
        as_="admin@city",
        data={
            "notice": "国办发明电〔2026〕1号",
            "days": "2027-10-01 休 国庆节",
            "day_date": ["2027-10-09", "", "2027-13-01"],
            "day_kind": ["班", "休", "休"],
            "day_name": ["国庆节调休", "", ""],
        },
    )
    assert res.status_code == 422  # the third picked day is no date: the rows come back as typed
    text = text_of(res)
    assert 'name="day_date" value="2027-10-09"' in text and 'value="国庆节调休"' in text
    assert 'data-field="days"' in text or 'data-errors="other"' in text
    res = console.post(
        "/admin/calendar?year=2027",
        as_="admin@city",
        data={
            "notice": "国办发明电〔2026〕1号",
            "days": "2027-10-01 休 国庆节",
            "day_date": ["2027-10-09", ""],
            "day_kind": ["班", "休"],
            "day_name": ["国庆节调休", ""],
        },
    )
    assert res.status_code == 302, text_of(res)[:2000]
    with app.app_context():
        days = {o.day.isoformat(): o.is_workday for o in db.session.query(CalendarOverride).filter_by(year=2027)}
    assert days == {"2027-10-01": False, "2027-10-09": True}
