"""`Idempotency-Key` on the API's POSTs: a retry with the same key and body replays the first answer and changes
nothing twice; the same key with another body is refused (422 naming the key), one still running answers 409,
a first attempt that failed with a 5xx is not kept (the retry runs). Keys are per token, expire after
IDEMPOTENCY_KEY_HOURS and are purged. Also the batch decision and a multipart upload."""

from __future__ import annotations

import io
import threading
from datetime import timedelta
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select

from service.clock import FixedClock
from service.extensions import db
from service.models import Attachment, AuditEvent, IdempotencyKey, Unit
from service.operations import idempotency
from service.operations.reference import units
from tests.support.establishment import make_unit, new_case, submit, task_for
from tests.support.factories import unit_payload
from tests.support.world import Api, World

UNITS = "/api/v1/units"
H = "handler@east_t1"


def post_unit(api: Api, body: dict[str, Any], key: str | None, as_: str = H) -> Any:
    headers = {"Idempotency-Key": key} if key is not None else {}
    return api.post(UNITS, json=body, as_=as_, headers=headers)


def count(app: Flask, model: Any) -> int:
    with app.app_context():
        return int(db.session.execute(select(func.count()).select_from(model)).scalar_one())


def test_a_retry_replays_the_first_answer_and_creates_one_unit(app: Flask, api: Api) -> None:
    body = unit_payload(api.world.ids["east_t1"])
    first = post_unit(api, body, "create-unit-1")
    assert first.status_code == 201, first.json
    assert "Idempotent-Replayed" not in first.headers
    again = post_unit(api, dict(reversed(list(body.items()))), "create-unit-1")  # key order does not matter
    assert again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json == first.json
    assert again.headers["ETag"] == first.headers["ETag"]
    assert again.headers["Content-Type"] == first.headers["Content-Type"]
    assert again.headers["X-Request-ID"] != first.headers["X-Request-ID"]  # the request's own, not the first's
    assert count(app, Unit) == 1
    with app.app_context():
        audits = db.session.execute(select(func.count()).where(AuditEvent.subject_type == "unit")).scalar_one()
    assert audits == 1


def test_without_the_header_nothing_is_kept(app: Flask, api: Api) -> None:
    body = unit_payload(api.world.ids["east_t1"])
    assert post_unit(api, body, None).status_code == 201
    assert post_unit(api, body, None).status_code == 409  # the duplicate credit code, as before
    assert count(app, IdempotencyKey) == 0


def test_the_same_key_with_another_body_is_refused_naming_the_key(app: Flask, api: Api) -> None:
    assert post_unit(api, unit_payload(api.world.ids["east_t1"]), "k-42").status_code == 201
    other = post_unit(api, unit_payload(api.world.ids["east_t1"]), "k-42")
    assert other.status_code == 422
    assert other.json["code"] == "idempotency_key_reused"
    assert "k-42" in other.json["message"]
    assert other.json["errors"]["headers"]["Idempotency-Key"]
    assert count(app, Unit) == 1


@pytest.mark.parametrize("key", ["", "有中文", "a b", "x" * 256])
def test_a_malformed_key_is_refused_in_chinese(app: Flask, api: Api, key: str) -> None:
    res = api.post(UNITS, json=unit_payload(api.world.ids["east_t1"]), as_=H, headers={"Idempotency-Key": key})
    assert res.status_code == 400
    assert res.json["code"] == "invalid_idempotency_key"
    assert "可见 ASCII" in res.json["message"]
    assert count(app, Unit) == 0


def test_a_key_still_in_progress_answers_409(app: Flask, api: Api, world: World) -> None:
    body = unit_payload(api.world.ids["east_t1"])
    with app.test_request_context(UNITS, method="POST", json=body):
        fingerprint = _fingerprint()
    with app.app_context():
        token_id = _token_id(world, H)
        assert isinstance(idempotency.claim(token_id, "busy", fingerprint, 24), int)
    res = post_unit(api, body, "busy")
    assert res.status_code == 409
    assert res.json["code"] == "idempotency_in_progress"
    assert res.headers["Retry-After"] == "1"
    assert count(app, Unit) == 0


