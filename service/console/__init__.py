"""The web console: server-rendered pages in Chinese over the same service layer as the API.

Its pages are found, not listed: every module of `service.console.pages` (and of a package there) is a page
module, imported in name order by `init_app` before the blueprint is registered, as the API finds the
workflows' blueprints. A page module declares what it contributes, at module level:
- its routes, on the one blueprint: `@bp.route(...)` over `@page(*ROLE_GROUP)`, the role gate;
- its sections of the navigation, if any: `NAV = NavEntry(label, endpoint, order, prefixes=..., badge=...)`,
  e.g. `NAV = NavEntry("督办", "console.board", 60, prefixes=("console.board", "console.ticket"))`. `nav.py`
  builds the menu from these declarations, ordered by `order`, each shown to the roles its endpoint's `@page`
  gate admits; a counter beside the label is `badge=Badge(name, count)`, `count(actor)` run for those roles.
So a workflow's console pages are a new module in `pages/`: nothing here or in `nav.py` changes.
How a page is written: docs/console.md ("Adding a page")."""

from __future__ import annotations

import importlib
import os
import pkgutil
import secrets
from functools import cache
from pathlib import Path
from types import ModuleType

from flask import Flask
from werkzeug.wrappers import Response

from service.config import default_instance_dir


@cache
def page_modules() -> tuple[ModuleType, ...]:
    """Every module of service.console.pages (and of its subpackages, e.g. a workflow's several pages), imported
    in name order: importing one adds its routes to the blueprint."""
    import service.console.pages as package

    found = pkgutil.walk_packages(package.__path__, f"{package.__name__}.")
    return tuple(importlib.import_module(info.name) for info in sorted(found, key=lambda i: i.name))


def _secret_key(app: Flask) -> str:
    """SECRET_KEY, else a random key kept in the instance directory (shared by the web workers of one host)."""
    configured = app.config["SETTINGS"].secret_key
    if configured:
        return str(configured)
    folder = default_instance_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = Path(folder) / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_urlsafe(48))
    return path.read_text().strip()


def init_app(app: Flask) -> None:
    from service.console import errors, filters
    from service.console.blueprint import bp

    app.secret_key = _secret_key(app)
    page_modules()
    errors.register_app(app)
    filters.register(app)
    app.register_blueprint(bp)
    # Browsers ask for /favicon.ico on every page, whatever the <link rel="icon">: answer with the console's
    # vendored icon (not a console page: no sign-in, no CSRF, cached a day).
    app.add_url_rule("/favicon.ico", "favicon", _favicon)


def _favicon() -> Response:
    from flask import current_app, send_from_directory

    static = Path(current_app.static_folder or "") / "console"
    return send_from_directory(static, "favicon.svg", mimetype="image/svg+xml", max_age=86400)
