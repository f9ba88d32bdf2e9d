"""The import through a real RQ worker on the real Redis: the API enqueues, a worker runs the job, the caller
polls. The worker runs in-process (SimpleWorker, burst), with its own database sessions: real commits."""

from __future__ import annotations

import pytest
from flask import Flask
from rq import Queue, SimpleWorker
from sqlalchemy import select

from service.extensions import db
from service.models import Unit
from tests.support.excel import IMPORTS, upload, xlsx
from tests.support.factories import new_credit_code
from tests.support.world import Api, World
from workers import jobs

pytestmark = pytest.mark.commits


def test_the_api_enqueues_and_a_worker_imports(app: Flask, api: Api, world: World) -> None:
    redis = app.extensions["redis"]
    queue = Queue("default", connection=redis)
    queue.empty()
    jobs.use_app(app)
    codes = [new_credit_code() for _ in range(3)]
    res = upload(api, xlsx([[c, f"企业{n}", "非公企业", "east_t1", 60, 3] for n, c in enumerate(codes)]))
    assert res.status_code == 202
    assert api.get(f"{IMPORTS}/{res.json['id']}", as_="admin@east").json["status"] == "queued"
    assert queue.count == 1
    SimpleWorker([queue], connection=redis).work(burst=True)
    status = api.get(f"{IMPORTS}/{res.json['id']}", as_="admin@east").json
    assert (status["status"], status["created_count"], status["progress"]) == ("succeeded", 3, 1.0)
    with app.app_context():
        assert set(db.session.execute(select(Unit.credit_code)).scalars()) == set(codes)
    # the job is idempotent: run again (a duplicate delivery), it finds the import done and changes nothing
    with app.app_context():
        assert jobs.run_unit_import(res.json["id"]) == "skipped"
