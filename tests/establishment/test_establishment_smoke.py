from tests.support.factories import unit_payload
from tests.support.world import Api


def test_primary_committee_two_levels(api: Api) -> None:
    unit = api.post(
        "/api/v1/units",
        json=unit_payload(api.world.ids["east_t1"], employees=800, formal_members=120, probationary_members=6),
        as_="portal@east",
    ).json
    case = api.post(
        "/api/v1/establishment-cases",
        as_="portal@east",
        json={"unit_ids": [unit["id"]], "form": "primary_committee", "proposed_name": "某某公司委员会"},
    )
    assert case.status_code == 201, case.json
    cid = case.json["id"]
    sub = api.post(f"/api/v1/establishment-cases/{cid}/submit", as_="portal@east")
    assert sub.status_code == 200, sub.json
    assert sub.json["state"] == "submitted"
    inbox = api.get("/api/v1/tasks/inbox", as_="approver@east_t1")
    assert inbox.status_code == 200, inbox.json
    assert len(inbox.json) == 1
    task = inbox.json[0]
    d = api.post(f"/api/v1/tasks/{task['id']}/decide", as_="approver@east_t1", json={"action": "approve"})
    assert d.status_code == 200, d.json
    inbox = api.get("/api/v1/tasks/inbox", as_="approver@east")
    assert len(inbox.json) == 1, inbox.json
    v = api.post(
        f"/api/v1/tasks/{inbox.json[0]['id']}/vote",
        as_="approver@east",
        json={"members": 9, "present": 7, "votes_for": 6, "votes_against": 1, "approval_doc_no": "东组复〔2026〕12号"},
    )
    assert v.status_code == 200, v.json
    got = api.get(f"/api/v1/establishment-cases/{cid}", as_="portal@east").json
    assert got["state"] == "approved"
    f = api.post(
        f"/api/v1/establishment-cases/{cid}/found",
        as_="portal@east",
        json={
            "held_on": "2026-09-25",
            "entitled": 120,
            "present": 110,
            "secretary": "王书记",
            "elected": [{"name": n, "votes": 100} for n in ["王书记", "李委员", "张委员", "赵委员", "钱委员"]],
        },
    )
    assert f.status_code == 200, f.json
    assert f.json["state"] == "founded"
    org = api.get(f"/api/v1/party-orgs/{f.json['party_org_id']}", as_="portal@east").json
    assert org["kind"] == "primary_committee" and org["term_due_on"] == "2031-09-25"
