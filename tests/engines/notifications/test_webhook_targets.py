"""The SSRF guard: a webhook URL whose host resolves to a non-public address is refused at registration and
change (422 on `url`) and fails its delivery at once, unless WEBHOOK_ALLOWED_HOSTS names the host, the address
or its network; deliveries connect to the address that was checked and follow no redirect."""

from __future__ import annotations

import ipaddress
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from service.db import transaction
from service.extensions import db
from service.models import Notification, Webhook, WebhookDelivery
from service.operations.engines import webhook_targets, webhooks
from tests.support.webhooks import WEBHOOKS, Receiver, allow, path_of, register
from tests.support.world import Api, World

EVENT = "supervision_ticket.issued"

REFUSED = [
    ("http://127.0.0.1/h", "本机回环地址"),
    ("http://127.8.9.10:8080/h", "本机回环地址"),
    ("http://[::1]/h", "本机回环地址"),
    ("http://10.1.2.3:8080/h", "内网地址"),
    ("http://172.16.0.5/h", "内网地址"),
    ("https://172.31.255.1/h", "内网地址"),
    ("http://192.168.1.20/h", "内网地址"),
    ("http://169.254.169.254/latest/meta-data/", "云服务器元数据地址"),
    ("http://169.254.1.1/h", "链路本地地址"),
    ("http://[fe80::1]/h", "链路本地地址"),
    ("http://[fc00::1]/h", "内网地址"),
    ("http://[fd12:3456::1]/h", "内网地址"),
    ("http://0.0.0.0/h", "未指定地址"),
    ("http://[::]/h", "未指定地址"),
    ("http://224.0.0.1/h", "组播地址"),
    ("http://240.0.0.1/h", "保留地址"),
    ("http://100.64.0.1/h", "非公网地址"),
    ("http://localhost:8080/h", "本机回环地址"),  # a host name resolving to loopback
]


@pytest.mark.parametrize(("url", "label"), REFUSED, ids=[u for u, _ in REFUSED])
def test_registering_a_non_public_address_is_refused(app: Flask, api: Api, url: str, label: str) -> None:
    res = api.post(WEBHOOKS, as_="portal@east_t1", json={"url": url, "events": ["*"]})
    assert res.status_code == 422, res.json
    assert res.json["code"] == "webhook_url_not_public"
    [message] = res.json["errors"]["json"]["url"]
    assert label in message and "WEBHOOK_ALLOWED_HOSTS" in message
    with app.app_context():
        assert db.session.execute(select(Webhook.id)).first() is None


