"""My account (change my password) and an admin's password reset for a user."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for

from service.console.access import page, signed_in_actor, start_session
from service.console.blueprint import bp
from service.operations.reference import passwords, users
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
    status = 422 if errors else 200
    return render_template("console/account.html", errors=errors), status


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
