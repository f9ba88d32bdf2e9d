"""Approval actions on a subject's diagram: who did what, when, beside the state it happened in.

`marks_from_trail` reads the actions (转办, 委派 and its 意见, 加签, 减签, 拿回, 退回至此前环节, 催办, 抄送) from the
subject's audit trail, oldest first, each with the state the subject was in and the approval step it concerned;
`marks_svg` draws them: a badge with the count at the corner of each state's box (its tooltip lists them) and,
under the diagram, the list grouped by state, one "when  who · what → whom（step）" row per action. Pure: the
caller passes display names; every text is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape, quoteattr
from zoneinfo import ZoneInfo

from workflows.diagram_layout import FONT_SIZE, MARGIN, Layout, text_width
from workflows.machine import WorkflowDefinition

CHINA = ZoneInfo("Asia/Shanghai")  # times shown to users are China times
SYSTEM = "系统"
ACTION_LABELS = {
    "task.delegate": "转办",
    "task.consult": "委派",
    "task.opinion": "回复委派意见",
    "task.add_approvers": "加签",
    "task.remove_approvers": "减签",
    "task.take_back": "拿回",
    "task.return_to": "退回至此前环节",
    "task.urge": "催办",
    "ticket.urge": "催办",
}
COPY = "抄送"  # "<subject_type>.copy", one record per recipient: a copy to several people is one mark
STEP_OPEN = "approval_step.open"
BADGE = "#1d4ed8"  # not party red: red already means the current state and the path taken
BADGE_INK = "#ffffff"
INK = "#334155"
MUTED = "#64748b"
ROW = 20  # px per row of the list under the diagram
LIST_FONT = FONT_SIZE - 2
WHEN_WIDTH = text_width("2026-01-01 00:00", LIST_FONT) + 4


@dataclass(frozen=True)
class TrailEntry:
    """What the diagram needs from one audit record: its action, the state before and after (if recorded) and,
    for the marks, when (aware), who (display name; None for the system) and their comment."""

    action: str
    state_before: Mapping[str, Any] | None
    state_after: Mapping[str, Any] | None
    at: datetime | None = None
    actor: str | None = None


@dataclass(frozen=True)
class Mark:
    """One action on the subject: in `state`, by `actor` (display name), at `at` (China civil time), to `whom`
    (a colleague, the people added or removed, the copy's recipients, the level returned to), about `step`."""

    state: str
    action: str
    label: str
    actor: str
    at: datetime
    whom: str | None = None
    step: str | None = None

    @property
    def when(self) -> str:
        return self.at.strftime("%Y-%m-%d %H:%M")

    @property
    def what(self) -> str:
        return self.label + (f" → {self.whom}" if self.whom else "") + (f"（{self.step}）" if self.step else "")

    @property
    def text(self) -> str:
        """who · what · when, as the tooltip lists it."""
        return f"{self.actor} · {self.what} · {self.when}"


def people_named(entries: Iterable[TrailEntry]) -> set[int]:
    """The user ids the actions name as whom (转办 / 委派 to, 加签 / 减签 people): whose names the caller looks up."""
    out: set[int] = set()
    for e in entries:
        after = e.state_after or {}
        if e.action in ACTION_LABELS:
            out |= {p for p in [after.get("delegate_to"), *(after.get("people") or ())] if isinstance(p, int)}
    return out


def marks_from_trail(
    definition: WorkflowDefinition,
    entries: Iterable[TrailEntry],
    names: Mapping[int, str],
    level_labels: Mapping[str, str] | None = None,
) -> list[Mark]:
    """The subject's actions as marks, oldest first (records without a time are skipped). `names`: display
    names of the people the actions name (`people_named`); `level_labels`: Chinese labels of approval levels."""
    states = {s.name for s in definition.states}
    state, steps, step = definition.initial, dict[int, str](), None
    marks: list[Mark] = []
    pending_return: Mark | None = None
    for e in entries:
        before, after = (e.state_before or {}), (e.state_after or {})
        if before.get("state") in states:
            state = str(before["state"])
        if e.action == STEP_OPEN:
            step = steps[after.get("step_id", 0)] = _step_label(after, level_labels or {})
            if pending_return is not None:  # 退回至此前环节 opens the step it returns to: that is its whom
                marks[-1] = replace(pending_return, whom=step)
                pending_return = None
        step = steps.get(after.get("step_id", 0), step)
        mark = _mark(e, state, step, names) if e.at is not None else None
        if mark is not None:
            if marks and _same_copy(marks[-1], mark):
                marks[-1] = replace(marks[-1], whom=f"{marks[-1].whom}、{mark.whom}")
            else:
                marks.append(mark)
            pending_return = mark if e.action == "task.return_to" else None
        if after.get("state") in states:
            state = str(after["state"])
    return sorted(marks, key=lambda m: m.at)  # stable: records of one moment keep the trail's order


def _step_label(after: Mapping[str, Any], level_labels: Mapping[str, str]) -> str:
    level = str(after.get("level") or "")
    return f"{after.get('body') or ''}{level_labels.get(level, level)}"


def _mark(e: TrailEntry, state: str, step: str | None, names: Mapping[int, str]) -> Mark | None:
    assert e.at is not None
    after = e.state_after or {}
    if e.action.endswith(".copy"):
        label, whom = COPY, str(after.get("recipient") or "")
        step = None
    elif e.action in ACTION_LABELS:
        label = ACTION_LABELS[e.action]
        ids = [after.get("delegate_to"), *(after.get("people") or ())]
        whom = "、".join(names.get(p, str(p)) for p in ids if isinstance(p, int))
    else:
        return None
    at = e.at.astimezone(CHINA)
    return Mark(state, e.action, label, e.actor or SYSTEM, at, whom or None, step or None)


def _same_copy(a: Mark, b: Mark) -> bool:
    """Two records of one 抄送 (same person, same moment, same state): one mark naming all recipients."""
    return a.label == b.label == COPY and (a.actor, a.at, a.state, a.action) == (b.actor, b.at, b.state, b.action)


def by_state(marks: Sequence[Mark]) -> dict[str, list[Mark]]:
    """The marks grouped by state, groups in the order of their first mark, each oldest first."""
    groups: dict[str, list[Mark]] = {}
    for m in sorted(marks, key=lambda m: m.at):
        groups.setdefault(m.state, []).append(m)
    return groups


def list_size(definition: WorkflowDefinition, marks: Sequence[Mark]) -> tuple[float, float]:
    """Width and height of the list under the diagram (0, 0 without marks)."""
    if not marks:
        return 0.0, 0.0
    groups = by_state(marks)
    widest = max(
        [text_width(_heading(definition, s, ms), LIST_FONT) for s, ms in groups.items()]
        + [WHEN_WIDTH + text_width(f"{m.actor} · {m.what}", LIST_FONT) for m in marks]
    )
    return MARGIN * 2 + widest, ROW * (1 + len(groups) + len(marks)) + 8


def _heading(definition: WorkflowDefinition, state: str, marks: Sequence[Mark]) -> str:
    return f"{definition.state_label(state)} · {len(marks)}项"


def badges_svg(geo: Layout, marks: Sequence[Mark]) -> list[str]:
    """A badge at the top-right corner of each state's box that has marks: the count, and in its tooltip each
    mark as who · what · when."""
    out = []
    for state, ms in by_state(marks).items():
        node = geo.nodes.get(state)
        if node is None:
            continue
        cx, cy = node.x + node.width / 2 - 2, node.y - node.height / 2 - 2
        count = str(len(ms))
        r = max(9.0, text_width(count, LIST_FONT) / 2 + 5)
        tip = "\n".join([f"{node.label}：{len(ms)}项办理动作", *(m.text for m in ms)])
        out.append(
            f'<g class="dg-marks" data-state={quoteattr(state)} data-count="{count}"><title>{escape(tip)}</title>'
            f'<circle cx="{_num(cx)}" cy="{_num(cy)}" r="{_num(r)}" fill="{BADGE}" stroke="#ffffff" '
            f'stroke-width="1.5"/><text x="{_num(cx)}" y="{_num(cy)}" text-anchor="middle" '
            f'dominant-baseline="central" font-size="{LIST_FONT - 1}" font-weight="bold" fill="{BADGE_INK}">'
            f"{count}</text></g>"
        )
    return out


def list_svg(definition: WorkflowDefinition, marks: Sequence[Mark], top: float) -> list[str]:
    """The list under the diagram from the line `top`: a title, then per state its heading (with a badge like
    the box's) and its actions, one row each: when, then who · what."""
    y = top + ROW / 2
    out = [
        f'<g class="dg-mark-list" font-size="{LIST_FONT}">',
        f'<text x="{MARGIN}" y="{_num(y)}" dominant-baseline="central" font-weight="bold" fill="{INK}">'
        f"办理动作（{len(marks)}项）</text>",
    ]
    for state, ms in by_state(marks).items():
        y += ROW
        out.append(
            f'<text class="dg-mark-state" data-state={quoteattr(state)} x="{MARGIN}" y="{_num(y)}" '
            f'dominant-baseline="central" fill="{BADGE}" font-weight="bold">{escape(_heading(definition, state, ms))}'
            "</text>"
        )
        for m in ms:
            y += ROW
            out.append(_row_svg(m, y))
    out.append("</g>")
    return out


def _row_svg(m: Mark, y: float) -> str:
    attrs = f"data-state={quoteattr(m.state)} data-action={quoteattr(m.action)} data-at={quoteattr(m.at.isoformat())}"
    return (
        f'<g class="dg-mark" {attrs}><title>{escape(m.text)}</title>'
        f'<text x="{MARGIN + 8}" y="{_num(y)}" dominant-baseline="central" fill="{MUTED}">{escape(m.when)}</text>'
        f'<text x="{_num(MARGIN + 8 + WHEN_WIDTH)}" y="{_num(y)}" dominant-baseline="central" fill="{INK}">'
        f"{escape(m.actor)} · {escape(m.what)}</text></g>"
    )


def _num(v: float) -> str:
    text = f"{v:.1f}"
    return text[:-2] if text.endswith(".0") else text
