from __future__ import annotations

from flask.testing import FlaskClient

from tests.support.console import Console


def test_signed_out_root_opens_the_sign_in_page(client: FlaskClient) -> None:
    res = client.get("/")
    assert res.status_code == 302 and res.headers["Location"].startswith("/sign-in")
    page = client.get("/sign-in")
    assert page.status_code == 200
    assert "登录" in page.get_data(as_text=True)


def test_pages_render_for_an_approver(console: Console) -> None:
    for path in ("/inbox", "/done", "/notifications", "/account"):
        res = console.get(path, as_="approver@east_t1")
        assert res.status_code == 200, (path, res.get_data(as_text=True)[:2000])
        assert "approver@east_t1" in res.get_data(as_text=True)