def test_a_first_attempt_that_failed_with_a_5xx_is_run_again(
    app: Flask, api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = units.create
    calls = []

    def failing_once(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("injected failure")
        return real(*args, **kwargs)

    monkeypatch.setattr(units, "create", failing_once)
    body = unit_payload(api.world.ids["east_t1"])
    assert post_unit(api, body, "flaky").status_code == 500
    retry = post_unit(api, body, "flaky")
    assert retry.status_code == 201, retry.json
    assert "Idempotent-Replayed" not in retry.headers
    assert len(calls) == 2 and count(app, Unit) == 1


def test_a_4xx_before_anything_changed_is_not_kept(app: Flask, api: Api) -> None:
    body = unit_payload(api.world.ids["east_t1"], employees=-1)
    assert post_unit(api, body, "bad").status_code == 422
    assert count(app, IdempotencyKey) == 0


def test_keys_are_per_token(app: Flask, api: Api) -> None:
    body = unit_payload(api.world.ids["east_t1"])
    assert post_unit(api, body, "shared-key").status_code == 201
    other = post_unit(api, body, "shared-key", as_="admin@city")
    assert other.status_code == 409 and other.json["code"] == "duplicate_credit_code"  # it ran: no replay
    assert "Idempotent-Replayed" not in other.headers


def test_a_key_expires_and_is_purged(app: Flask, api: Api, clock: FixedClock) -> None:
    start = clock.now()
    assert post_unit(api, unit_payload(api.world.ids["east_t1"]), "old").status_code == 201
    clock.set(start + timedelta(hours=23))
    assert post_unit(api, unit_payload(api.world.ids["east_t1"]), "new").status_code == 201
    with app.app_context():
        assert idempotency.purge_expired() == 0
    clock.set(start + timedelta(hours=24, seconds=1))
    reused = post_unit(api, unit_payload(api.world.ids["east_t1"]), "old")  # expired: the key is free again
    assert reused.status_code == 201 and "Idempotent-Replayed" not in reused.headers
    clock.set(start + timedelta(hours=47, seconds=1))
    with app.app_context():
        assert idempotency.purge_expired(batch_size=1) == 1  # "new"; "old" was claimed again 24 h after
        keys = db.session.execute(select(IdempotencyKey.key)).scalars().all()
    assert keys == ["old"]


def test_the_hours_are_a_setting(app: Flask, api: Api, clock: FixedClock) -> None:
    from dataclasses import replace

    app.config["SETTINGS"] = replace(app.config["SETTINGS"], idempotency_key_hours=1)
    assert post_unit(api, unit_payload(api.world.ids["east_t1"]), "short").status_code == 201
    with app.app_context():
        row = db.session.execute(select(IdempotencyKey)).scalar_one()
        assert row.expires_at - row.created_at == timedelta(hours=1)


def test_a_batch_decision_is_replayed_not_decided_twice(app: Flask, api: Api) -> None:
    unit = make_unit(api, formal_members=100, employees=400)
    case_id = int(new_case(api, [unit["id"]], "primary_committee")["id"])
    submit(api, case_id)
    task = task_for(api, "approver@east_t1", case_id)
    body = {"action": "approve", "task_ids": [task["id"]], "comment": "同意"}
    headers = {"Idempotency-Key": "batch-1"}
    first = api.post("/api/v1/tasks/batch", json=body, as_="approver@east_t1", headers=headers)
    assert first.status_code == 200, first.json
    assert first.json["done"] == 1, first.json
    audits = count(app, AuditEvent)
    again = api.post("/api/v1/tasks/batch", json=body, as_="approver@east_t1", headers=headers)
    assert again.status_code == 200 and again.headers["Idempotent-Replayed"] == "true"
    assert again.json == first.json
    assert count(app, AuditEvent) == audits


def test_an_upload_is_replayed_and_another_file_with_the_key_refused(app: Flask, api: Api) -> None:
    unit = make_unit(api, formal_members=3)
    case_id = new_case(api, [unit["id"]], "branch")["id"]
    path = f"/api/v1/establishment-cases/{case_id}/attachments"
    pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

    def upload(data: bytes) -> Any:
        form = {"kind": "request", "file": (io.BytesIO(data), "请示.pdf")}
        return api.post(path, data=form, content_type="multipart/form-data", headers={"Idempotency-Key": "up-1"})

    first = upload(pdf)
    assert first.status_code == 201, first.json
    again = upload(pdf)
    assert again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"
    assert again.json == first.json
    other = upload(pdf + b"%\n")
    assert other.status_code == 422 and other.json["code"] == "idempotency_key_reused"
    assert count(app, Attachment) == 1


@pytest.mark.commits
def test_concurrent_identical_requests_make_one_unit(app: Flask, world: World) -> None:
    n = 4
    body = unit_payload(world.ids["east_t1"])
    barrier = threading.Barrier(n, timeout=30)
    results: list[Any] = [None] * n

    def run(i: int) -> None:
        client = app.test_client()
        headers = {"Authorization": f"Bearer {world.tokens[H]}", "Idempotency-Key": "race"}
        try:
            barrier.wait()
            res = client.post(UNITS, json=body, headers=headers)
            results[i] = (res.status_code, res.json.get("code"), res.headers.get("Idempotent-Replayed"))
        except Exception as exc:  # surfaced by the assertions below
            results[i] = (-1, repr(exc), None)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    fresh = [r for r in results if r[0] == 201 and r[2] is None]
    assert len(fresh) == 1, results
    assert all(
        r == (409, "idempotency_in_progress", None) or (r[0], r[2]) == (201, "true") for r in results if r not in fresh
    ), results
    with app.app_context():
        assert db.session.execute(select(func.count()).select_from(Unit)).scalar_one() == 1
        assert db.session.execute(select(func.count()).select_from(IdempotencyKey)).scalar_one() == 1
        db.session.remove()


def _fingerprint() -> str:
    from service.idempotency import request_fingerprint

    return request_fingerprint()


def _token_id(world: World, name: str) -> int:
    from service.auth import actor_for_token

    actor = actor_for_token(world.tokens[name], None)
    assert actor is not None and actor.token_id is not None
    return actor.token_id


def test_the_scheduler_sweep_purges_expired_keys() -> None:
    from tests.support import ROOT

    assert "idempotency.purge_expired()" in (ROOT / "workers" / "scheduler.py").read_text()


def test_an_error_after_part_of_the_request_committed_is_kept(
    app: Flask, api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Running it again could apply the committed part twice: the retry gets the error again."""
    from service.errors import ApiError

    real = units.create

    def commits_then_fails(*args: Any, **kwargs: Any) -> Any:
        real(*args, **kwargs)
        raise ApiError(409, "late_refusal", "后续步骤被拒绝")

    monkeypatch.setattr(units, "create", commits_then_fails)
    body = unit_payload(api.world.ids["east_t1"])
    first = post_unit(api, body, "half")
    assert first.status_code == 409 and first.json["code"] == "late_refusal"
    again = post_unit(api, body, "half")
    assert again.status_code == 409 and again.headers["Idempotent-Replayed"] == "true"
    assert again.json == first.json
    assert count(app, Unit) == 1


def test_every_post_documents_the_header_and_its_answers(client: Any) -> None:
    doc = client.get("/api/openapi.json").json
    posts = [
        (path, item["post"]) for path, item in doc["paths"].items() if path.startswith("/api/v1/") and "post" in item
    ]
    assert len(posts) > 30
    for path, op in posts:
        names = [p["name"] for p in op.get("parameters", []) if p.get("in") == "header"]
        assert names.count("Idempotency-Key") == 1, path
        for status in ("400", "409", "422"):
            assert status in op["responses"], (path, status)
        assert "idempotency_key_reused" in op["responses"]["422"]["description"], path
    for path, item in doc["paths"].items():
        for method in ("get", "patch", "delete"):
            params = item.get(method, {}).get("parameters", [])
            assert all(p.get("name") != "Idempotency-Key" for p in params), (path, method)
