"""申请: an applicant prepares an establishment application in the console, submits it, corrects it after the
approver returns it, resubmits, withdraws — every step through the forms, with its effect in the database and
its audit record; the form options show the API's reasons; bad input keeps what was typed; out of scope is
404 and the wrong role 403."""

from __future__ import annotations

import html
import re
from typing import Any

from flask import Flask
from sqlalchemy import func, select

from service.auth import Actor, system_actor
from service.extensions import db
from service.models import ApprovalTask, AuditEvent, EstablishmentCase, User
from service.operations.engines import approvals
from service.operations.flows.establishment import cases
from service.operations.reference import units
from tests.support.console import Console
from tests.support.database import fingerprint
from tests.support.factories import new_unit
from tests.support.world import World
from workflows.establishment import NewCase

ME = "handler@east_t1"
APPROVER = "approver@east_t1"


def _unit(app: Flask, world: World, place: str = "east_t1", **counts: Any) -> tuple[int, str, str]:
    """A unit in `place` (3 formal members unless told): its id, name and credit code."""
    with app.app_context():
        unit = units.create(system_actor("test"), new_unit(world.ids[place], **{"formal_members": 3, **counts}))
        out = unit.id, unit.name, unit.credit_code
        db.session.remove()
    return out


def _case(app: Flask, case_id: int) -> EstablishmentCase:
    with app.app_context():
        case = db.session.get(EstablishmentCase, case_id)
        assert case is not None
        db.session.expunge(case)
        db.session.remove()
    return case


def _audit(app: Flask, case_id: int) -> list[tuple[str, int | None]]:
    with app.app_context():
        rows = db.session.execute(
            select(AuditEvent.action, AuditEvent.actor_id)
            .where(AuditEvent.subject_type == "establishment", AuditEvent.subject_id == case_id)
            .where(AuditEvent.action.like("establishment.%"))
            .order_by(AuditEvent.id)
        ).all()
        db.session.remove()
    return [(r.action, r.actor_id) for r in rows]


def _actor(app: Flask, world: World, who: str) -> Actor:
    with app.app_context():
        user = db.session.get(User, world.users[who])
        assert user is not None
        actor = Actor(user.id, user.username, user.role, user.jurisdiction_id, user.jurisdiction.path)
        db.session.remove()
    return actor


def _open_task(app: Flask, case_id: int) -> int:
    with app.app_context():
        ident = db.session.execute(
            select(ApprovalTask.id).where(ApprovalTask.subject_id == case_id, ApprovalTask.status == "open")
        ).scalar_one()
        db.session.remove()
    return int(ident)


def _text(res: Any) -> str:
    return html.unescape(res.get_data(as_text=True))


def _case_count(app: Flask) -> int:
    with app.app_context():
        n = db.session.execute(select(func.count()).select_from(EstablishmentCase)).scalar_one()
        db.session.remove()
    return int(n)


def _field_error(page: str, name: str) -> str:
    found = re.search(rf'class="field-error" data-field="{name}">([^<]*)<', page)
    assert found, f"no message next to {name}"
    return found.group(1)


def _create(console: Console, unit_id: int, **data: str) -> Any:
    return console.post(
        "/applications/new",
        as_=ME,
        data={"unit_ids": str(unit_id), "form": "branch", "proposed_name": "测试党支部", **data},
    )


def _case_id(res: Any) -> int:
    assert res.status_code == 302, res.get_data(as_text=True)[:2000]
    found = re.fullmatch(r"/applications/(\d+)", res.headers["Location"])
    assert found, res.headers["Location"]
    return int(found.group(1))


