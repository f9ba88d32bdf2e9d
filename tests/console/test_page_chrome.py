"""What every console page carries: the icon (and /favicon.ico answered, not 404), a skip link to the main
content, and flash messages announced to screen readers (errors as alerts)."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.support.console import Console


def test_favicon_is_served_and_linked(client: FlaskClient) -> None:
    res = client.get("/favicon.ico")
    assert res.status_code == 200
    assert res.mimetype == "image/svg+xml" and b"<svg" in res.data
    page = client.get("/sign-in").get_data(as_text=True)
    assert '<link rel="icon" href="/static/console/favicon.svg"' in page
    assert client.get("/static/console/favicon.svg").status_code == 200


def test_skip_link_leads_to_the_main_content(console: Console) -> None:
    page = console.get("/inbox", as_="approver@east_t1").get_data(as_text=True)
    assert '<a class="skip-link" href="#content">跳到正文</a>' in page
    assert '<main class="page" id="content"' in page
    assert page.index("skip-link") < page.index("<header")


def test_flash_messages_are_announced(console: Console) -> None:
    client = console.as_("approver@east_t1")
    with client.session_transaction() as session:
        session["_flashes"] = [("success", "已保存"), ("error", "未能办理")]
    page = client.get("/inbox").get_data(as_text=True)
    assert '<div class="flash success" role="status">已保存</div>' in page
    assert '<div class="flash error" role="alert">未能办理</div>' in page
