"""A layered (Sugiyama-style) layout of a workflow's state diagram, in pure Python (no Graphviz).

Input is the workflow's declaration (`WorkflowDefinition`): states in declaration order and transitions with
their sources. Output is plain geometry — node boxes, edge polylines and label anchors — that
`workflows.diagram` turns into SVG. Steps, all deterministic (ties broken by declaration order):

1. Back edges (those closing a cycle, e.g. 退回修改) are found by a depth-first walk from the initial state and
   reversed, so the graph is acyclic; self-loops (改期) are set aside and drawn as loops.
2. Layers by longest path from the initial state: terminal states sink to the bottom.
3. Edges spanning several layers get one dummy point per layer crossed, so they bend around nodes.
4. Order within a layer: a few barycentre sweeps down and up (fewer crossings).
5. x positions: each item pulled towards its neighbours' mean, then pushed apart to keep spacing.

Text width is estimated (CJK full width, ASCII ~0.6 em): the layout must not depend on fonts at hand.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from functools import lru_cache

from workflows.machine import WorkflowDefinition

FONT_SIZE = 14
NODE_HEIGHT = 36
NODE_PAD_X = 14
NODE_MIN_WIDTH = 72
LAYER_GAP = 84  # vertical space between two layers' boxes: room for the edge labels
NODE_SEP = 36  # horizontal space between neighbouring boxes
DUMMY_WIDTH = 24
MARGIN = 24
START_RADIUS = 7
START_GAP = 28  # the start dot sits this far above the initial state's box
LOOP_WIDTH = 34
SWEEPS = 4


def text_width(text: str, size: int = FONT_SIZE) -> float:
    """Estimated width of `text` in px: wide (CJK, full-width punctuation) characters are 1 em, others 0.6 em."""
    return sum(size if ord(ch) > 0x2E7F else size * 0.6 for ch in text)


@dataclass(frozen=True)
class Node:
    state: str
    label: str
    layer: int
    x: float  # centre
    y: float  # centre
    width: float
    height: float
    initial: bool
    terminal: bool


@dataclass(frozen=True)
class Edge:
    """One drawn arrow: `points` from the source's anchor to the target's, through any dummy points."""

    key: tuple[str, str, str]  # (source, dest, event)
    label: str
    points: tuple[tuple[float, float], ...]
    label_at: tuple[float, float]
    loop: bool = False
    back: bool = False
    quiet: bool = False  # label shown only when the arrow is marked as taken (one of a fan-in, see layout)


@dataclass(frozen=True)
class Layout:
    name: str
    title: str
    width: float
    height: float
    nodes: dict[str, Node]
    edges: tuple[Edge, ...]
    start: tuple[float, float]  # centre of the start dot (an arrow leads to the initial state)


@dataclass
class _Item:
    """A node or a dummy point while the layout is being computed."""

    key: str
    layer: int
    width: float
    index: int  # declaration order, the tie-breaker everywhere
    x: float = 0.0
    up: list[str] = field(default_factory=list)  # neighbours one layer above
    down: list[str] = field(default_factory=list)  # neighbours one layer below


def _back_edges(definition: WorkflowDefinition, order: dict[str, int]) -> set[tuple[str, str]]:
    """Edges that close a cycle in a depth-first walk from the initial state (then from any unvisited state)."""
    succ: dict[str, list[str]] = {s: [] for s in order}
    for t in definition.transitions:
        for src in t.sources:
            if src != t.dest and t.dest not in succ[src]:
                succ[src].append(t.dest)
    for s in succ:
        succ[s].sort(key=order.__getitem__)
    back: set[tuple[str, str]] = set()
    colour: dict[str, int] = {}  # 1 on the stack, 2 done

    def walk(root: str) -> None:
        # Iterative DFS: workflows are small, but recursion limits should never be a concern.
        colour[root] = 1
        stack: list[tuple[str, int]] = [(root, 0)]
        while stack:
            node, i = stack[-1]
            if i < len(succ[node]):
                stack[-1] = (node, i + 1)
                nxt = succ[node][i]
                if colour.get(nxt) == 1:
                    back.add((node, nxt))
                elif nxt not in colour:
                    colour[nxt] = 1
                    stack.append((nxt, 0))
            else:
                colour[node] = 2
                stack.pop()

    walk(definition.initial)
    for s in order:
        if s not in colour:
            walk(s)
    return back


def _layers(order: dict[str, int], dag: list[tuple[str, str]]) -> dict[str, int]:
    """Longest path from the sources. The initial state is one of them: the walk that found the back edges
    started there, so every edge into it was reversed."""
    layer = {s: 0 for s in order}
    preds: dict[str, list[str]] = {s: [] for s in order}
    for a, b in dag:
        preds[b].append(a)
    # Kahn's order over the DAG, declaration order among ready states.
    indeg = {s: len(preds[s]) for s in order}
    ready = sorted((s for s in order if indeg[s] == 0), key=order.__getitem__)
    topo: list[str] = []
    while ready:
        s = ready.pop(0)
        topo.append(s)
        for a, b in dag:
            if a == s:
                indeg[b] -= 1
                if indeg[b] == 0:
                    ready.append(b)
                    ready.sort(key=order.__getitem__)
    for s in topo:
        if preds[s]:
            layer[s] = max(layer[p] + 1 for p in preds[s])
    return layer


def _order_layers(items: dict[str, _Item], n_layers: int) -> list[list[str]]:
    """Step 4: each layer's items, ordered by a few barycentre sweeps down and up (fewer crossings)."""
    rows: list[list[str]] = [[] for _ in range(n_layers)]
    for item in sorted(items.values(), key=lambda it: it.index):
        rows[item.layer].append(item.key)

    def sweep(row: list[str], neighbours_of: str, ref: list[str]) -> list[str]:
        pos = {k: i for i, k in enumerate(ref)}
        keyed = []
        for i, k in enumerate(row):
            ns = getattr(items[k], neighbours_of)
            bary = sum(pos[n] for n in ns) / len(ns) if ns else float(i)
            keyed.append((bary, items[k].index, k))
        return [k for _, _, k in sorted(keyed)]

    for _ in range(SWEEPS):
        for i in range(1, n_layers):
            rows[i] = sweep(rows[i], "up", rows[i - 1])
        for i in range(n_layers - 2, -1, -1):
            rows[i] = sweep(rows[i], "down", rows[i + 1])
    return rows


