"""常用意见 through the API: each user's own list, in order, with Chinese field errors (length, limit,
duplicate), another user's id answered 404, the examples added on request only, an audit record per change."""

from __future__ import annotations

import dataclasses

from flask import Flask

from tests.support.database import fingerprint
from tests.support.world import Api

MINE = "/api/v1/me/opinions"


def _texts(api: Api, who: str) -> list[str]:
    res = api.get(MINE, as_=who)
    assert res.status_code == 200, res.json
    return [o["text"] for o in res.json]


def test_add_list_in_order_and_delete(api: Api) -> None:
    assert _texts(api, "approver@east_t1") == []
    first = api.post(MINE, as_="approver@east_t1", json={"text": " 同意。 "})
    assert first.status_code == 201, first.json
    assert first.json["text"] == "同意。"
    second = api.post(MINE, as_="approver@east_t1", json={"text": "请补充党员名册。\n请说明组织形式依据。"})
    assert second.status_code == 201
    assert _texts(api, "approver@east_t1") == ["同意。", "请补充党员名册。\n请说明组织形式依据。"]
    gone = api.delete(f"{MINE}/{first.json['id']}", as_="approver@east_t1")
    assert gone.status_code == 200 and gone.json["text"] == "同意。"
    assert _texts(api, "approver@east_t1") == ["请补充党员名册。\n请说明组织形式依据。"]
    # deleted text may be saved again, and goes last
    api.post(MINE, as_="approver@east_t1", json={"text": "同意。"})
    assert _texts(api, "approver@east_t1")[-1] == "同意。"


def test_each_user_sees_and_deletes_only_their_own(app: Flask, api: Api) -> None:
    mine = api.post(MINE, as_="approver@east_t1", json={"text": "同意。"}).json
    api.post(MINE, as_="approver@west_t1", json={"text": "同意上报。"})
    assert _texts(api, "approver@west_t1") == ["同意上报。"]
    assert _texts(api, "admin@city") == []  # not even an admin above sees another's
    before = fingerprint(app)
    for who in ("approver@west_t1", "admin@city", "approver@east"):
        res = api.delete(f"{MINE}/{mine['id']}", as_=who)
        assert res.status_code == 404, (who, res.json)
        assert res.json["message"] == "资源不存在"
    assert api.delete(f"{MINE}/99999999", as_="approver@east_t1").status_code == 404
    assert fingerprint(app) == before
    assert _texts(api, "approver@east_t1") == ["同意。"]


def test_refusals_are_chinese_field_errors_and_change_nothing(app: Flask, api: Api) -> None:
    api.post(MINE, as_="handler@east", json={"text": "同意。"})
    before = fingerprint(app)
    for body, message in (
        ({"text": "同意。"}, "该常用意见已保存"),
        ({"text": "  同意。\n"}, "该常用意见已保存"),
        ({"text": "   "}, None),
        ({"text": "意" * 201}, None),
        ({}, None),
    ):
        res = api.post(MINE, as_="handler@east", json=body)
        assert res.status_code == 422, (body, res.json)
        errors = res.json["errors"]["json"]["text"]
        assert errors and all(any("\u4e00" <= ch <= "\u9fff" for ch in e) for e in errors), errors
        if message:
            assert errors == [message]
    assert api.post(MINE, as_="handler@east", json={"text": "x", "extra": 1}).status_code == 422
    assert fingerprint(app) == before


def test_the_limit_is_a_setting(app: Flask, api: Api) -> None:
    app.config["SETTINGS"] = dataclasses.replace(app.config["SETTINGS"], saved_opinions_max=2)
    for text in ("一", "二"):
        assert api.post(MINE, as_="supervisor@east", json={"text": text}).status_code == 201
    res = api.post(MINE, as_="supervisor@east", json={"text": "三"})
    assert res.status_code == 422
    assert res.json["errors"]["json"]["text"] == ["常用意见最多保存2条，请先删除不用的"]
    assert res.json["detail"] == {"limit": 2}
    # another user's list is their own
    assert api.post(MINE, as_="supervisor@west_t1", json={"text": "三"}).status_code == 201


def test_every_change_is_audited_under_the_user(api: Api) -> None:
    added = api.post(MINE, as_="approver@east_t1", json={"text": "同意。"}).json
    api.delete(f"{MINE}/{added['id']}", as_="approver@east_t1")
    res = api.get("/api/v1/audit?subject_type=user", as_="admin@city")
    assert res.status_code == 200, res.json
    actions = [e["action"] for e in res.json if e["action"].startswith("user.opinion")]
    assert actions.count("user.opinion_add") == 1 and actions.count("user.opinion_delete") == 1
