"""Attachments in S3-compatible object storage (ATTACHMENT_STORAGE=s3), against moto's S3 *emulator* in server
mode, started by this module on a free loopback port (a real S3 or MinIO is not packaged here). The same paths
as the local store: an upload lands as `<sha256[:2]>/<sha256>` in the bucket once, a download streams it back
with the same headers, a refused upload puts nothing and leaves no temporary file."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from flask import Flask

from tests.engines.attachments.helpers import CASES, PDF, PNG, upload
from tests.support.database import fingerprint
from tests.support.establishment import make_unit, new_case
from tests.support.s3 import BUCKET, s3_emulator
from tests.support.world import Api

pytest.importorskip("moto.server")
boto3 = pytest.importorskip("boto3")


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    with s3_emulator() as endpoint:
        yield endpoint


@pytest.fixture()
def s3_app(app: Flask, s3_endpoint: str) -> Iterator[Flask]:
    settings = app.config["SETTINGS"]
    app.config["SETTINGS"] = replace(
        settings,
        attachments=replace(
            settings.attachments,
            storage="s3",
            s3_endpoint=s3_endpoint,
            s3_bucket=BUCKET,
            s3_access_key="test",
            s3_secret_key="x",
        ),
    )
    yield app
    app.config["SETTINGS"] = settings


def _objects(endpoint: str) -> list[str]:
    client = boto3.client(
        "s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="x"
    )
    return sorted(o["Key"] for o in client.list_objects_v2(Bucket=BUCKET).get("Contents", []))


@pytest.fixture()
def case(api: Api) -> dict[str, Any]:
    unit = make_unit(api, "east_t1", as_="admin@city", formal_members=3)
    return new_case(api, [unit["id"]], "branch", as_="admin@city")


def test_upload_download_withdraw_in_the_bucket(s3_app: Flask, s3_endpoint: str, api: Api, case: Any) -> None:
    base = f"{CASES}/{case['id']}"
    content = PNG + b"s3-" + str(case["id"]).encode()
    sha = hashlib.sha256(content).hexdigest()
    res = upload(api, base, content, name="现场照片.png", kind="minutes")
    assert res.status_code == 201, res.json
    assert res.json["sha256"] == sha
    assert f"{sha[:2]}/{sha}" in _objects(s3_endpoint)
    again = upload(api, base, content, name="现场照片（重复）.png", kind="minutes")
    assert again.status_code == 201
    assert _objects(s3_endpoint).count(f"{sha[:2]}/{sha}") == 1

    got = api.get(f"{base}/attachments/{res.json['id']}?inline=1")
    assert got.status_code == 200 and got.data == content
    assert got.headers["Content-Type"] == "image/png"
    assert got.headers["Content-Disposition"].startswith("inline;")
    assert got.headers["X-Content-Type-Options"] == "nosniff"
    assert got.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
    res = api.delete(f"{base}/attachments/{res.json['id']}", json={"reason": "重复上传"})
    assert res.status_code == 200
    assert f"{sha[:2]}/{sha}" in _objects(s3_endpoint)  # the bytes stay


@pytest.mark.parametrize(
    ("data", "name", "status"),
    [
        (b"<html><script>alert(1)</script></html>", "x.pdf", 415),
        (b"MZ\x90\x00" + b"\x00" * 100, "x.pdf", 415),
        (b"", "x.pdf", 422),
        (PDF, "../x.pdf", 422),
    ],
)
def test_a_refusal_puts_nothing(
    s3_app: Flask, s3_endpoint: str, api: Api, case: Any, data: bytes, name: str, status: int
) -> None:
    from service.operations.engines import attachments

    with s3_app.app_context():
        before_files = attachments.storage().files()
    before = fingerprint(s3_app), _objects(s3_endpoint)
    res = upload(api, f"{CASES}/{case['id']}", data, name=name)
    assert res.status_code == status, res.json
    assert (fingerprint(s3_app), _objects(s3_endpoint)) == before
    with s3_app.app_context():
        assert attachments.storage().files() == before_files
