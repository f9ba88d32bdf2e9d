"""The web console: server-rendered pages in Chinese over the same service layer as the API.

See service/console/README-console.md for how pages are added."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from flask import Flask
from werkzeug.wrappers import Response

from service.config import default_instance_dir

# Page modules: importing one adds its routes to the blueprint. Add yours here.
PAGE_MODULES = (
    "service.console.pages.signin",
    "service.console.pages.inbox",
    "service.console.pages.done",
    "service.console.pages.notifications",
    "service.console.pages.account",
    # 督办, 管理, 流程图
    "service.console.pages.supervision",
    "service.console.pages.admin",
    "service.console.pages.diagrams",
    # 覆盖 (report, charts, must-establish list, circulars, Excel export/import, documents)
    "service.console.pages.coverage",
    # 全部事项 (search) and the worklists' Excel exports, the import template
    "service.console.pages.search",
    "service.console.pages.worklist_exports",
    # the supervisors' 待办 and 催办
    "service.console.pages.oversight",
    # 申请: the applicant's establishment applications
    "service.console.pages.applications",
)


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
    import importlib

    from service.console import errors, filters
    from service.console.blueprint import bp

    app.secret_key = _secret_key(app)
    for name in PAGE_MODULES:
        importlib.import_module(name)
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
