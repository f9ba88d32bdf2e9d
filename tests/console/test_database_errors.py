"""A database that is away or too busy, met by a console page: the console's 503 page in Chinese with
Retry-After, as the API answers 503 JSON — both from the one list of database errors in service/errors.py."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy.exc
from flask import Flask

from service.errors import DATABASE_BUSY, DATABASE_ERRORS, DATABASE_MESSAGES
from service.operations.worklists import search
from tests.support.console import Console


def test_the_console_and_the_api_handle_the_same_database_errors(app: Flask) -> None:
    api = app.error_handler_spec[None][None]
    console = app.error_handler_spec["console"][None]
    for error in DATABASE_ERRORS:
        assert error in api and error in console, error


def test_a_busy_database_is_the_503_page(console: Console, monkeypatch: pytest.MonkeyPatch) -> None:
    def busy(*_: Any) -> Any:
        raise sqlalchemy.exc.TimeoutError("QueuePool limit reached")

    monkeypatch.setattr(search, "statement", busy)
    res = console.get("/search", as_="approver@east_t1")
    assert res.status_code == 503
    assert res.headers["Retry-After"] == "1"
    assert res.mimetype == "text/html"
    assert DATABASE_MESSAGES[DATABASE_BUSY] in res.get_data(as_text=True)