def test_prepare_submit_return_correct_resubmit(app: Flask, console: Console, world: World) -> None:
    unit_id, name, code = _unit(app, world)
    me = world.users[ME]

    # 申请 is in the navigation; the prepare page finds the unit by name and by credit code
    assert 'data-nav="console.applications"' in _text(console.get("/inbox", as_=ME))
    by_name = _text(console.get(f"/applications/new?q={name[:6]}", as_=ME))
    assert f'data-unit="{unit_id}"' in by_name
    assert f'data-unit="{unit_id}"' in _text(console.get(f"/applications/new?q={code[:10]}", as_=ME))

    # picking it shows the form options with the API's reasons
    chosen = _text(console.get(f"/applications/new?unit_ids={unit_id}", as_=ME))
    assert 'data-form="branch" data-allowed="yes"' in chosen
    assert "正式党员3名，达到3名以上，应当成立党支部" in chosen
    assert 'data-form="joint_branch" data-allowed="no"' in chosen

    # save a draft: the case exists in preparation, filed by me, with one audit record
    res = _create(
        console,
        unit_id,
        proposed_secretary="王书记",
        proposed_committee_size="",
        request_text="关于成立党支部的请示",
        roster="张三 正式\n李四 正式\n王五 正式\n赵六 预备",
    )
    case_id = _case_id(res)
    case = _case(app, case_id)
    assert (case.state, case.applicant_id, case.proposed_secretary) == ("preparing", me, "王书记")
    assert case.roster is not None and len(case.roster) == 4
    assert case.roster[3] == {"name": "赵六", "member_type": "probationary", "unit_id": unit_id}
    assert _audit(app, case_id) == [("establishment.create", me)]

    page = _text(console.get(f"/applications/{case_id}", as_=ME))
    assert 'id="case-state">筹备中' in page and 'id="form-submit"' in page and 'id="edit-link"' in page
    assert "报送东一镇" in page  # the submit form names where the request goes
    # and asks before sending it (static/console/confirm.js), as it asks before a withdrawal, which is final
    assert re.search(r'id="form-submit" novalidate data-confirm="提交后，本申请将报送东一镇[^"]*确定提交？"', page)
    assert re.search(r'id="form-withdraw" novalidate data-confirm="撤回后「[^"]+」即告结束，不能恢复。确定撤回？', page)
    assert f'href="/cases/{case_id}"' in page  # the approvers' case page
    # my list shows it with its unit and state
    listing = _text(console.get("/applications?state=preparing", as_=ME))
    assert f'data-case="{case_id}" data-state="preparing"' in listing and name in listing
    assert f'data-case="{case_id}"' not in _text(console.get("/applications?state=submitted", as_=ME))

    # submitting needs the confirmation; without it nothing changes
    before = fingerprint(app)
    unconfirmed = console.post(f"/applications/{case_id}/submit", as_=ME, data={"version": str(case.version)})
    assert unconfirmed.status_code == 422
    assert _field_error(_text(unconfirmed), "confirm") == "请勾选确认后再提交"
    assert fingerprint(app) == before
    res = console.post(f"/applications/{case_id}/submit", as_=ME, data={"confirm": "1", "version": str(case.version)})
    assert res.status_code == 302
    assert _case(app, case_id).state == "submitted"
    page = _text(console.get(f"/applications/{case_id}", as_=ME))
    assert 'id="case-state">审批中' in page and 'id="edit-link"' not in page and 'id="form-withdraw"' in page
    edit = _text(console.get(f"/applications/{case_id}/edit", as_=ME))
    assert 'id="not-editable">「审批中」状态的申请不能修改' in edit and 'id="application-form"' not in edit
    stale = console.post(f"/applications/{case_id}/edit", as_=ME, data={"form": "branch", "proposed_name": "改"})
    assert stale.status_code == 409 and "「审批中」状态的申请不能修改" in _text(stale)

    # the approver returns it (through the service layer): the page shows the reason and lets me correct it
    with app.app_context():
        approvals.acting.act(
            _actor(app, world, APPROVER), _open_task(app, case_id), "return", comment="请补充拟任书记简历"
        )
        db.session.remove()
    assert _case(app, case_id).state == "returned"
    page = _text(console.get(f"/applications/{case_id}", as_=ME))
    assert 'id="case-state">已退回' in page and "请补充拟任书记简历" in page and 'id="edit-link"' in page
    # the history names people by their display names
    history = page.split('id="history"', 1)[1]
    assert f"<strong>{APPROVER}</strong>" in history and "approver.east_t1" not in history
    assert f"<strong>{ME}</strong> · 提交审批" in history

    edit = _text(console.get(f"/applications/{case_id}/edit", as_=ME))
    assert "请补充拟任书记简历" in edit and "张三 正式" in edit  # the stored roster, as typed
    version = _case(app, case_id).version
    res = console.post(
        f"/applications/{case_id}/edit",
        as_=ME,
        data={
            "form": "branch",
            "proposed_name": "测试有限公司党支部",
            "proposed_secretary": "",  # emptied: cleared
            "request_text": "关于成立党支部的请示（附书记简历）",
            "roster": "",
            "version": str(version),
        },
    )
    assert res.status_code == 302 and res.headers["Location"] == f"/applications/{case_id}"
    case = _case(app, case_id)
    assert (case.proposed_name, case.proposed_secretary, case.roster) == ("测试有限公司党支部", None, None)
    assert case.request_text == "关于成立党支部的请示（附书记简历）"

    res = console.post(f"/applications/{case_id}/submit", as_=ME, data={"confirm": "1", "version": str(case.version)})
    assert res.status_code == 302
    case = _case(app, case_id)
    assert case.state == "submitted" and case.return_reason is None
    assert _audit(app, case_id) == [
        ("establishment.create", me),
        ("establishment.submit", me),
        ("establishment.return_for_changes", world.users[APPROVER]),
        ("establishment.update", me),
        ("establishment.submit", me),
    ]


