"""The approver's other task actions in the console: 签收 (claim), 退回到组 (release), 转办 (delegate) and
添加意见 (comment). Each works through its form (the database shows the effect, with one audit record), is
offered only when allowed now, and a refusal re-renders the page and changes nothing."""

from __future__ import annotations

import re

from flask import Flask
from sqlalchemy import select

from service.auth import system_actor
from service.extensions import db
from service.inputs import NewUser
from service.models import ApprovalAction, ApprovalTask, AuditEvent
from service.operations.reference import users
from tests.engines.approvals.test_pages import _task_of
from tests.support.console import Console
from tests.support.database import fingerprint
from tests.support.establishment import submitted_cases
from tests.support.world import World

ME = "approver@east_t1"
SECOND = "second@east_t1"


def _second(app: Flask, world: World) -> int:
    """A second approver at east_t1 (the task's group then has two candidates)."""
    with app.app_context():
        user = users.create(
            system_actor("test"),
            NewUser(
                username="second.east_t1",
                display_name="第二审批人",
                role="approver",
                jurisdiction_id=world.ids["east_t1"],
            ),
        )
        world.users[SECOND] = user.id
        db.session.remove()
    return world.users[SECOND]


def _setup(app: Flask, console: Console, world: World) -> tuple[int, int]:
    second = _second(app, world)
    case_id = submitted_cases(app, world, 1)[0]
    return case_id, second


def _task(app: Flask, task_id: int) -> ApprovalTask:
    with app.app_context():
        task = db.session.get(ApprovalTask, task_id)
        assert task is not None
        db.session.expunge(task)
        db.session.remove()
    return task


def _audit(app: Flask, case_id: int) -> list[tuple[str, int | None, str | None]]:
    with app.app_context():
        rows = db.session.execute(
            select(AuditEvent.action, AuditEvent.actor_id, AuditEvent.comment)
            .where(AuditEvent.subject_type == "establishment", AuditEvent.subject_id == case_id)
            .where(AuditEvent.action.like("task.%"))
            .order_by(AuditEvent.id)
        ).all()
        db.session.remove()
    return [(r.action, r.actor_id, r.comment) for r in rows]


def _forms(page: str) -> set[str]:
    return set(re.findall(r'id="form-(claim|release|delegate|comment|decide|vote)"', page))


def test_claim_then_release_through_the_forms(app: Flask, console: Console, world: World) -> None:
    case_id, _ = _setup(app, console, world)
    task = _task_of(console, case_id, ME)
    me = world.users[ME]
    page = console.get(f"/tasks/{task}", as_=ME).get_data(as_text=True)
    # an offered group task: claim it, or act on it at once (a decision or a delegation claims it)
    assert _forms(page) == {"claim", "delegate", "comment", "vote", "decide"}
    assert ">签收<" in page and "退回到组" not in page

    # 待办 offers 签收 on the group's unclaimed task too (the same route)
    inbox = console.get("/inbox", as_=ME).get_data(as_text=True)
    assert f'data-claim="{task}"' in inbox and f'action="/tasks/{task}/claim"' in inbox

    res = console.post(f"/tasks/{task}/claim", as_=ME)
    assert res.status_code == 302 and res.headers["Location"] == f"/tasks/{task}"
    assert _task(app, task).assignee_id == me
    assert _audit(app, case_id) == [("task.claim", me, None)]
    page = console.get(f"/tasks/{task}", as_=ME).get_data(as_text=True)
    assert "已签收" in page
    assert f'data-claim="{task}"' not in console.get("/inbox", as_=ME).get_data(as_text=True)
    assert _forms(page) == {"release", "delegate", "comment", "vote", "decide"}
    # the colleague no longer has anything to do on it
    assert 'id="no-actions"' in console.get(f"/tasks/{task}", as_=SECOND).get_data(as_text=True)

    res = console.post(f"/tasks/{task}/release", as_=ME)
    assert res.status_code == 302 and res.headers["Location"] == "/inbox"
    assert _task(app, task).assignee_id is None
    assert [a for a, *_ in _audit(app, case_id)] == ["task.claim", "task.release"]
    assert "已退回到组" in console.get("/inbox", as_=ME).get_data(as_text=True)
    assert f'data-claim="{task}"' in console.get("/inbox", as_=SECOND).get_data(as_text=True)


def test_claiming_a_claimed_task_or_releasing_someone_elses_changes_nothing(
    app: Flask, console: Console, world: World
) -> None:
    case_id, _ = _setup(app, console, world)
    task = _task_of(console, case_id, ME)
    # both opened the page while the task was offered; the first claims it
    assert "form-claim" in console.get(f"/tasks/{task}", as_=SECOND).get_data(as_text=True)
    assert console.post(f"/tasks/{task}/claim", as_=ME).status_code == 302
    before = fingerprint(app)
    late = console.post(f"/tasks/{task}/claim", as_=SECOND)
    text = late.get_data(as_text=True)
    assert late.status_code == 409 and 'id="conflict"' in text and "已被他人认领" in text
    assert "form-claim" not in text  # the page shows what is true now
    other = console.post(f"/tasks/{task}/release", as_=SECOND)
    assert other.status_code == 409 and "您没有认领该任务" in other.get_data(as_text=True)
    assert fingerprint(app) == before
    assert _task(app, task).assignee_id == world.users[ME]
    # an approver above is in scope but not a candidate: the role may, this person may not
    assert console.post(f"/tasks/{task}/release", as_="approver@east").status_code == 409
    assert console.post(f"/tasks/{task}/claim", as_="approver@east").status_code == 403
    assert fingerprint(app) == before


