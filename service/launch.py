"""The run command: `python -m service.launch` (what `make run` calls).

Migrates, loads demo data into an empty embedded database (or with DEMO_DATA=1), starts an embedded
Redis when REDIS_URL is not set, prints the address and the demo tokens, then runs the Procfile
(web, worker and scheduler) under honcho until interrupted."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _prepare(env: dict[str, str]) -> tuple[str | None, str]:
    """Migrate and maybe load demo data; returns the demo tokens text to print, if any, and the PDF converter
    setting."""
    os.environ.update(env)
    from flask_migrate import upgrade

    from service import create_app, demo
    from service.config import Settings
    from service.db import refresh_statistics
    from service.extensions import db

    settings = Settings.from_env()
    app = create_app(settings)
    tokens_file = Path(env["INSTANCE_DIR"]) / "demo-tokens.txt"
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        wants_demo = settings.embedded_database or os.environ.get("DEMO_DATA") == "1"
        loaded = wants_demo and demo.database_is_empty()
        if loaded:
            tokens = demo.load()
            demo.print_tokens(tokens, tokens_file, demo.set_passwords(list(tokens)))
        # The look-up above began a transaction on the session's connection (on SQLite a BEGIN IMMEDIATE,
        # the write lock): end it before ANALYZE takes a connection of its own, or that one waits for it.
        db.session.remove()
        refresh_statistics()
    converter = settings.documents.pdf_converter
    if loaded:
        return None, converter
    if settings.embedded_database and tokens_file.exists():
        return tokens_file.read_text(encoding="utf-8"), converter
    return None, converter


PDF_INSTALL = "sudo apt-get install libreoffice-writer-nogui fonts-noto-cjk"


def pdf_status(setting: str) -> str:
    """One line: whether document downloads as PDF work here (LibreOffice found) and how to get them."""
    from service.documents.pdf import find_converter

    converter = find_converter(setting)
    if converter is not None:
        return f"PDF downloads: available (LibreOffice: {converter})"
    if setting.strip().lower() == "none":
        return 'PDF downloads: switched off (DOCUMENT_SETTINGS pdf_converter "none"); .docx downloads work'
    return f"PDF downloads: unavailable, LibreOffice (soffice) not found; .docx downloads work. Install: {PDF_INSTALL}"


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main() -> int:
    instance = Path(os.environ.get("INSTANCE_DIR", ROOT / "instance")).resolve()
    port = os.environ.get("PORT", "8000")
    host = os.environ.get("HOST", "127.0.0.1")
    env = {"INSTANCE_DIR": str(instance), "HOST": host}
    with contextlib.ExitStack() as stack:
        if not os.environ.get("REDIS_URL"):
            from service.embedded import embedded_redis

            env["REDIS_URL"] = stack.enter_context(embedded_redis(instance / "redis"))
            print(f"Embedded Redis: {env['REDIS_URL']}")
        earlier, pdf_setting = _prepare(env)
        if earlier:
            print(earlier, end="")
        print(pdf_status(pdf_setting))
        print(f"Dangjian Flow console (sign in): http://{host}:{port}/  API docs: http://{host}:{port}/api/docs")
        bin_dir = str(Path(sys.executable).parent)
        child_env = {**os.environ, **env, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
        honcho = subprocess.Popen(
            [str(Path(bin_dir) / "honcho"), "start", "-f", str(ROOT / "Procfile"), "-d", str(ROOT), "-p", port],
            env=child_env,
        )
        # SIGTERM must unwind like Ctrl-C so the embedded Redis is stopped with the processes.
        signal.signal(signal.SIGTERM, _interrupt)
        try:
            return honcho.wait()
        except KeyboardInterrupt:
            honcho.send_signal(signal.SIGINT)
            return honcho.wait()


if __name__ == "__main__":
    sys.exit(main())