def _place_x(items: dict[str, _Item], rows: list[list[str]]) -> None:
    """Step 5: each item's x, pulled towards its neighbours' mean, then pushed apart to keep the spacing."""

    def sep(a: _Item, b: _Item) -> float:
        return (a.width + b.width) / 2 + NODE_SEP

    for row in rows:  # start: every row centred on 0
        total = sum(items[k].width for k in row) + NODE_SEP * (len(row) - 1)
        x = -total / 2
        for k in row:
            items[k].x = x + items[k].width / 2
            x += items[k].width + NODE_SEP

    def pull(row: list[str], neighbours_of: str) -> None:
        want = []
        for k in row:
            ns = getattr(items[k], neighbours_of)
            want.append(sum(items[n].x for n in ns) / len(ns) if ns else items[k].x)
        xs = list(want)
        for i in range(1, len(row)):  # push right to keep the spacing, then re-centre on the wishes
            xs[i] = max(xs[i], xs[i - 1] + sep(items[row[i - 1]], items[row[i]]))
        shift = (sum(want) - sum(xs)) / len(xs) if xs else 0.0
        for k, x in zip(row, xs, strict=True):
            items[k].x = x + shift

    for _ in range(SWEEPS):
        for i in range(1, len(rows)):
            pull(rows[i], "up")
        for i in range(len(rows) - 2, -1, -1):
            pull(rows[i], "down")


# An arrow's key, (source, dest, event); a point; a box as (left, top, right, bottom).
Key = tuple[str, str, str]
Point = tuple[float, float]
Box = tuple[float, float, float, float]