def test_withdraw_with_a_reason_ends_the_approval(app: Flask, console: Console, world: World) -> None:
    unit_id, _, _ = _unit(app, world)
    case_id = _case_id(_create(console, unit_id))
    version = _case(app, case_id).version
    assert console.post(f"/applications/{case_id}/submit", as_=ME, data={"confirm": "1"}).status_code == 302
    task = _open_task(app, case_id)

    before = fingerprint(app)
    unconfirmed = console.post(f"/applications/{case_id}/withdraw", as_=ME, data={"reason": "单位合并"})
    assert unconfirmed.status_code == 422
    page = _text(unconfirmed)
    assert _field_error(page, "confirm") == "请勾选确认后再撤回" and "单位合并" in page  # the reason stays
    assert fingerprint(app) == before

    res = console.post(f"/applications/{case_id}/withdraw", as_=ME, data={"reason": "单位合并", "confirm": "1"})
    assert res.status_code == 302
    case = _case(app, case_id)
    assert (case.state, case.closed_reason) == ("withdrawn", "单位合并")
    with app.app_context():
        row = db.session.get(ApprovalTask, task)
        assert row is not None and row.status != "open"
        db.session.remove()
    assert _audit(app, case_id)[-1] == ("establishment.withdraw", world.users[ME])
    page = _text(console.get(f"/applications/{case_id}", as_=ME))
    assert 'id="case-state">已撤回' in page and 'id="no-actions"' in page
    # the unit is free again: it is offered for a new application
    assert f'data-unit="{unit_id}"' in _text(console.get("/applications/new", as_=ME))

    # a page opened before the withdrawal: withdrawing again is a conflict shown with the current state
    for confirm in ({"confirm": "1"}, {}):
        stale = console.post(f"/applications/{case_id}/withdraw", as_=ME, data={**confirm, "version": str(version)})
        assert stale.status_code == 409
        assert 'id="conflict"' in _text(stale) and 'id="case-state">已撤回' in _text(stale)


def test_a_refused_form_option_shows_its_reason(app: Flask, console: Console, world: World) -> None:
    small, _, _ = _unit(app, world, formal_members=2)
    page = _text(console.get(f"/applications/new?unit_ids={small}", as_=ME))
    branch = re.search(r'<label class="option refused" data-form="branch" data-allowed="no">(.*?)</label>', page, re.S)
    assert branch, page
    assert "disabled" in branch.group(1)
    assert "正式党员2名，不足3名，不能单独成立党支部，可与其他单位联合成立联合党支部" in branch.group(1)
    assert 'data-code="branch_needs_more_formal"' in branch.group(1)
    # the same reasons as the API's form options, for every form
    api = console.app.test_client()
    token = world.tokens[ME]
    options = api.get(
        f"/api/v1/establishment-cases/form-options?unit_ids={small}", headers={"Authorization": f"Bearer {token}"}
    ).json
    for o in options:
        assert f'data-form="{o["form"]}" data-allowed="{"yes" if o["allowed"] else "no"}"' in page
        assert o["reason"] in page

    # two small units together may form a joint branch
    other, _, _ = _unit(app, world, formal_members=1)
    joint = _text(console.get(f"/applications/new?unit_ids={small}&unit_ids={other}", as_=ME))
    assert 'data-form="joint_branch" data-allowed="yes"' in joint
    res = console.post(
        "/applications/new",
        as_=ME,
        data={
            "unit_ids": [str(small), str(other)],
            "form": "joint_branch",
            "proposed_name": "联合党支部",
            "roster": "甲 正式\n乙 正式",
        },
    )
    assert res.status_code == 422  # with two units each member names its unit
    assert "第1行" in _field_error(_text(res), "roster")

    # a crafted post of the refused form is refused by the rule, next to the choice
    before = _case_count(app)
    res = console.post(
        "/applications/new", as_=ME, data={"unit_ids": str(small), "form": "branch", "proposed_name": "小党支部"}
    )
    assert res.status_code == 422
    assert "不能单独成立党支部" in _field_error(_text(res), "form")
    assert _case_count(app) == before