def test_delegate_to_a_colleague(app: Flask, console: Console, world: World) -> None:
    case_id, second = _setup(app, console, world)
    task = _task_of(console, case_id, ME)
    me = world.users[ME]
    page = console.get(f"/tasks/{task}", as_=ME).get_data(as_text=True)
    form = page[page.index('id="form-delegate"') :]
    form = form[: form.index("</form>")]
    offered = set(map(int, re.findall(r'<option value="(\d+)"', form)))
    assert offered == {second}  # same body, approver, active, not me
    assert "第二审批人" in form

    before = fingerprint(app)
    outsider = world.users["approver@east"]  # an approver, but of another body
    res = console.post(f"/tasks/{task}/delegate", as_=ME, data={"to_user_id": str(outsider), "comment": "请办理"})
    text = res.get_data(as_text=True)
    assert res.status_code == 422 and "只能转办给本审批机构的其他审批人" in text
    assert 'data-field="delegate_to"' in text and "请办理" in text  # next to the field, the form kept
    missing = console.post(f"/tasks/{task}/delegate", as_=ME, data={"comment": "请办理"})
    assert missing.status_code == 422 and 'data-field="to_user_id"' in missing.get_data(as_text=True)
    assert fingerprint(app) == before

    res = console.post(f"/tasks/{task}/delegate", as_=ME, data={"to_user_id": str(second), "comment": "请同事办理"})
    assert res.status_code == 302 and res.headers["Location"] == "/inbox"
    assert _task(app, task).assignee_id == second
    assert _audit(app, case_id) == [("task.delegate", me, "请同事办理")]
    assert "已转办" in console.get("/inbox", as_=ME).get_data(as_text=True)
    assert f'data-task="{task}"' in console.get("/inbox", as_=SECOND).get_data(as_text=True)
    # the delegate holds it now: no claim, and the group task may be given back to the group
    page = console.get(f"/tasks/{task}", as_=SECOND).get_data(as_text=True)
    assert {"release", "comment"} <= _forms(page) and "claim" not in _forms(page)
    assert 'id="no-actions"' in console.get(f"/tasks/{task}", as_=ME).get_data(as_text=True)


def test_comment_without_deciding(app: Flask, console: Console, world: World) -> None:
    case_id, _ = _setup(app, console, world)
    task = _task_of(console, case_id, ME)
    me = world.users[ME]
    before = fingerprint(app)
    empty = console.post(f"/tasks/{task}/comment", as_=ME, data={"comment": "   "})
    text = empty.get_data(as_text=True)
    assert empty.status_code == 422
    form = text[text.index('id="form-comment"') :]
    assert 'data-field="comment"' in form[: form.index("</form>")]
    assert text.count('data-field="comment"') == 1  # not repeated beside the decision forms
    assert fingerprint(app) == before

    res = console.post(f"/tasks/{task}/comment", as_=ME, data={"comment": "材料齐全，建议同意"})
    assert res.status_code == 302 and res.headers["Location"] == f"/tasks/{task}"
    assert _audit(app, case_id) == [("task.comment", me, "材料齐全，建议同意")]
    after = _task(app, task)
    assert after.status == "open" and after.assignee_id is None  # still offered to the group, undecided
    with app.app_context():
        logged = db.session.execute(
            select(ApprovalAction.action, ApprovalAction.comment).where(ApprovalAction.task_id == task)
        ).all()
        db.session.remove()
    assert [tuple(r) for r in logged] == [("comment", "材料齐全，建议同意")]
    page = console.get(f"/tasks/{task}", as_=ME).get_data(as_text=True)
    assert "已添加意见" in page
    comments = page[page.index('id="comments"') :]
    assert "材料齐全，建议同意" in comments[: comments.index("</ul>")]
    history = page[page.index('id="history"') :]
    assert "添加意见" in history[: history.index("</ol>")]
    # the case page shows it to anyone in scope, as the API's history does
    assert "材料齐全，建议同意" in console.get(f"/cases/{case_id}", as_="handler@east_t1").get_data(as_text=True)


def test_others_see_no_task_actions(app: Flask, console: Console, world: World) -> None:
    case_id = submitted_cases(app, world, 1)[0]
    task = _task_of(console, case_id, ME)
    for who in ("approver@east", "handler@east_t1", "admin@east_t1"):
        page = console.get(f"/tasks/{task}", as_=who).get_data(as_text=True)
        assert not _forms(page) and 'id="no-actions"' in page, who
