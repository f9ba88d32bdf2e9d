"""Downloads carry two names: the Chinese one for browsers (filename*) and a plain ASCII one for clients that
read only filename= (curl -OJ). Werkzeug's fallback alone stripped the Chinese and left `-20261.docx`."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from flask import Flask

from service.api.downloads import attachment
from tests.support.supervision import TICKETS, issued
from tests.support.world import Api


def names(disposition: str) -> tuple[str, str | None]:
    """(filename=, decoded filename*) of a Content-Disposition header."""
    plain = re.search(r"(?:^|;\s*)filename=([^;]+)", disposition)
    star = re.search(r"filename\*=UTF-8''([^;]+)", disposition)
    assert plain is not None, disposition
    return plain.group(1).strip('"'), unquote(star.group(1)) if star else None


def test_chinese_name_for_browsers_and_ascii_name_for_curl(app: Flask) -> None:
    with app.test_request_context():
        res = attachment(b"x", "application/octet-stream", "督办单-东县督〔2026〕1号.docx", "supervision_ticket-3.docx")
    disposition = res.headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert names(disposition) == ("supervision_ticket-3.docx", "督办单-东县督〔2026〕1号.docx")


def test_an_ascii_name_alone_is_sent_once(app: Flask) -> None:
    with app.test_request_context():
        res = attachment(b"x", "application/octet-stream", "units-2026-12-01.xlsx", "units-2026-12-01.xlsx")
    assert res.headers["Content-Disposition"] == "attachment; filename=units-2026-12-01.xlsx"


@pytest.mark.parametrize("bad", ["-20261.docx", "台账.xlsx", "a b.docx", "../x.docx", ""])
def test_the_ascii_name_must_be_plain(app: Flask, bad: str) -> None:
    with app.test_request_context(), pytest.raises(ValueError):
        attachment(b"x", "application/octet-stream", "台账.xlsx", bad)


def test_every_kind_of_download_names_itself_in_both_ways(api: Api) -> None:
    ticket = issued(api)
    cases = [
        (
            f"{TICKETS}/{ticket['id']}/document.docx",
            "supervisor@east",
            f"supervision_ticket-{ticket['id']}.docx",
            "督办单-东县督〔2026〕1号.docx",
        ),
        ("/api/v1/units/export.xlsx", "handler@east", "units-", "台账-"),
        ("/api/v1/supervision-tickets/export.xlsx", "supervisor@east", "supervision-tickets-", "督办单-"),
        ("/api/v1/coverage/export.xlsx", "supervisor@east", "coverage-", "覆盖情况-"),
        ("/api/v1/coverage/must-establish/export.xlsx", "supervisor@east", "must-establish-", "应建未建清单-"),
        (
            "/api/v1/document-templates/interview_notice/template.docx",
            "admin@city",
            "interview_notice-template.docx",
            "约谈通知模板-默认.docx",
        ),
    ]
    for path, who, plain, chinese in cases:
        res = api.get(path, as_=who)
        assert res.status_code == 200, (path, res.status_code, res.get_data(as_text=True)[:200])
        ascii_name, full = names(res.headers["Content-Disposition"])
        assert ascii_name.startswith(plain) and full is not None and full.startswith(chinese), (path, ascii_name, full)
        if plain.endswith("-"):  # an export: what it holds and the day, in both names
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}\.xlsx", ascii_name.removeprefix(plain))
            assert ascii_name.removeprefix(plain) == full.removeprefix(chinese)
