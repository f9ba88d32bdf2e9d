"""Two adds of one user at the same instant (real threads, one test client each, released by a barrier): the
user's row lock serialises them, so the limit and the duplicate rule hold — one saved, the other refused with
its field message, never a 500 and never one too many."""

from __future__ import annotations

import dataclasses
import threading
from typing import Any

import pytest
from flask import Flask

from tests.support.world import Api, World

pytestmark = pytest.mark.commits

MINE = "/api/v1/me/opinions"
ME = "approver@east_t1"


def _race(app: Flask, world: World, bodies: list[dict[str, Any]]) -> list[tuple[int, Any]]:
    barrier = threading.Barrier(len(bodies))
    results: list[Any] = [None] * len(bodies)

    def run(i: int, body: dict[str, Any]) -> None:
        client = app.test_client()
        try:
            barrier.wait(timeout=30)
            r = client.post(MINE, headers={"Authorization": f"Bearer {world.tokens[ME]}"}, json=body)
            results[i] = (r.status_code, r.get_json())
        except Exception as exc:  # surfaced by the assertions, never swallowed
            results[i] = (-1, {"exception": repr(exc)})

    threads = [threading.Thread(target=run, args=(i, b)) for i, b in enumerate(bodies)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=90)
    assert not any(t.is_alive() for t in threads), "a request hung"
    return results


@pytest.mark.parametrize("round_", range(2))
def test_the_last_place_is_taken_once(app: Flask, api: Api, world: World, round_: int) -> None:
    app.config["SETTINGS"] = dataclasses.replace(app.config["SETTINGS"], saved_opinions_max=2)
    assert api.post(MINE, as_=ME, json={"text": "同意。"}).status_code == 201
    results = _race(app, world, [{"text": "同意上报。"}, {"text": "请补充材料。"}])
    assert sorted(status for status, _ in results) == [201, 422], results
    refused = next(body for status, body in results if status == 422)
    assert refused["code"] == "opinion_limit"
    assert len(api.get(MINE, as_=ME).json) == 2


@pytest.mark.parametrize("round_", range(2))
def test_the_same_text_is_saved_once(app: Flask, api: Api, world: World, round_: int) -> None:
    results = _race(app, world, [{"text": "同意上报。"}, {"text": " 同意上报。 "}])
    assert sorted(status for status, _ in results) == [201, 422], results
    assert next(body for status, body in results if status == 422)["code"] == "opinion_duplicate"
    assert [o["text"] for o in api.get(MINE, as_=ME).json] == ["同意上报。"]
