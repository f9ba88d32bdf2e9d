"""GET /api/v1/workflows: states and transitions with Chinese labels, and the Mermaid state diagram."""

from __future__ import annotations

import re

from tests.support.establishment import CASES, approved_branch, get_case
from tests.support.world import Api

WF = "/api/v1/workflows"
CJK = re.compile(r"[\u4e00-\u9fff]")

STATE_LABELS = {
    "preparing": "筹备中",
    "submitted": "审批中",
    "returned": "已退回",
    "approved": "已批复",
    "founded": "已成立",
    "rejected": "未批准",
    "withdrawn": "已撤回",
    "cancelled": "已取消",
}
TRANSITIONS = {
    ("submit", "submitted"): {"preparing", "returned"},
    ("approve", "approved"): {"submitted"},
    ("reject", "rejected"): {"submitted"},
    ("return_for_changes", "returned"): {"submitted"},
    ("withdraw", "withdrawn"): {"preparing", "submitted", "returned"},
    ("found", "founded"): {"approved"},
    ("cancel", "cancelled"): {"preparing", "returned", "approved"},
}


def test_list_describes_every_workflow(api: Api) -> None:
    r = api.get(WF, as_="instructor@east_t1")
    assert r.status_code == 200, r.json
    by_name = {w["name"]: w for w in r.json}
    assert "establishment" in by_name
    for wf in r.json:
        assert CJK.search(wf["label"]), wf["name"]
        assert wf["initial"] in {s["name"] for s in wf["states"]}
        assert all(CJK.search(s["label"]) for s in wf["states"]), wf["name"]
        assert all(CJK.search(t["label"]) for t in wf["transitions"]), wf["name"]
    assert api.get(WF).status_code == 200
    assert api.get(WF, as_=None).status_code == 401


def test_establishment_states_and_transitions(api: Api) -> None:
    r = api.get(f"{WF}/establishment", as_="portal@east")
    assert r.status_code == 200, r.json
    wf = r.json
    assert wf["label"] == "建立党组织" and wf["initial"] == "preparing"
    assert {s["name"]: s["label"] for s in wf["states"]} == STATE_LABELS
    terminal = {s["name"] for s in wf["states"] if s["terminal"]}
    assert terminal == {"founded", "rejected", "withdrawn", "cancelled"}
    assert [s["name"] for s in wf["states"] if s["initial"]] == ["preparing"]
    got = {(t["event"], t["dest"]): set(t["sources"]) for t in wf["transitions"]}
    assert got == TRANSITIONS
    labels = {t["event"]: t["label"] for t in wf["transitions"]}
    assert labels["submit"] == "提交请示" and labels["return_for_changes"] == "退回修改"
    assert [t["event"] for t in wf["transitions"] if t["guarded"]] == ["found"]
    assert api.get(f"{WF}/nonexistent").status_code == 404


def test_allowed_actions_on_a_case_agree_with_the_description(api: Api) -> None:
    wf = api.get(f"{WF}/establishment").json
    case = approved_branch(api)
    expected = [t["event"] for t in wf["transitions"] if "approved" in t["sources"]]
    got = get_case(api, case["id"])  # an admin may take every action the state allows
    assert got["allowed_actions"] == expected == ["found", "cancel"]
    assert got["state_label"] == STATE_LABELS["approved"]
    listed = api.get(f"{CASES}?state=approved", as_="portal@east").json
    assert [c["id"] for c in listed] == [case["id"]]


def test_diagram_is_mermaid_text(api: Api) -> None:
    r = api.get(f"{WF}/establishment/diagram", as_="handler@east")
    assert r.status_code == 200
    assert r.mimetype == "text/vnd.mermaid"
    body = r.get_data(as_text=True)
    assert "stateDiagram" in body
    for name, label in STATE_LABELS.items():
        assert name in body and label in body
    assert re.search(r"submitted --> approved\s*:\s*批复同意", body)
    assert "[*] --> preparing" in body
    for terminal in ("founded", "rejected", "withdrawn", "cancelled"):
        assert f"{terminal} --> [*]" in body
    assert api.get(f"{WF}/nonexistent/diagram").status_code == 404
