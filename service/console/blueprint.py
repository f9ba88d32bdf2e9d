"""The console's one blueprint, at the site root. Page modules (service/console/pages/) add routes to it.

Its hooks are set here, once, at import (Flask forbids changing a blueprint after its first registration,
and the tests create more than one app)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g

bp = Blueprint("console", __name__, url_prefix="")


def _context() -> dict[str, Any]:
    from service.console import nav

    user = g.get("console_user")
    out: dict[str, Any] = {"me": user}
    if user is not None:
        out["nav"] = nav.items(user.actor)
        out["counts"] = nav.counts(user.actor)
    return out


def _setup() -> None:
    from service.console import access, csrf, errors

    bp.before_request(access.load_actor)
    bp.before_request(csrf.protect)
    bp.context_processor(_context)
    errors.register_blueprint(bp)


_setup()
