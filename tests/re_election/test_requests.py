"""Re-elections through the API: the whole path (request with candidates → the superior body's committee
approves → the general meeting → the organisation's new committee and term, the due list at once), refusals
that change nothing, postponement and advance, returns and withdrawals, If-Match, webhooks."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from service.extensions import db
from service.models import AuditEvent, PartyOrg, WebhookDelivery
from service.models.re_election import ReElection
from tests.support.access.matrix import etag
from tests.support.database import fingerprint
from tests.support.re_election import URL, approve, meeting, ok, org, send_back, slate, submitted
from tests.support.webhooks import register
from tests.support.world import Api, World


def _org(app: Flask, ident: int) -> PartyOrg:
    with app.app_context():
        row = db.session.get(PartyOrg, ident)
        assert row is not None
        db.session.expunge(row)
        db.session.remove()
    return row


def test_the_whole_path(app: Flask, api: Api, world: World) -> None:
    register(api, "admin@city", "https://portal.example.org/hooks", ["*"])
    org_id = org(app, api, formal=9, due_on=date(2026, 12, 1))
    due = ok(api.get(f"{URL}/due?status=due", as_="supervisor@east"))
    assert [(d["party_org"]["id"], d["status"], d["status_label"]) for d in due] == [(org_id, "due", "即将到期")]
    assert ok(api.get(f"{URL}/due/counts", as_="supervisor@east")) == {"due": 1, "overdue": 0}

    r = ok(api.post(URL, as_="handler@east_t1", json=slate(org_id)), 201)
    assert (r["state"], r["kind_label"], r["formal_members"], r["current_due_on"]) == (
        "submitted",
        "换届请示",
        9,
        "2026-12-01",
    )
    assert [s["level_name"] for s in r["steps"]] == ["superior_approval"]  # the establishment chain for a branch
    assert ok(api.get(f"{URL}/due", as_="handler@east_t1"))[0]["open_request"]["id"] == r["id"]

    r = approve(app, api, r["id"])
    assert (r["state"], r["approval_doc_no"], r["approving_body"]) == ("approved", "东一委复〔2026〕21号", "东一镇")
    assert ok(api.get(f"{URL}/{r['id']}", as_="supervisor@east"))["allowed_actions"] == []  # reads only
    r = ok(api.get(f"{URL}/{r['id']}", as_="handler@east_t1"))
    assert r["allowed_actions"] == ["withdraw", "elect"]

    r = ok(api.post(f"{URL}/{r['id']}/election", as_="handler@east_t1", json=meeting()))
    assert (r["state"], r["term_years"], r["term_start"], r["term_due_on"]) == (
        "elected",
        3,
        "2026-09-25",
        "2029-09-25",
    )
    renewed = _org(app, org_id)
    assert (renewed.secretary_name, renewed.committee_size, renewed.term_due_on) == ("李明", 3, date(2029, 9, 25))
    # The due list and the counts reflect it at once.
    assert ok(api.get(f"{URL}/due", as_="supervisor@east")) == []
    assert ok(api.get(f"{URL}/due/counts", as_="supervisor@east")) == {"due": 0, "overdue": 0}
    actions = [h["action"] for h in r["history"]]
    assert actions[0] == "re_election.create" and actions[-1] == "re_election.elect"
    assert "re_election.approve" in actions
    with app.app_context():
        org_audit = db.session.execute(
            select(AuditEvent.action).where(AuditEvent.subject_type == "party_org", AuditEvent.subject_id == org_id)
        ).scalars()
        assert "party_org.re_elected" in set(org_audit)
        sent = set(db.session.execute(select(WebhookDelivery.event)).scalars())
    assert {"re_election.approved", "re_election.elected"} <= sent


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"committee_size": 2, "candidates": ["李明", "张华"]}, "committee_size", "committee_too_small"),
        ({"committee_size": 0, "candidates": ["李明"]}, "committee_size", "committee_required"),
        ({"secretary": "周平"}, "secretary", "secretary_not_candidate"),
        ({"candidates": ["李明", "张华"]}, "candidates", "too_few_candidates"),
        ({"candidates": ["李明", "李明", "张华"]}, "candidates", "duplicate_candidates"),
        ({"candidates": None}, "candidates", "slate_required"),
        ({"kind": "postponement"}, "reason", "reason_required"),
        (
            {"kind": "postponement", "reason": "企业重组", "new_due_on": "2027-12-02"},
            "new_due_on",
            "postponement_too_long",
        ),
        ({"kind": "advance", "reason": "班子调整", "new_due_on": "2027-01-01"}, "new_due_on", "advance_not_earlier"),
        ({"kind": "abroad"}, "kind", "validation_failed"),
        ({"committee_size": "三"}, "committee_size", "validation_failed"),
        ({"extra": 1}, "extra", "validation_failed"),
    ],
)
def test_bad_input_is_refused_with_a_chinese_field_message_and_changes_nothing(
    app: Flask, api: Api, world: World, change: dict[str, Any], field: str, code: str
) -> None:
    data = slate(org(app, api, formal=9), **change)
    before = fingerprint(app)
    res = api.post(URL, as_="handler@east_t1", json=data)
    assert (res.status_code, res.json["code"]) == (422, code), res.json
    assert field in res.json["errors"]["json"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(res.json["errors"]["json"][field]))
    assert fingerprint(app) == before


def test_a_postponement_within_a_year_moves_the_due_date_once_approved(app: Flask, api: Api, world: World) -> None:
    register(api, "admin@city", "https://portal.example.org/hooks", ["*"])
    org_id = org(app, api, due_on=date(2026, 12, 1))
    body = {
        "party_org_id": org_id,
        "kind": "postponement",
        "reason": "企业重组，党员变动较大",
        "new_due_on": "2027-12-01",
    }
    r = ok(api.post(URL, as_="handler@east_t1", json=body), 201)  # exactly one year: allowed
    assert _org(app, org_id).term_due_on == date(2026, 12, 1)  # nothing changes before the approval
    r = approve(app, api, r["id"])
    assert (r["state"], r["state_label"]) == ("changed", "已调整换届日期")
    assert _org(app, org_id).term_due_on == date(2027, 12, 1)
    assert ok(api.get(f"{URL}/due", as_="handler@east_t1")) == []  # beyond the six months now
    with app.app_context():
        assert "re_election.due_date_changed" in set(db.session.execute(select(WebhookDelivery.event)).scalars())


def test_one_open_request_per_organisation_and_scope(app: Flask, api: Api, world: World) -> None:
    r = submitted(app, api)
    again = api.post(URL, as_="handler@east_t1", json=slate(r["party_org"]["id"]))
    assert (again.status_code, again.json["code"]) == (409, "open_request_exists")
    west = org(app, api, "west_t1")
    assert api.post(URL, as_="handler@east_t1", json=slate(west)).status_code == 404
    assert api.post(URL, as_="approver@east_t1", json=slate(west)).status_code == 403
    assert api.get(f"{URL}/{r['id']}", as_="handler@west_t1").status_code == 404
    assert api.get(f"{URL}/due", as_="portal@east_t1").status_code == 403


def test_returned_then_resubmitted_then_withdrawn(app: Flask, api: Api, world: World) -> None:
    r = submitted(app, api)
    send_back(app, api, r["id"])
    r = ok(api.get(f"{URL}/{r['id']}", as_="handler@east_t1"))
    assert (r["state"], r["return_reason"], r["allowed_actions"]) == (
        "returned",
        "请补充候选人情况",
        ["resubmit", "withdraw"],
    )
    bad = api.post(f"{URL}/{r['id']}/resubmit", as_="handler@east_t1", json={"candidates": ["李明"]})
    assert (bad.status_code, bad.json["code"]) == (422, "too_few_candidates")
    stale = f'"re_elections-{r["id"]}-v1"'
    res = api.post(f"{URL}/{r['id']}/resubmit", as_="handler@east_t1", json={}, headers={"If-Match": stale})
    assert res.status_code == 412
    fresh = etag(app, ReElection, r["id"])
    r = ok(
        api.post(
            f"{URL}/{r['id']}/resubmit",
            as_="handler@east_t1",
            json={"candidates": ["李明", "张华", "赵强", "钱进"]},
            headers={"If-Match": fresh},
        )
    )
    assert (r["state"], r["candidates"], len(r["steps"])) == ("submitted", ["李明", "张华", "赵强", "钱进"], 2)
    r = ok(api.post(f"{URL}/{r['id']}/withdraw", as_="handler@east_t1", json={"reason": "推迟换届"}))
    assert r["state"] == "withdrawn" and all(s["status"] != "open" for s in r["steps"])
    res = api.post(f"{URL}/{r['id']}/election", as_="handler@east_t1", json=meeting())
    assert (res.status_code, res.json["code"]) == (409, "transition_not_allowed")


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"present": 7, "entitled": 9}, "meeting_quorum_not_met"),  # 7 of 9 is not more than 4/5
        ({"entitled": 10}, "entitled_exceeds_members"),
        (
            {"elected": [{"name": "李明", "votes": 8}, {"name": "张华", "votes": 4}, {"name": "赵强", "votes": 5}]},
            "candidate_not_elected",
        ),
        (
            {"elected": [{"name": "李明", "votes": 8}, {"name": "张华", "votes": 7}, {"name": "周平", "votes": 5}]},
            "elected_not_candidate",
        ),
        ({"elected": [{"name": "李明", "votes": 8}, {"name": "张华", "votes": 7}]}, "elected_count_mismatch"),
        ({"held_on": "2026-09-26"}, "meeting_in_future"),
    ],
)
def test_the_meeting_is_refused_by_the_founding_rules_and_changes_nothing(
    app: Flask, api: Api, world: World, change: dict[str, Any], code: str
) -> None:
    r = approve(app, api, submitted(app, api)["id"])
    before = fingerprint(app)
    res = api.post(f"{URL}/{r['id']}/election", as_="handler@east_t1", json=meeting(**change))
    assert (res.status_code, res.json["code"]) == (422, code), res.json
    assert fingerprint(app) == before


def test_a_primary_committee_goes_to_the_county_after_the_superior_review(app: Flask, api: Api, world: World) -> None:
    org_id = org(app, api, formal=120, kind="primary_committee")
    r = ok(
        api.post(
            URL,
            as_="handler@east_t1",
            json=slate(org_id, committee_size=5, candidates=["甲", "乙", "丙", "丁", "戊"], secretary="甲"),
        ),
        201,
    )
    assert [s["level_name"] for s in r["steps"]] == ["superior_review"]
    approve(app, api, r["id"], final=False)
    r = ok(api.get(f"{URL}/{r['id']}", as_="admin@east"))
    assert (r["state"], [s["level_name"] for s in r["steps"]]) == ("submitted", ["superior_review", "county_approval"])
    r = approve(app, api, r["id"], approver="approver@east")
    assert r["state"] == "approved"


def test_the_result_report_is_the_elected_meeting_as_a_document(app: Flask, api: Api, world: World) -> None:
    import io

    from docx import Document

    r = approve(app, api, submitted(app, api)["id"])
    early = api.get(f"{URL}/{r['id']}/report.docx", as_="supervisor@east")
    assert (early.status_code, early.json["code"]) == (409, "not_elected")
    ok(api.post(f"{URL}/{r['id']}/election", as_="handler@east_t1", json=meeting()))
    before = fingerprint(app)
    res = api.get(f"{URL}/{r['id']}/report.docx", as_="supervisor@east")
    assert res.status_code == 200 and "re-election-report" in res.headers["Content-Disposition"]
    text = "\n".join(p.text for p in Document(io.BytesIO(res.data)).paragraphs)
    name = r["party_org"]["name"]
    assert f"关于{name}选举结果的报告" in text
    assert "中共东一镇委员会" in text  # addressed to the approving body, as documents name it
    assert "应到会有选举权的正式党员9名，实到会8名" in text
    assert "李明（8票）、张华（7票）、赵强（5票）" in text and "李明同志当选为书记" in text
    assert "2029年9月25日届满" in text
    assert fingerprint(app) == before  # read only: nothing numbered or recorded
    assert api.get(f"{URL}/{r['id']}/report.docx", as_="supervisor@west_t1").status_code == 404
