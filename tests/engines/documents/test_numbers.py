"""Document numbers under concurrency: no gap, no duplicate; a rolled-back issue leaves no gap."""

from __future__ import annotations

import re
import threading

import pytest
from flask import Flask

from service.db import transaction
from service.extensions import db
from service.models import IssuedDocument
from service.operations.engines import document_numbers
from tests.support.documents import text_of
from tests.support.supervision import TICKETS, issued
from tests.support.world import Api, World

THREADS = 12


@pytest.mark.commits
def test_concurrent_first_downloads_get_numbers_one_to_n(app: Flask, world: World) -> None:
    api = Api(app.test_client(), world)
    tickets = [issued(api)["id"] for _ in range(THREADS)]
    barrier = threading.Barrier(THREADS)
    results: dict[int, tuple[int, bytes]] = {}

    def download(ticket_id: int) -> None:
        client = Api(app.test_client(), world)
        barrier.wait()
        res = client.get(f"{TICKETS}/{ticket_id}/document.docx", as_="supervisor@east")
        results[ticket_id] = (res.status_code, bytes(res.data))

    threads = [threading.Thread(target=download, args=(t,)) for t in tickets]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert {status for status, _ in results.values()} == {200}
    numbers = sorted(int(re.search(r"东县督〔2026〕(\d+)号", text_of(data)).group(1)) for _, data in results.values())  # type: ignore[union-attr]
    assert numbers == list(range(1, THREADS + 1))
    with app.app_context():
        serials = sorted(d.serial for d in db.session.query(IssuedDocument))
        db.session.remove()
    assert serials == list(range(1, THREADS + 1))


@pytest.mark.commits
def test_concurrent_downloads_of_one_ticket_issue_one_document(app: Flask, world: World) -> None:
    api = Api(app.test_client(), world)
    ticket = issued(api)["id"]
    barrier = threading.Barrier(6)
    texts: list[str] = []

    def download() -> None:
        client = Api(app.test_client(), world)
        barrier.wait()
        res = client.get(f"{TICKETS}/{ticket}/document.docx", as_="supervisor@east")
        assert res.status_code == 200
        texts.append(text_of(res.data))

    threads = [threading.Thread(target=download) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(texts) == 6 and len(set(texts)) == 1 and "东县督〔2026〕1号" in texts[0]
    with app.app_context():
        assert db.session.query(IssuedDocument).count() == 1
        db.session.remove()


def test_a_rolled_back_issue_leaves_no_gap(app: Flask, world: World) -> None:
    body = world.ids["east"]
    with app.app_context():
        with transaction():
            assert document_numbers.allocate(body, "circular", 2026) == 1
        with pytest.raises(RuntimeError), transaction():
            assert document_numbers.allocate(body, "circular", 2026) == 2
            raise RuntimeError("the document could not be recorded")
        with transaction():
            assert document_numbers.allocate(body, "circular", 2026) == 2
            assert document_numbers.allocate(body, "circular", 2027) == 1
            assert document_numbers.allocate(body, "interview_notice", 2026) == 1