def test_bad_input_keeps_what_was_typed_and_shows_every_message(app: Flask, console: Console, world: World) -> None:
    unit_id, _, _ = _unit(app, world)
    before = fingerprint(app)
    res = console.post(
        "/applications/new",
        as_=ME,
        data={
            "unit_ids": str(unit_id),
            "form": "branch",
            "proposed_name": "",
            "proposed_committee_size": "很多",
            "proposed_secretary": "王" * 60,
            "request_text": "我们的请示正文",
            "roster": "张三 党员",
        },
    )
    assert res.status_code == 422
    page = _text(res)
    assert _field_error(page, "proposed_name")
    assert _field_error(page, "proposed_committee_size")
    assert _field_error(page, "proposed_secretary")
    assert "第1行" in _field_error(page, "roster")
    assert "我们的请示正文" in page and "张三 党员" in page and "王" * 60 in page
    assert 'value="branch" checked' in page
    assert fingerprint(app) == before

    # a unit already in an open case: the conflict is shown with the current options, the input kept
    _case_id(_create(console, unit_id))
    res = _create(console, unit_id, request_text="第二份请示")
    assert res.status_code == 409
    page = _text(res)
    assert 'id="conflict"' in page and "已有正在办理的组建申请" in page and "第二份请示" in page

    # a correction over a stale page: 409 with the current content, what was typed kept
    case_id = int(re.findall(r"/applications/(\d+)", _text(console.get("/applications", as_=ME)))[0])
    stale_version = _case(app, case_id).version
    ok = console.post(
        f"/applications/{case_id}/edit",
        as_=ME,
        data={"form": "branch", "proposed_name": "先改的名称", "version": str(stale_version)},
    )
    assert ok.status_code == 302
    res = console.post(
        f"/applications/{case_id}/edit",
        as_=ME,
        data={"form": "branch", "proposed_name": "后改的名称", "version": str(stale_version)},
    )
    assert res.status_code == 409
    page = _text(res)
    assert 'id="conflict"' in page and "先改的名称" in page and 'value="后改的名称"' in page
    assert _case(app, case_id).proposed_name == "先改的名称"
    # an emptied name is refused, not ignored
    res = console.post(
        f"/applications/{case_id}/edit",
        as_=ME,
        data={"form": "branch", "proposed_name": " ", "version": str(_case(app, case_id).version)},
    )
    assert res.status_code == 422 and _field_error(_text(res), "proposed_name")
    assert _case(app, case_id).proposed_name == "先改的名称"


