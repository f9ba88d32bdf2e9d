"""Signing in and out, and the root URL."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for

from service.console import access, nav
from service.console.blueprint import bp
from service.operations.reference import passwords

# Where a role lands after signing in: the first section of the navigation it may open.
FALLBACK = "console.account"


@bp.route("/")
def home() -> Any:
    actor = access.signed_in_actor()
    if actor is None:
        return redirect(url_for("console.sign_in"))
    sections = nav.shown(actor)
    return redirect(url_for(sections[0].endpoint if sections else FALLBACK))


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in() -> Any:
    target = access.next_url("")
    if request.method == "GET":
        if access.signed_in_actor() is not None:
            return redirect(target or url_for("console.home"))
        return render_template("console/sign_in.html", next=target or None, username="", error=None)
    username = request.form.get("username", "")
    try:
        signed = passwords.sign_in(username, request.form.get("password", ""), request.remote_addr or "-")
    except (passwords.SignInFailed, passwords.TooManyAttempts) as exc:
        page = render_template("console/sign_in.html", next=target or None, username=username, error=exc.message)
        return page, exc.status
    access.start_session(signed)
    flash("登录成功", "success")
    return redirect(target or url_for("console.home"))


@bp.route("/sign-out", methods=["POST"])
def sign_out() -> Any:
    access.end_session()
    flash("您已安全退出", "info")
    return redirect(url_for("console.sign_in"))