# Where a label may sit along its arrow, tried in turn: its preferred fraction, then a little before or after.
LABEL_SLIDES = (0.0, -0.15, 0.15, -0.25, 0.25, 0.35)


@dataclass(frozen=True)
class _Graph:
    """The declaration read as a layered graph: declaration order, labels, the arrows, back edges and layers."""

    order: dict[str, int]  # state -> declaration index
    labels: dict[str, str]
    arrows: list[tuple[str, str, str, str]]  # (source, dest, event, label) for every drawn arrow, in order
    back: set[tuple[str, str]]
    layer: dict[str, int]


@lru_cache(maxsize=32)
def layout(definition: WorkflowDefinition) -> Layout:
    """The diagram's geometry (computed once per workflow and cached: definitions are immutable)."""
    graph = _graph(definition)
    items, chains = _items(graph)
    n_layers = max(it.layer for it in items.values()) + 1
    _place_x(items, _order_layers(items, n_layers))
    edges = _edges(graph, items, chains)
    return _on_canvas(definition, _nodes(definition, graph, items), items, edges, n_layers)


def _graph(definition: WorkflowDefinition) -> _Graph:
    """Steps 1 and 2: reverse the back edges so the graph is acyclic, then layer it by longest path."""
    order = {s.name: i for i, s in enumerate(definition.states)}
    back = _back_edges(definition, order)
    arrows = [(src, t.dest, t.event, t.label_zh) for t in definition.transitions for src in t.sources]
    dag = sorted(
        {(b, a) if (a, b) in back else (a, b) for a, b, _, _ in arrows if a != b},
        key=lambda e: (order[e[0]], order[e[1]]),
    )
    labels = {s.name: s.label_zh for s in definition.states}
    return _Graph(order, labels, arrows, back, _layers(order, dag))


def _items(graph: _Graph) -> tuple[dict[str, _Item], dict[Key, list[str]]]:
    """Step 3: an item per state and per layer an arrow crosses, linked to its neighbours one layer up and
    down; with each arrow's chain of item keys from its upper to its lower end (self-loops have none)."""
    items: dict[str, _Item] = {
        s: _Item(s, graph.layer[s], max(NODE_MIN_WIDTH, text_width(graph.labels[s]) + 2 * NODE_PAD_X), i)
        for s, i in graph.order.items()
    }
    chains: dict[Key, list[str]] = {}
    for n, (a, b, event, _) in enumerate(graph.arrows):
        if a == b:
            continue
        top, bottom = (b, a) if (a, b) in graph.back else (a, b)
        chain = [top]
        for lay in range(graph.layer[top] + 1, graph.layer[bottom]):
            dummy = f"{a}>{b}:{event}:{lay}"
            items[dummy] = _Item(dummy, lay, DUMMY_WIDTH, len(graph.order) + n)
            chain.append(dummy)
        chain.append(bottom)
        for upper, lower in itertools.pairwise(chain):
            items[upper].down.append(lower)
            items[lower].up.append(upper)
        chains[(a, b, event)] = chain
    return items, chains


def _layer_y(lay: int) -> float:
    """The y of a layer's box centres."""
    return START_GAP + START_RADIUS + lay * (NODE_HEIGHT + LAYER_GAP) + NODE_HEIGHT / 2


def _edges(graph: _Graph, items: dict[str, _Item], chains: dict[Key, list[str]]) -> list[Edge]:
    """Every arrow's points and label spot, in declaration order: each label takes the first free spot
    along its arrow, so the labels placed before it (and the boxes) keep theirs."""
    anchor = _anchors(items, chains)
    quiet = _quiet_arrows(graph.arrows, items)
    pairs = {(a, b) for a, b, _, _ in graph.arrows}
    occupied = _state_boxes(graph, items)
    edges: list[Edge] = []
    for a, b, event, label in graph.arrows:
        key = (a, b, event)
        if a == b:
            edges.append(_loop(key, label, items[a]))
            continue
        is_back = (a, b) in graph.back
        pts = _chain_points(key, chains[key], items, anchor, is_back)
        # An edge with a reverse partner prefers its first third, the partner too: the labels sit at different
        # heights; a lone edge prefers its middle.
        spot, box = _label_spot(pts, label, 0.3 if (b, a) in pairs else 0.5, occupied)
        show = key not in quiet
        if show:
            occupied.append(box)
        edges.append(Edge(key, label, pts, spot, back=is_back, quiet=not show))
    return edges