def test_out_of_scope_is_404_and_other_roles_403(app: Flask, console: Console, world: World) -> None:
    west_unit, west_name, _ = _unit(app, world, "west_t1")
    with app.app_context():
        west_case = cases.create(
            system_actor("test"), NewCase(unit_ids=[west_unit], form="branch", proposed_name="西一镇党支部")
        ).id
        db.session.remove()
    before = fingerprint(app)
    for path in (
        f"/applications/{west_case}",
        f"/applications/{west_case}/edit",
        f"/applications/new?unit_ids={west_unit}",
    ):
        res = console.get(path, as_=ME)
        assert res.status_code == 404 and "页面不存在" in _text(res), path
    for action, data in (
        ("edit", {"form": "branch", "proposed_name": "改名"}),
        ("submit", {"confirm": "1"}),
        ("withdraw", {"confirm": "1"}),
    ):
        assert console.post(f"/applications/{west_case}/{action}", as_=ME, data=data).status_code == 404
    res = _create(console, west_unit)
    assert res.status_code == 404
    assert fingerprint(app) == before
    # units and cases of another county are neither offered nor listed
    assert west_name not in _text(console.get("/applications/new", as_=ME))
    assert f'data-case="{west_case}"' not in _text(console.get("/applications", as_=ME))
    assert f'data-case="{west_case}"' in _text(console.get("/applications", as_="handler@west_t1"))

    # roles that file no applications: 403, and no 申请 in their navigation
    for who in ("supervisor@east_t1", "instructor@east_t1"):
        for path in ("/applications", "/applications/new"):
            res = console.get(path, as_=who)
            assert res.status_code == 403 and "无权访问" in _text(res), (who, path)
        assert 'data-nav="console.applications"' not in _text(console.get("/done", as_=who))

    # an approver may file its own application but not act on a handler's
    unit_id, _, _ = _unit(app, world)
    case_id = _case_id(_create(console, unit_id))
    page = _text(console.get(f"/applications/{case_id}", as_=APPROVER))
    assert 'id="no-actions"' in page
    edit = _text(console.get(f"/applications/{case_id}/edit", as_=APPROVER))
    assert 'id="not-editable">只有申请人' in edit and 'id="application-form"' not in edit
    before = fingerprint(app)
    for data in ({"confirm": "1"}, {}):  # ticked or not: the refusal is the same
        res = console.post(f"/applications/{case_id}/submit", as_=APPROVER, data=data)
        assert res.status_code == 403 and "只有申请人可以执行此操作" in _text(res)
        res = console.post(f"/applications/{case_id}/withdraw", as_=APPROVER, data=data)
        assert res.status_code == 403
    assert fingerprint(app) == before


def test_a_joint_application_names_each_member_unit_and_keeps_it_on_correction(
    app: Flask, console: Console, world: World
) -> None:
    first, _, first_code = _unit(app, world, formal_members=2)
    second, second_name, second_code = _unit(app, world, formal_members=1)
    res = console.post(
        "/applications/new",
        as_=ME,
        data={
            "unit_ids": [str(first), str(second)],
            "form": "joint_branch",
            "proposed_name": "东一镇联合党支部",
            "roster": f"甲 正式 {first_code}\n乙 正式 {first_code.lower()}\n丙 正式 {second_name}",
        },
    )
    case_id = _case_id(res)
    case = _case(app, case_id)
    assert case.form == "joint_branch" and case.formal_total == 3
    assert [(m["name"], m["unit_id"]) for m in case.roster or []] == [("甲", first), ("乙", first), ("丙", second)]
    # the correction form shows the roster with each member's unit, and saving it unchanged keeps it
    edit = _text(console.get(f"/applications/{case_id}/edit", as_=ME))
    roster = re.search(r'<textarea name="roster"[^>]*>(.*?)</textarea>', edit, re.S)
    assert roster and roster.group(1) == f"甲 正式 {first_code}\n乙 正式 {first_code}\n丙 正式 {second_code}"
    res = console.post(
        f"/applications/{case_id}/edit",
        as_=ME,
        data={"form": "joint_branch", "proposed_name": "东一镇联合党支部", "roster": roster.group(1)},
    )
    assert res.status_code == 302
    assert _case(app, case_id).roster == case.roster


def test_the_list_filters_and_a_primary_committee_names_both_levels(app: Flask, console: Console, world: World) -> None:
    big, _, _ = _unit(app, world, formal_members=120, employees=500)
    other, _, _ = _unit(app, world)
    with app.app_context():  # filed by someone else (the system) in my township
        theirs = cases.create(
            system_actor("test"), NewCase(unit_ids=[other], form="branch", proposed_name="他人填报的党支部")
        ).id
        db.session.remove()
    mine = _case_id(_create(console, big, form="primary_committee", proposed_name="某集团基层党委"))
    everything = _text(console.get("/applications", as_=ME))
    assert f'data-case="{mine}"' in everything and f'data-case="{theirs}"' in everything
    only_mine = _text(console.get("/applications?mine=1", as_=ME))
    assert f'data-case="{mine}"' in only_mine and f'data-case="{theirs}"' not in only_mine
    # the submit form says the request is reviewed by the township, then approved by the county
    page = _text(console.get(f"/applications/{mine}", as_=ME))
    assert "报送东一镇审查，再报县级党委（工委）审批" in page
    # a handler acts for the unit on a case someone else filed
    res = console.post(f"/applications/{theirs}/submit", as_=ME, data={"confirm": "1"})
    assert res.status_code == 302 and _case(app, theirs).state == "submitted"
