"""The pure SVG state diagrams: every state and transition drawn with its Chinese label, the current state
highlighted, the path taken marked, well-formed and deterministic."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from workflows.diagram import Step, TrailEntry, path_from_trail, render_svg
from workflows.diagram_layout import layout
from workflows.establishment import ESTABLISHMENT
from workflows.interview import INTERVIEW
from workflows.machine import StateDef, TransitionDef, WorkflowDefinition
from workflows.registry import WORKFLOWS
from workflows.supervision import SUPERVISION_TICKET

NS = {"s": "http://www.w3.org/2000/svg"}


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # raises on anything not well-formed


def states(root: ET.Element) -> dict[str, ET.Element]:
    return {g.get("data-state", ""): g for g in root.iterfind(".//s:g[@data-state]", NS)}


def edges(root: ET.Element) -> list[ET.Element]:
    return list(root.iterfind(".//s:g[@data-event]", NS))


def classes(el: ET.Element) -> set[str]:
    return set((el.get("class") or "").split())


def texts(el: ET.Element) -> list[str]:
    return [t.text or "" for t in el.iterfind(".//s:text", NS)]


@pytest.mark.parametrize("name", sorted(WORKFLOWS))
def test_every_state_and_transition_is_drawn_with_its_chinese_label(name: str) -> None:
    definition = WORKFLOWS[name]
    root = parse(render_svg(definition))
    drawn = states(root)
    assert set(drawn) == {s.name for s in definition.states}
    for s in definition.states:
        assert texts(drawn[s.name]) == [s.label_zh]
        assert ("dg-terminal" in classes(drawn[s.name])) == s.terminal
    assert "dg-initial" in classes(drawn[definition.initial])
    arrows = {(e.get("data-source"), e.get("data-dest"), e.get("data-event")) for e in edges(root)}
    assert arrows == {(src, t.dest, t.event) for t in definition.transitions for src in t.sources}
    # Every transition's label appears at least once (a fan-in of one event labels one arrow).
    shown = {text for e in edges(root) for text in texts(e)}
    assert shown == {t.label_zh for t in definition.transitions}
    # Nothing highlighted without a current state or a path.
    assert not root.findall(".//s:g[@aria-current]", NS)
    assert not [e for e in edges(root) if "dg-taken" in classes(e)]


def test_output_is_deterministic_and_self_contained() -> None:
    path = [Step("draft", "issued", "issue")]
    first = render_svg(SUPERVISION_TICKET, "issued", path)
    layout.cache_clear()
    assert render_svg(SUPERVISION_TICKET, "issued", path) == first
    assert "http://" not in first.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert " id=" not in first  # several diagrams can share a page
    assert "<script" not in first


def test_boxes_do_not_overlap_and_stay_on_the_canvas() -> None:
    for definition in WORKFLOWS.values():
        geo = layout(definition)
        boxes = [
            (n.x - n.width / 2, n.y - n.height / 2, n.x + n.width / 2, n.y + n.height / 2) for n in geo.nodes.values()
        ]
        for i, a in enumerate(boxes):
            assert a[0] >= 0 and a[1] >= 0 and a[2] <= geo.width and a[3] <= geo.height, definition.name
            for b in boxes[i + 1 :]:
                assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), definition.name


def test_layers_follow_the_flow_and_terminal_states_sink() -> None:
    nodes = layout(SUPERVISION_TICKET).nodes
    chain = ["draft", "issued", "acknowledged", "rectifying", "submitted", "closed"]
    ys = [nodes[s].y for s in chain]
    assert ys == sorted(ys) and len(set(ys)) == len(ys)
    assert nodes["cancelled"].y == nodes["closed"].y  # below every state it can be reached from
    # The back edge (退回重新整改) points up; its arrow ends on the box it returns to.
    back = next(e for e in layout(SUPERVISION_TICKET).edges if e.key[2] == "return_for_rework")
    assert back.back and back.points[-1][1] < back.points[0][1]


def test_current_state_highlighted_and_path_marked() -> None:
    path = [
        Step("draft", "issued", "issue"),
        Step("issued", "acknowledged", "acknowledge"),
        Step("acknowledged", "rectifying", "start_rectification"),
        Step("rectifying", "submitted", "submit_report"),
        Step("submitted", "rectifying", "return_for_rework"),
        Step("rectifying", "submitted", "submit_report"),
    ]
    root = parse(render_svg(SUPERVISION_TICKET, "submitted", path))
    drawn = states(root)
    assert [s for s, g in drawn.items() if "dg-current" in classes(g)] == ["submitted"]
    assert drawn["submitted"].get("aria-current") == "step"
    assert {s for s, g in drawn.items() if "dg-visited" in classes(g)} == {
        "draft",
        "issued",
        "acknowledged",
        "rectifying",
        "submitted",
    }
    taken = {e.get("data-event"): e for e in edges(root) if "dg-taken" in classes(e)}
    assert set(taken) == {"issue", "acknowledge", "start_rectification", "submit_report", "return_for_rework"}
    assert taken["submit_report"].get("data-steps") == "4,6"  # taken twice, in this order
    assert taken["return_for_rework"].get("data-steps") == "5"
    for e in edges(root):
        stroke = e.find("s:path", NS)
        assert stroke is not None
        assert (stroke.get("stroke") == "#dc2626") == ("dg-taken" in classes(e))
    assert "当前「已报送整改情况」" in (root.get("aria-label") or "")
    assert root.find(".//s:g[@class='dg-legend']", NS) is not None


def test_a_quiet_fan_in_arrow_shows_its_label_once_taken() -> None:
    quiet = next(e for e in layout(SUPERVISION_TICKET).edges if e.quiet)
    step = Step(*quiet.key)
    root = parse(render_svg(SUPERVISION_TICKET, step.dest, [step]))
    marked = next(e for e in edges(root) if "dg-taken" in classes(e))
    assert texts(marked) == [quiet.label]


def test_self_loop_drawn_and_marked() -> None:
    root = parse(render_svg(INTERVIEW, "scheduled", [Step("scheduled", "scheduled", "reschedule")]))
    loop = next(e for e in edges(root) if e.get("data-event") == "reschedule")
    assert "dg-taken" in classes(loop)
    assert "dg-visited" in classes(states(root)["scheduled"])


def test_unknown_state_or_step_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown state"):
        render_svg(ESTABLISHMENT, "nowhere")
    with pytest.raises(ValueError, match="no transition"):
        render_svg(ESTABLISHMENT, "founded", [Step("preparing", "founded", "found")])


def test_labels_are_escaped() -> None:
    odd = WorkflowDefinition(
        name="odd",
        label_zh="<测试&流程>",
        states=[StateDef("a", "甲<&>"), StateDef("b", '乙"', terminal=True)],
        transitions=[TransitionDef("go", ("a",), "b", "走&")],
        initial="a",
    )
    root = parse(render_svg(odd, "a"))
    assert texts(states(root)["a"]) == ["甲<&>"]
    assert root.get("aria-label") == "<测试&流程>：当前「甲<&>」"


def test_path_from_trail_reads_the_audit_actions() -> None:
    trail = [
        TrailEntry("supervision_ticket.create", None, {"state": "draft"}),
        TrailEntry("supervision_ticket.update", {"title": "a"}, {"title": "b"}),
        TrailEntry("supervision_ticket.issue", {"state": "draft"}, {"state": "issued"}),
        TrailEntry("supervision_ticket.escalate", {"escalation_level": None}, {"escalation_level": "reminder"}),
        TrailEntry("supervision_ticket.acknowledge", {"state": "issued"}, {"state": "acknowledged"}),
        TrailEntry("establishment.submit", {"state": "acknowledged"}, {"state": "submitted"}),  # other workflow
        TrailEntry("supervision_ticket.start_rectification", {"state": "acknowledged"}, {"state": "rectifying"}),
    ]
    assert path_from_trail(SUPERVISION_TICKET, trail) == [
        Step("draft", "issued", "issue"),
        Step("issued", "acknowledged", "acknowledge"),
        Step("acknowledged", "rectifying", "start_rectification"),
    ]
    # A self-loop records no state change; it is still a step.
    assert path_from_trail(
        INTERVIEW, [TrailEntry("interview.reschedule", {"scheduled_at": 1}, {"scheduled_at": 2})]
    ) == [Step("scheduled", "scheduled", "reschedule")]
    # An action that does not fit the state it claims is not drawn as a step.
    assert path_from_trail(SUPERVISION_TICKET, [TrailEntry("supervision_ticket.close", {"state": "draft"}, None)]) == []
