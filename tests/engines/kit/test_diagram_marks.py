"""The approval actions on the pure SVG diagram: read from the trail with the state and step they belong to,
who, to whom and when (China time), ordered by time, a badge per state with their count and the list under
the diagram — escaped, legible with many on one state."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

from workflows.diagram import Step, render_svg
from workflows.diagram_layout import layout
from workflows.diagram_marks import Mark, TrailEntry, marks_from_trail, people_named
from workflows.establishment import ESTABLISHMENT
from workflows.supervision import SUPERVISION_TICKET

NS = {"s": "http://www.w3.org/2000/svg"}
T0 = datetime(2026, 9, 25, 1, 30, tzinfo=UTC)  # 09:30 in Beijing
LEVELS = {"superior_review": "审查", "county_approval": "县级审批"}


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def trail() -> list[TrailEntry]:
    """A case submitted, reviewed by the township, sent on to the county, acted on there, and copied once
    approved (the records the engine writes, in its order)."""
    step1 = {"step_id": 11, "level": "superior_review", "body": "东镇党委"}
    step2 = {"step_id": 12, "level": "county_approval", "body": "东县县委组织部"}
    task1, task2 = {"task_id": 21, "step_id": 11}, {"task_id": 22, "step_id": 12}
    return [
        TrailEntry("establishment.create", None, {"state": "preparing"}, at(0), "申请人"),
        TrailEntry("establishment.submit", {"state": "preparing"}, {"state": "submitted"}, at(1), "申请人"),
        TrailEntry("approval_step.open", None, step1, at(1), "申请人"),
        TrailEntry("task.delegate", None, {**task1, "delegate_to": 7}, at(2), "王审批"),
        TrailEntry("task.approve", None, task1, at(3), "李审批"),
        TrailEntry("approval_step.open", None, step2, at(3), "李审批"),
        TrailEntry("task.take_back", None, task1, at(4), "李审批"),
        TrailEntry("task.urge", None, {"urge_id": 1, "task_id": 21, "notified": 1}, at(5), "申请人"),
        TrailEntry("task.add_approvers", None, {**task1, "people": [8, 9]}, at(6), "李审批"),
        TrailEntry("task.approve", None, task1, at(7), "李审批"),
        TrailEntry("approval_step.open", None, step2, at(7), "李审批"),
        TrailEntry("task.return_to", None, task2, at(8), "赵县委"),
        TrailEntry("approval_step.open", None, {**step1, "step_id": 13}, at(8), "赵县委"),
        TrailEntry("task.consult", None, {"task_id": 23, "step_id": 13, "delegate_to": 9}, at(9), "李审批"),
        TrailEntry("establishment.approve", {"state": "submitted"}, {"state": "approved"}, at(10), None),
        TrailEntry("establishment.copy", None, {"copy_id": 1, "recipient": "陈阅知"}, at(11), "申请人"),
        TrailEntry("establishment.copy", None, {"copy_id": 2, "recipient": "周阅知"}, at(11), "申请人"),
    ]


NAMES = {7: "钱同事", 8: "孙同事", 9: "周同事"}


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_no_marks_draws_the_diagram_as_before() -> None:
    plain = render_svg(ESTABLISHMENT, "submitted", [Step("preparing", "submitted", "submit")])
    assert render_svg(ESTABLISHMENT, "submitted", [Step("preparing", "submitted", "submit")], []) == plain
    root = parse(plain)
    assert not root.findall(".//s:g[@class='dg-marks']", NS) and not root.findall(".//s:g[@class='dg-mark']", NS)
    assert marks_from_trail(ESTABLISHMENT, trail()[:3], NAMES) == []


def test_marks_read_from_the_trail_with_who_whom_when_and_step() -> None:
    marks = marks_from_trail(ESTABLISHMENT, trail(), NAMES, LEVELS)
    assert [(m.state, m.label, m.actor, m.whom, m.step) for m in marks] == [
        ("submitted", "转办", "王审批", "钱同事", "东镇党委审查"),
        ("submitted", "拿回", "李审批", None, "东镇党委审查"),
        ("submitted", "催办", "申请人", None, "东镇党委审查"),  # the step open when urged (reopened by 拿回)
        ("submitted", "加签", "李审批", "孙同事、周同事", "东镇党委审查"),
        ("submitted", "退回至此前环节", "赵县委", "东镇党委审查", "东县县委组织部县级审批"),
        ("submitted", "委派", "李审批", "周同事", "东镇党委审查"),
        ("approved", "抄送", "申请人", "陈阅知、周阅知", None),  # one copy to two people: one mark
    ]
    assert marks[0].when == "2026-09-25 09:32"  # China civil time
    assert marks[0].at.utcoffset() == timedelta(hours=8)
    assert marks[0].text == "王审批 · 转办 → 钱同事（东镇党委审查） · 2026-09-25 09:32"
    assert people_named(trail()) == {7, 8, 9}


def test_marks_are_ordered_by_time_whatever_the_trail_order() -> None:
    shuffled = [trail()[i] for i in (0, 1, 2, 8, 3, 7)]
    marks = marks_from_trail(ESTABLISHMENT, shuffled, NAMES)
    assert [m.label for m in marks] == ["转办", "催办", "加签"]
    assert [m.at for m in marks] == sorted(m.at for m in marks)
    root = parse(render_svg(ESTABLISHMENT, "submitted", [], marks))
    rows = root.findall(".//s:g[@class='dg-mark']", NS)
    assert [r.get("data-action") for r in rows] == ["task.delegate", "task.urge", "task.add_approvers"]


def test_marks_on_several_states_each_with_a_badge_and_a_group() -> None:
    marks = marks_from_trail(ESTABLISHMENT, trail(), NAMES, LEVELS)
    root = parse(render_svg(ESTABLISHMENT, "approved", [], marks))
    badges = {g.get("data-state"): g for g in root.iterfind(".//s:g[@class='dg-marks']", NS)}
    assert {s: g.get("data-count") for s, g in badges.items()} == {"submitted": "6", "approved": "1"}
    tip = badges["submitted"].find("s:title", NS).text or ""  # type: ignore[union-attr]
    assert tip.splitlines()[0] == "审批中：6项办理动作"
    assert "王审批 · 转办 → 钱同事（东镇党委审查） · 2026-09-25 09:32" in tip.splitlines()
    headings = [t.text for t in root.iterfind(".//s:text[@class='dg-mark-state']", NS)]
    assert headings == ["审批中 · 6项", "已批复 · 1项"]
    rows = root.findall(".//s:g[@class='dg-mark']", NS)
    assert len(rows) == 7
    assert [t.text for t in rows[-1].iterfind("s:text", NS)] == ["2026-09-25 09:41", "申请人 · 抄送 → 陈阅知、周阅知"]
    assert "办理动作7项" in (root.get("aria-label") or "")


def test_many_marks_on_one_state_stay_legible() -> None:
    marks = [Mark("submitted", "task.urge", "催办", f"催办人{i:02d}", at(i)) for i in range(20)]
    svg = render_svg(ESTABLISHMENT, "submitted", [], marks)
    root = parse(svg)
    [badge] = root.findall(".//s:g[@class='dg-marks']", NS)
    assert badge.get("data-count") == "20" and badge.find("s:text", NS).text == "20"  # type: ignore[union-attr]
    rows = root.findall(".//s:g[@class='dg-mark']", NS)
    ys = [float(r.find("s:text", NS).get("y") or 0) for r in rows]  # type: ignore[union-attr]
    assert len(ys) == 20 and all(b - a >= 18 for a, b in itertools.pairwise(ys))  # one row each, no overlap
    geo = layout(ESTABLISHMENT)
    height = float(root.get("height") or 0)
    assert ys[0] > geo.height and ys[-1] < height  # under the diagram, inside the picture
    badge_x = float(badge.find("s:circle", NS).get("cx") or 0)  # type: ignore[union-attr]
    node = geo.nodes["submitted"]
    assert abs(badge_x - (node.x + node.width / 2)) < 5  # on the corner of its own box


def test_names_and_texts_are_escaped() -> None:
    entries = [
        TrailEntry("establishment.submit", {"state": "preparing"}, {"state": "submitted"}, at(0), "x"),
        TrailEntry("task.delegate", None, {"delegate_to": 7}, at(1), "<script>alert(1)</script>"),
        TrailEntry("establishment.copy", None, {"recipient": 'a"&b'}, at(2), "<b>"),
    ]
    marks = marks_from_trail(ESTABLISHMENT, entries, {7: "</text><svg onload=x>"})
    svg = render_svg(ESTABLISHMENT, "submitted", [], marks)
    assert "<script>" not in svg and "<svg onload" not in svg and "<b>" not in svg
    root = parse(svg)
    rows = root.findall(".//s:g[@class='dg-mark']", NS)
    assert rows[0].findall("s:text", NS)[1].text == "<script>alert(1)</script> · 转办 → </text><svg onload=x>"
    assert rows[1].findall("s:text", NS)[1].text == '<b> · 抄送 → a"&b'


def test_ticket_marks_urge_and_copy_in_the_ticket_state() -> None:
    entries = [
        TrailEntry("supervision_ticket.create", None, {"state": "draft"}, at(0), "督查员"),
        TrailEntry("supervision_ticket.issue", {"state": "draft"}, {"state": "issued"}, at(1), "督查员"),
        TrailEntry("ticket.urge", None, {"urge_id": 3, "ticket_id": 5}, at(2), "督查员"),
        TrailEntry("supervision_ticket.copy", None, {"recipient": "陈阅知"}, at(3), "督查员"),
        TrailEntry("supervision_ticket.system_note", None, None, None, None),  # no time: not a mark
    ]
    marks = marks_from_trail(SUPERVISION_TICKET, entries, {})
    assert [(m.state, m.label, m.whom) for m in marks] == [("issued", "催办", None), ("issued", "抄送", "陈阅知")]
    assert parse(render_svg(SUPERVISION_TICKET, "issued", [], marks)).find(".//s:g[@class='dg-marks']", NS) is not None


def test_deterministic() -> None:
    marks = marks_from_trail(ESTABLISHMENT, trail(), NAMES, LEVELS)
    assert render_svg(ESTABLISHMENT, "approved", [], marks) == render_svg(ESTABLISHMENT, "approved", [], marks)
