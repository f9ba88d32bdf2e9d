"""Workflow state diagrams as SVG, drawn in pure Python (no Graphviz, no browser library, no CDN).

`render_svg(definition)` draws a workflow's states (Chinese labels from the declaration) and transitions;
`render_svg(definition, current=..., path=...)` draws the same diagram with the current state highlighted and
the transitions a case took marked (`path_from_trail` reads them from the audit trail's entries), and
`marks=...` adds the approval actions taken in each state (workflows/diagram_marks.py: a badge per state, the
list under the diagram).
The output is deterministic (same input, same bytes) and self-contained: colours are presentation attributes,
so the SVG looks the same inline in a page, in an <img> or saved to a file, and there are no element ids
that could clash when several diagrams share one page. Classes (`dg-state`, `dg-current`, `dg-visited`,
`dg-edge`, `dg-taken`, `dg-marks` for a badge, `dg-mark` for a listed action) and `data-*` attributes name what
each element is.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from workflows.diagram_layout import FONT_SIZE, START_RADIUS, Edge, Layout, Node, layout
from workflows.diagram_marks import Mark, TrailEntry, badges_svg, list_size, list_svg
from workflows.machine import WorkflowDefinition

INK = "#334155"
MUTED = "#94a3b8"
NODE_FILL = "#ffffff"
VISITED_FILL = "#fef2f2"
CURRENT_FILL = "#b91c1c"  # party red: the state the case is in now
CURRENT_INK = "#ffffff"
TAKEN = "#dc2626"
ARROW = 7.0
LEGEND_HEIGHT = 26  # under a highlighted diagram: what red means


@dataclass(frozen=True)
class Step:
    """One transition a case took: from `source` to `dest` by `event`."""

    source: str
    dest: str
    event: str


def path_from_trail(definition: WorkflowDefinition, entries: Iterable[TrailEntry]) -> list[Step]:
    """The transitions a subject took, oldest first, from its audit records.

    An action `<workflow>.<event>` naming one of the workflow's transitions is a step from the state the subject
    was in (the record's `state_before.state` when it has one) to that transition's destination. Records that
    change the state by other means (creation, escalation) only move the tracked state; the rest are skipped.
    """
    events = {t.event: t for t in definition.transitions}
    states = {s.name for s in definition.states}
    prefix = f"{definition.name}."
    current = definition.initial
    steps: list[Step] = []
    for entry in entries:
        before = (entry.state_before or {}).get("state")
        after = (entry.state_after or {}).get("state")
        if isinstance(before, str) and before in states:
            current = before
        event = entry.action[len(prefix) :] if entry.action.startswith(prefix) else None
        t = events.get(event) if event else None
        if t is not None and current in t.sources and (not isinstance(after, str) or after == t.dest):
            steps.append(Step(current, t.dest, t.event))
            current = t.dest
        elif isinstance(after, str) and after in states:
            current = after
    return steps


def _num(v: float) -> str:
    text = f"{v:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _path_d(edge: Edge) -> str:
    pts = edge.points
    if edge.loop:
        (x0, y0), (x1, _), (_, y2), (x3, y3) = pts
        return f"M{_num(x0)},{_num(y0)} C{_num(x1)},{_num(y0 - 14)} {_num(x1)},{_num(y2 + 14)} {_num(x3)},{_num(y3)}"
    parts = [f"M{_num(pts[0][0])},{_num(pts[0][1])}"]
    for (x0, y0), (x1, y1) in itertools.pairwise(pts):
        my = (y0 + y1) / 2  # vertical tangents at both ends: smooth through the dummy points
        parts.append(f"C{_num(x0)},{_num(my)} {_num(x1)},{_num(my)} {_num(x1)},{_num(y1)}")
    return " ".join(parts)


def _arrowhead(edge: Edge) -> str:
    x, y = edge.points[-1]
    if edge.loop:  # the loop comes back into the box's right side, pointing left
        pts = [(x, y), (x + ARROW, y - ARROW / 2), (x + ARROW, y + ARROW / 2)]
    else:
        down = edge.points[-1][1] > edge.points[-2][1]
        dy = -ARROW if down else ARROW
        pts = [(x, y), (x - ARROW / 2, y + dy), (x + ARROW / 2, y + dy)]
    return " ".join(f"{_num(px)},{_num(py)}" for px, py in pts)


def render_svg(
    definition: WorkflowDefinition,
    current: str | None = None,
    path: Sequence[Step] = (),
    marks: Sequence[Mark] = (),
) -> str:
    """The workflow's state diagram as an SVG document (text).

    `current`: a state to highlight; `path`: steps to mark (each must be one of the workflow's transitions);
    `marks`: actions to show beside their states (badges) and listed under the diagram (diagram_marks).
    Raises ValueError for an unknown state or a step that is not a transition of this workflow.
    """
    geo: Layout = layout(definition)
    if current is not None and current not in geo.nodes:
        raise ValueError(f"{definition.name}: unknown state {current!r}")
    taken = _taken(definition, geo, path)
    visited = {s for step in path for s in (step.source, step.dest)}
    highlighted = current is not None or bool(path)
    legend_h = LEGEND_HEIGHT if highlighted else 0
    list_w, list_h = list_size(definition, marks)
    size = (max(geo.width, list_w), geo.height + legend_h + list_h)
    out = [*_svg_open(definition, size, current, len(marks)), _start_svg(definition, geo)]
    # Untaken edges first, so the marked path is drawn on top of them.
    out += [
        _edge_svg(definition, e, taken.get(e.key), highlighted) for e in sorted(geo.edges, key=lambda e: e.key in taken)
    ]
    out += [_state_svg(state, node, state == current, state in visited) for state, node in geo.nodes.items()]
    out += badges_svg(geo, marks)
    if highlighted:
        out.append(_legend_svg(geo.height + legend_h / 2 - 4))
    if marks:
        out += list_svg(definition, marks, geo.height + legend_h)
    out.append("</svg>")
    return "\n".join(out)


def _taken(definition: WorkflowDefinition, geo: Layout, path: Sequence[Step]) -> dict[tuple[str, str, str], list[int]]:
    """The path's step numbers (from 1) by the arrow each step took; ValueError for a step that is no arrow."""
    edge_keys = {e.key for e in geo.edges}
    taken: dict[tuple[str, str, str], list[int]] = {}
    for n, step in enumerate(path, start=1):
        key = (step.source, step.dest, step.event)
        if key not in edge_keys:
            raise ValueError(f"{definition.name}: no transition {key!r}")
        taken.setdefault(key, []).append(n)
    return taken


def _svg_open(definition: WorkflowDefinition, size: tuple[float, float], current: str | None, marks: int) -> list[str]:
    """The <svg> element's opening tag (size, fonts, what it shows for assistive technology) and its title."""
    title = definition.label_zh + (f"：当前「{definition.state_label(current)}」" if current else "")
    title += f"，办理动作{marks}项" if marks else ""
    width, height = size
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="dg-diagram" viewBox="0 0 {_num(width)} {_num(height)}" '
        f'width="{_num(width)}" height="{_num(height)}" role="img" aria-label={quoteattr(title)} '
        # Shrinks with its container (a phone's width) and keeps its proportions.
        'style="max-width:100%;height:auto" '
        f"data-workflow={quoteattr(definition.name)} font-family=\"'Noto Sans CJK SC', 'Source Han Sans SC', "
        f"'Microsoft YaHei', 'PingFang SC', sans-serif\" font-size=\"{FONT_SIZE}\">",
        f"<title>{escape(title)}</title>",
    ]


def _start_svg(definition: WorkflowDefinition, geo: Layout) -> str:
    """The start dot and its arrow down into the initial state's box."""
    sx, sy = geo.start
    first = geo.nodes[definition.initial]
    return (
        f'<g class="dg-start"><circle cx="{_num(sx)}" cy="{_num(sy)}" r="{START_RADIUS}" fill="{INK}"/>'
        f'<line x1="{_num(sx)}" y1="{_num(sy + START_RADIUS)}" x2="{_num(sx)}" '
        f'y2="{_num(first.y - first.height / 2 - ARROW)}" stroke="{INK}" stroke-width="1.5"/>'
        f'<polygon points="{_num(sx)},{_num(first.y - first.height / 2)} {_num(sx - ARROW / 2)},'
        f'{_num(first.y - first.height / 2 - ARROW)} {_num(sx + ARROW / 2)},{_num(first.y - first.height / 2 - ARROW)}"'
        f' fill="{INK}"/></g>'
    )


def _edge_svg(definition: WorkflowDefinition, edge: Edge, steps: list[int] | None, highlighted: bool) -> str:
    """One arrow with its label: red and numbered (`data-steps`) when the path took it, muted beside a
    highlighted diagram's path; a quiet arrow's label only when taken."""
    colour, stroke_w = (TAKEN, "2.5") if steps else ((MUTED, "1.5") if highlighted else (INK, "1.5"))
    cls = "dg-edge dg-taken" if steps else "dg-edge"
    src, dst, event = edge.key
    attrs = f"data-source={quoteattr(src)} data-dest={quoteattr(dst)} data-event={quoteattr(event)}"
    if steps:
        attrs += f' data-steps="{",".join(str(n) for n in steps)}"'
    lx, ly = edge.label_at
    anchor = "start" if edge.loop else "middle"
    label_ink = TAKEN if steps else INK
    text = (
        ""
        if edge.quiet and not steps
        else (
            f'<text x="{_num(lx)}" y="{_num(ly)}" font-size="{FONT_SIZE - 2}" text-anchor="{anchor}" '
            f'dominant-baseline="central" fill="{label_ink}" stroke="#ffffff" stroke-width="4" '
            f'paint-order="stroke">{escape(edge.label)}</text>'
        )
    )
    return (
        f'<g class="{cls}" {attrs}><title>{escape(definition.state_label(src))} → '
        f"{escape(definition.state_label(dst))}：{escape(edge.label)}</title>"
        f'<path d="{_path_d(edge)}" fill="none" stroke="{colour}" stroke-width="{stroke_w}"/>'
        f'<polygon points="{_arrowhead(edge)}" fill="{colour}"/>{text}</g>'
    )


def _state_svg(state: str, node: Node, is_current: bool, visited: bool) -> str:
    """One state's box and label: filled red when current, tinted when the path passed it, double-bordered
    when final."""
    classes = ["dg-state"]
    if node.initial:
        classes.append("dg-initial")
    if node.terminal:
        classes.append("dg-terminal")
    if visited:
        classes.append("dg-visited")
    if is_current:
        classes.append("dg-current")
    fill = CURRENT_FILL if is_current else (VISITED_FILL if visited else NODE_FILL)
    stroke = CURRENT_FILL if is_current else (TAKEN if visited else INK)
    ink = CURRENT_INK if is_current else INK
    x, y = node.x - node.width / 2, node.y - node.height / 2
    box = (
        f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(node.width)}" height="{_num(node.height)}" rx="8" '
        f'fill="{fill}" stroke="{stroke}" stroke-width="{2.5 if is_current else 1.5}"/>'
    )
    if node.terminal:  # a final state: double border
        box += (
            f'<rect x="{_num(x + 3)}" y="{_num(y + 3)}" width="{_num(node.width - 6)}" '
            f'height="{_num(node.height - 6)}" rx="6" fill="none" stroke="{ink if is_current else stroke}" '
            f'stroke-width="1"/>'
        )
    return (
        f'<g class="{" ".join(classes)}" data-state={quoteattr(state)}'
        f"{' aria-current=' + quoteattr('step') if is_current else ''}>"
        f"<title>{escape(node.label)}{'（当前）' if is_current else ''}</title>{box}"
        f'<text x="{_num(node.x)}" y="{_num(node.y)}" text-anchor="middle" dominant-baseline="central" '
        f'fill="{ink}"{" font-weight=" + quoteattr("bold") if is_current else ""}>{escape(node.label)}</text></g>'
    )


def _legend_svg(ly: float) -> str:
    """The key under a highlighted diagram (what red fill and red arrows mean), centred on the line `ly`."""
    return (
        f'<g class="dg-legend" font-size="{FONT_SIZE - 2}">'
        f'<rect x="24" y="{_num(ly - 7)}" width="22" height="14" rx="3" fill="{CURRENT_FILL}"/>'
        f'<text x="52" y="{_num(ly)}" dominant-baseline="central" fill="{INK}">当前状态</text>'
        f'<line x1="120" y1="{_num(ly)}" x2="148" y2="{_num(ly)}" stroke="{TAKEN}" stroke-width="2.5"/>'
        f'<text x="154" y="{_num(ly)}" dominant-baseline="central" fill="{INK}">已走过的流转</text></g>'
    )