def _anchors(items: dict[str, _Item], chains: dict[Key, list[str]]) -> dict[tuple[str, str, Key], float]:
    """Where each arrow leaves or enters a box: the arrows meeting a box side are spread over its width,
    ordered by where they come from, so an edge and its reverse (整改 ↔ 退回) run side by side instead of on
    top of each other. Keyed by (state, "top" or "bottom", arrow)."""
    sides: dict[tuple[str, str], list[tuple[float, int, Key]]] = {}
    for n, (key, chain) in enumerate(chains.items()):
        sides.setdefault((chain[0], "bottom"), []).append((items[chain[1]].x, n, key))
        sides.setdefault((chain[-1], "top"), []).append((items[chain[-2]].x, n, key))
    anchor: dict[tuple[str, str, Key], float] = {}
    for (state, side), entries in sides.items():
        entries.sort()
        span = items[state].width * 0.6
        for i, (_, _, key) in enumerate(entries):
            offset = 0.0 if len(entries) == 1 else -span / 2 + span * i / (len(entries) - 1)
            anchor[(state, side, key)] = items[state].x + offset
    return anchor


def _quiet_arrows(arrows: list[tuple[str, str, str, str]], items: dict[str, _Item]) -> set[Key]:
    """Arrows whose label is shown only when taken: of the arrows of one event converging on one state from
    several sources (撤销 from every open state) only the middle one is labelled — fewer labels, same meaning."""
    fans: dict[tuple[str, str], list[Key]] = {}
    for a, b, event, _ in arrows:
        if a != b:
            fans.setdefault((b, event), []).append((a, b, event))
    quiet: set[Key] = set()
    for group in fans.values():
        if len(group) > 1:
            group.sort(key=lambda k: (items[k[0]].x, items[k[0]].index))
            quiet.update(group[: len(group) // 2] + group[len(group) // 2 + 1 :])
    return quiet


def _state_boxes(graph: _Graph, items: dict[str, _Item]) -> list[Box]:
    """The states' boxes: the first places a label must avoid."""
    return [
        (
            it.x - it.width / 2,
            _layer_y(it.layer) - NODE_HEIGHT / 2,
            it.x + it.width / 2,
            _layer_y(it.layer) + NODE_HEIGHT / 2,
        )
        for k, it in items.items()
        if k in graph.order
    ]


def _loop(key: Key, label: str, item: _Item) -> Edge:
    """A self-loop (改期): out of the box's right side and back in, its label to the right."""
    right = item.x + item.width / 2
    y = _layer_y(item.layer)
    loop_pts = ((right, y - 8), (right + LOOP_WIDTH, y - 8), (right + LOOP_WIDTH, y + 8), (right, y + 8))
    return Edge(key, label, loop_pts, (right + LOOP_WIDTH + 4, y), loop=True)


def _chain_points(
    key: Key, chain: list[str], items: dict[str, _Item], anchor: dict[tuple[str, str, Key], float], is_back: bool
) -> tuple[Point, ...]:
    """An arrow's points from its source to its target: the upper box's anchor, the dummy points, the lower
    box's anchor — reversed for a back edge, which runs upwards."""
    top, bottom = chain[0], chain[-1]
    pts_down: list[Point] = [(anchor[(top, "bottom", key)], _layer_y(items[top].layer) + NODE_HEIGHT / 2)]
    pts_down += [(items[k].x, _layer_y(items[k].layer)) for k in chain[1:-1]]
    pts_down.append((anchor[(bottom, "top", key)], _layer_y(items[bottom].layer) - NODE_HEIGHT / 2))
    return tuple(reversed(pts_down)) if is_back else tuple(pts_down)


def _label_spot(pts: tuple[Point, ...], label: str, preferred: float, occupied: list[Box]) -> tuple[Point, Box]:
    """Where an arrow's label goes, and the box it fills: the first spot along the arrow (LABEL_SLIDES around
    `preferred`) clear of every occupied box, else the preferred spot."""
    half_w, half_h = text_width(label, FONT_SIZE - 2) / 2 + 2, FONT_SIZE / 2 + 1
    spot = point_at(pts, preferred)
    for slide in LABEL_SLIDES:
        x, y = point_at(pts, preferred + slide)
        box = (x - half_w, y - half_h, x + half_w, y + half_h)
        if not any(_overlap(box, other) for other in occupied):
            spot = (x, y)
            break
    return spot, (spot[0] - half_w, spot[1] - half_h, spot[0] + half_w, spot[1] + half_h)


def _overlap(a: Box, b: Box) -> bool:
    """Whether two boxes overlap (touching edges do not count)."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _nodes(definition: WorkflowDefinition, graph: _Graph, items: dict[str, _Item]) -> dict[str, Node]:
    """The states' boxes, centred where the layout put them."""
    terminal = {s.name for s in definition.states if s.terminal}
    return {
        s: Node(
            s,
            graph.labels[s],
            items[s].layer,
            items[s].x,
            _layer_y(items[s].layer),
            items[s].width,
            NODE_HEIGHT,
            s == definition.initial,
            s in terminal,
        )
        for s in graph.order
    }


def _on_canvas(
    definition: WorkflowDefinition, nodes: dict[str, Node], items: dict[str, _Item], edges: list[Edge], n_layers: int
) -> Layout:
    """The geometry moved onto a positive canvas that holds boxes, dummies, loops and (estimated) labels."""
    lefts = [it.x - it.width / 2 for it in items.values()]
    rights = [it.x + it.width / 2 for it in items.values()]
    for e in edges:
        w = text_width(e.label, FONT_SIZE - 2)
        if e.loop:
            rights.append(e.label_at[0] + w)
        else:
            lefts.append(e.label_at[0] - w / 2)
            rights.append(e.label_at[0] + w / 2)
    dx = MARGIN - min(lefts)
    width = max(rights) - min(lefts) + 2 * MARGIN
    height = _layer_y(n_layers - 1) + NODE_HEIGHT / 2 + MARGIN

    def shift(p: Point) -> Point:
        return (p[0] + dx, p[1])

    placed = {state: replace(n, x=n.x + dx) for state, n in nodes.items()}
    moved = [replace(e, points=tuple(shift(p) for p in e.points), label_at=shift(e.label_at)) for e in edges]
    first = placed[definition.initial]
    return Layout(
        definition.name,
        definition.label_zh,
        round(width, 1),
        round(height, 1),
        placed,
        tuple(moved),
        (first.x, first.y - NODE_HEIGHT / 2 - START_GAP + START_RADIUS),
    )


def point_at(points: tuple[tuple[float, float], ...], fraction: float) -> tuple[float, float]:
    """The point `fraction` of the way along a chain drawn as vertical-tangent cubic segments (see diagram.py)."""
    segments = len(points) - 1
    pos = min(max(fraction, 0.0), 1.0) * segments
    i = min(int(pos), segments - 1)
    t = pos - i
    (x0, y0), (x1, y1) = points[i], points[i + 1]
    # Cubic with control points (x0, ym) and (x1, ym): x follows smoothstep, y is linear-ish in t.
    s = 3 * t * t - 2 * t * t * t
    my = (y0 + y1) / 2
    y = (1 - t) ** 3 * y0 + 3 * (1 - t) ** 2 * t * my + 3 * (1 - t) * t * t * my + t**3 * y1
    return (x0 + (x1 - x0) * s, y)
