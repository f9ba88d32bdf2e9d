"""GET /api/v1/workflows/<name>/diagram.svg: the server-side SVG state diagram for portals."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tests.support.world import Api

WF = "/api/v1/workflows"
NS = {"s": "http://www.w3.org/2000/svg"}


def test_svg_diagram_with_chinese_labels(api: Api) -> None:
    r = api.get(f"{WF}/establishment/diagram.svg", as_="portal@east")
    assert r.status_code == 200
    assert r.mimetype == "image/svg+xml"
    root = ET.fromstring(r.get_data(as_text=True))
    labels = {g.get("data-state"): g.find("s:text", NS).text for g in root.iterfind(".//s:g[@data-state]", NS)}  # type: ignore[union-attr]
    assert labels["preparing"] == "筹备中" and labels["founded"] == "已成立"
    assert not root.findall(".//s:g[@aria-current]", NS)


def test_current_state_highlighted(api: Api) -> None:
    r = api.get(f"{WF}/supervision_ticket/diagram.svg?current=rectifying", as_="handler@east")
    assert r.status_code == 200
    root = ET.fromstring(r.get_data(as_text=True))
    current = root.findall(".//s:g[@aria-current='step']", NS)
    assert [g.get("data-state") for g in current] == ["rectifying"]


def test_unknown_state_is_422_and_unknown_workflow_404(api: Api) -> None:
    r = api.get(f"{WF}/supervision_ticket/diagram.svg?current=nowhere", as_="handler@east")
    assert r.status_code == 422
    assert "没有状态" in r.json["errors"]["query"]["current"][0]
    r = api.get(f"{WF}/supervision_ticket/diagram.svg?current=" + "x" * 65, as_="handler@east")
    assert r.status_code == 422
    assert api.get(f"{WF}/nope/diagram.svg", as_="handler@east").status_code == 404


def test_documented_in_openapi(api: Api) -> None:
    spec = api.get("/api/openapi.json", as_=None).json
    op = spec["paths"]["/api/v1/workflows/{name}/diagram.svg"]["get"]
    assert "image/svg+xml" in op["responses"]["200"]["content"]
    assert any(p["name"] == "current" and p["in"] == "query" for p in op["parameters"])