@pytest.mark.parametrize("address", ["8.8.8.8", "2001:4860:4860::8888", "1.1.1.1", "203.0.114.1"], ids=lambda a: str(a))
def test_public_addresses_pass(address: str) -> None:
    assert webhook_targets.refusal(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize(
    ("address", "kind"), [("::ffff:127.0.0.1", "loopback"), ("::ffff:10.0.0.1", "private"), ("::1", "loopback")]
)
def test_ipv4_mapped_addresses_are_judged_as_ipv4(address: str, kind: str) -> None:
    assert (webhook_targets.refusal(ipaddress.ip_address(address)) or ("",))[0] == kind


def test_changing_the_url_to_a_private_address_is_refused(app: Flask, api: Api) -> None:
    hook = register(api, "portal@east_t1", "https://portal.example.org/hooks", ["*"])
    path = f"{WEBHOOKS}/{hook['id']}"
    tag = api.get(path, as_="portal@east_t1").headers["ETag"]
    res = api.patch(path, as_="portal@east_t1", json={"url": "http://192.168.0.9/h"}, headers={"If-Match": tag})
    assert res.status_code == 422, res.json
    assert "内网地址" in res.json["errors"]["json"]["url"][0]
    assert api.get(path, as_="portal@east_t1").json["url"] == "https://portal.example.org/hooks"


@pytest.mark.parametrize(
    ("allowed", "url"),
    [
        (("10.1.2.3",), "http://10.1.2.3:8080/h"),  # the address
        (("10.0.0.0/8",), "http://10.1.2.3:8080/h"),  # a network holding it
        (("fc00::/7",), "http://[fd00::5]/h"),
        (("localhost",), "http://localhost:8080/h"),  # the host name, whatever it resolves to
    ],
)
def test_the_allow_list_accepts_what_it_names(app: Flask, api: Api, allowed: tuple[str, ...], url: str) -> None:
    allow(app, *allowed)
    assert register(api, "portal@east_t1", url, ["*"])["url"] == url
    allow(app, "10.9.9.9", "192.168.0.0/16")  # other entries do not cover it
    res = api.post(WEBHOOKS, as_="portal@east_t1", json={"url": url, "events": ["*"]})
    assert res.status_code == 422 and res.json["code"] == "webhook_url_not_public"


def test_an_unresolvable_host_is_accepted_and_checked_at_delivery(api: Api) -> None:
    # .invalid never resolves (RFC 6761): the guard runs again before every attempt.
    assert register(api, "portal@east_t1", "https://hooks.portal.invalid/h", ["*"])["url"].endswith(".invalid/h")


# --------------------------------------------------------------------------------------------------
# at delivery


def _publish(app: Flask, world: World) -> int:
    with app.app_context():
        with transaction():
            webhooks.publish(EVENT, {"ticket_id": 1}, path_of(app, world, "east_t1"))
        ident = db.session.execute(select(WebhookDelivery.id).order_by(WebhookDelivery.id.desc())).scalars().first()
        db.session.remove()
    assert ident is not None
    return ident


def _deliver(app: Flask, ident: int) -> tuple[str, dict[str, Any]]:
    with app.app_context():
        result = webhooks.deliver(ident)
        row = db.session.get(WebhookDelivery, ident)
        assert row is not None
        out = {
            "status": row.status,
            "attempts": row.attempts,
            "code": row.last_status_code,
            "error": row.last_error,
            "next": row.next_attempt_at,
        }
        db.session.remove()
    return result, out


def test_a_delivery_to_an_address_no_longer_allowed_fails_at_once(
    app: Flask, api: Api, world: World, receiver: Receiver
) -> None:
    """Registered while 127.0.0.1 was allowed; the allow-list changed since: the attempt connects nowhere,
    the delivery fails with the reason (no retry: the address would be the same) and the owner is told."""
    hook = register(api, "portal@east_t1", receiver.url, [EVENT])
    ident = _publish(app, world)
    allow(app)  # nothing allowed any more
    result, row = _deliver(app, ident)
    assert result == "failed"
    assert (row["status"], row["attempts"], row["code"], row["next"]) == ("failed", 1, None, None)
    assert "refused" in row["error"] and "127.0.0.1" in row["error"] and "loopback" in row["error"]
    assert receiver.posts == 0
    with app.app_context():
        told = list(db.session.execute(select(Notification)).scalars())
        assert [(n.kind, n.subject_id) for n in told] == [("webhook.failed", hook["id"])]
        assert "refused" in told[0].body


def test_a_host_name_is_resolved_and_pinned_with_its_host_header(
    app: Flask, api: Api, world: World, receiver: Receiver
) -> None:
    """`localhost` allowed by name: the attempt connects to the address resolved for it and still says
    `Host: localhost:<port>`."""
    allow(app, "localhost")
    url = f"http://localhost:{receiver.port}/hook?portal=1"
    register(api, "portal@east_t1", url, [EVENT])
    target = webhook_targets.check(url, ("localhost",))
    assert ipaddress.ip_address(target.address).is_loopback
    assert (target.host, target.port, target.path) == ("localhost", receiver.port, "/hook?portal=1")
    ident = _publish(app, world)
    result, _ = _deliver(app, ident)
    [got] = receiver.received()
    assert result == "delivered"
    assert got.headers["Host"] == f"localhost:{receiver.port}"
    assert got.path == "/hook?portal=1"


def test_localhost_without_the_allow_list_fails_at_delivery(
    app: Flask, api: Api, world: World, receiver: Receiver
) -> None:
    """An URL that passed registration but whose host now resolves to loopback (e.g. DNS rebinding)."""
    allow(app, "localhost")
    register(api, "portal@east_t1", f"http://localhost:{receiver.port}/hook", [EVENT])
    allow(app)
    ident = _publish(app, world)
    result, row = _deliver(app, ident)
    assert result == "failed" and "loopback" in row["error"]
    assert receiver.posts == 0


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_a_redirect_is_a_failed_attempt_and_not_followed(
    app: Flask, api: Api, world: World, receiver: Receiver, status: int
) -> None:
    register(api, "portal@east_t1", receiver.url, [EVENT])
    ident = _publish(app, world)
    receiver.statuses = [status]
    result, row = _deliver(app, ident)
    assert result == "pending"
    assert (row["code"], row["attempts"]) == (status, 1)
    assert f"HTTP {status}" in row["error"]
    assert [r.path for r in receiver.received()] == ["/hook"]  # nothing went to /elsewhere
    assert receiver.posts == 1
