"""My account (change my password, my 常用意见) and an admin's password reset for a user."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for

from service.console.access import page, signed_in_actor, start_session
from service.console.blueprint import bp
from service.operations.reference import opinions, passwords, users
from service.roles import ADMINS
from workflows.errors import RuleViolation


def _me() -> Any:
    actor = signed_in_actor()
    assert actor is not None  # @page guarantees it
    return actor


@bp.route("/account", methods=["GET", "POST"])
@page()
def account() -> Any:
    errors: dict[str, str] = {}
    if request.method == "POST":
        old, new = request.form.get("old_password", ""), request.form.get("new_password", "")
        if new != request.form.get("new_password_again", ""):
            errors["new_password_again"] = "两次输入的新密码不一致"
        else:
            try:
                user = passwords.change_own_password(_me(), old, new)
            except RuleViolation as exc:
                errors[exc.field or "new_password"] = exc.message
            else:
                # The session carries the password's mark: renew it so this browser stays signed in.
                start_session(passwords.SignedIn(user.id, passwords.password_mark(user.password_hash)))
                flash("密码已修改", "success")
                return redirect(url_for("console.account"))
    return _render_account(errors)


def _render_account(errors: dict[str, str], typed: str = "") -> Any:
    status = 422 if errors else 200
    mine = opinions.mine(_me())
    return render_template(
        "console/account.html",
        errors=errors,
        opinions=mine,
        opinion_limit=opinions.limit(),
        examples=opinions.examples_left(mine),
        typed_opinion=typed,
    ), status


# -- 常用意见: my saved opinions (picked in the opinion boxes of the task page) -------------------------------


@bp.route("/account/opinions", methods=["POST"], endpoint="opinion_add")
@page()
def opinion_add() -> Any:
    typed = request.form.get("text", "")
    try:
        opinions.add(_me(), typed)
    except RuleViolation as exc:
        return _render_account({exc.field or "text": exc.message}, typed)
    flash("已保存常用意见", "success")
    return redirect(url_for("console.account", _anchor="opinions"))


@bp.route("/account/opinions/examples", methods=["POST"], endpoint="opinion_examples")
@page()
def opinion_examples() -> Any:
    added = opinions.add_examples(_me())
    flash(f"已添加{len(added)}条常用意见示例" if added else "示例均已在常用意见中（或已达上限）", "success")
    return redirect(url_for("console.account", _anchor="opinions"))


@bp.route("/account/opinions/<int:opinion_id>/delete", methods=["POST"], endpoint="opinion_delete")
@page()
def opinion_delete(opinion_id: int) -> Any:
    opinions.delete(_me(), opinion_id)  # someone else's: 404 page
    flash("已删除常用意见", "success")
    return redirect(url_for("console.account", _anchor="opinions"))


@bp.route("/admin/users/<int:user_id>/password", methods=["GET", "POST"])
@page(*ADMINS)
def user_password(user_id: int) -> Any:
    actor = _me()
    user = users.get(actor, user_id)  # out of scope: 404
    errors: dict[str, str] = {}
    if request.method == "POST":
        new = request.form.get("password", "")
        if new != request.form.get("password_again", ""):
            errors["password_again"] = "两次输入的密码不一致"
        else:
            try:
                passwords.set_password(actor, user_id, new)
            except RuleViolation as exc:
                errors[exc.field or "password"] = exc.message
            else:
                flash(f"已为「{user.display_name}」设置新密码，其原有登录会话已失效", "success")
                return redirect(url_for("console.user_password", user_id=user_id))
    status = 422 if errors else 200
    return render_template(
        "console/user_password.html", user=user, has_password=passwords.has_password(user), errors=errors
    ), status
