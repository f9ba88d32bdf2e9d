"""Server-side SVG charts for the console (no chart library, no JavaScript, no external host).

Pure functions of their input: the same figures give the same bytes (coordinates rounded to one decimal, no
ids, no randomness), so pages can be compared and cached. Values are rates (fractions, 1.0 = 100%); a value
of None is *no rate* (no unit in scope): no bar and no point is drawn for it, and its label says "—".
Every mark carries `data-series` / `data-label` / `data-value` so tests read the chart as data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

# Two series at most per chart: organisation and work coverage (colour-blind safe blue/orange).
COLOURS = ("#1f5fa8", "#e08a1e", "#5a9e3a", "#8a3ab0")
FONT = "font-family=\"'Noto Sans CJK SC','Microsoft YaHei',sans-serif\""
TICKS = (0.0, 0.25, 0.5, 0.75, 1.0)


@dataclass(frozen=True)
class Group:
    """One category on the x axis (a child jurisdiction, a month end) and one value per series."""

    label: str
    values: tuple[float | None, ...]


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _n(x: float) -> str:
    """A coordinate, deterministic and short."""
    text = f"{x:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _open(width: int, height: int, title: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label={quoteattr(title)} {FONT} font-size="12">',
        f"<title>{escape(title)}</title>",
    ]


def _y_axis(out: list[str], left: float, right: float, top: float, plot_h: float) -> None:
    for tick in TICKS:
        y = top + plot_h * (1 - tick)
        out.append(f'<line x1="{_n(left)}" y1="{_n(y)}" x2="{_n(right)}" y2="{_n(y)}" stroke="#ddd"/>')
        out.append(f'<text x="{_n(left - 6)}" y="{_n(y + 4)}" text-anchor="end" fill="#555">{tick * 100:.0f}%</text>')


def _legend(out: list[str], series: Sequence[str], x: float, y: float) -> None:
    for i, name in enumerate(series):
        colour = COLOURS[i % len(COLOURS)]
        out.append(f'<rect x="{_n(x)}" y="{_n(y - 10)}" width="12" height="12" fill="{colour}"/>')
        out.append(f'<text x="{_n(x + 16)}" y="{_n(y)}">{escape(name)}</text>')
        x += 16 + 14 * len(name) + 20


def _target(out: list[str], target: float | None, left: float, right: float, top: float, plot_h: float) -> None:
    if target is None:
        return
    y = top + plot_h * (1 - min(max(target, 0.0), 1.0))
    out.append(
        f'<line class="target" data-value="{target:.4f}" x1="{_n(left)}" y1="{_n(y)}" x2="{_n(right)}" '
        f'y2="{_n(y)}" stroke="#c0392b" stroke-dasharray="6 4"/>'
    )
    out.append(f'<text x="{_n(right)}" y="{_n(y - 4)}" text-anchor="end" fill="#c0392b">目标 {percent(target)}</text>')


def bar_chart(
    groups: Sequence[Group], series: Sequence[str], title: str, target: float | None = None, width: int = 720
) -> str:
    """Grouped vertical bars, one group per category and one bar per series with a rate."""
    left, right_pad, top, bottom = 48.0, 12.0, 34.0, 64.0
    plot_h = 220.0
    height = int(top + plot_h + bottom)
    slots = max(len(groups), 1)
    plot_w = max(width - left - right_pad, slots * 24.0)
    width = int(left + plot_w + right_pad)
    right = left + plot_w
    slot = plot_w / slots
    bar_w = min(28.0, slot * 0.8 / max(len(series), 1))
    out = _open(width, height, title)
    _legend(out, series, left, 16)
    _y_axis(out, left, right, top, plot_h)
    for gi, group in enumerate(groups):
        x0 = left + gi * slot + (slot - bar_w * len(series)) / 2
        for si, value in enumerate(group.values):
            if value is None:
                continue
            h = plot_h * min(max(value, 0.0), 1.0)
            x, y = x0 + si * bar_w, top + plot_h - h
            out.append(
                f'<rect class="bar" data-series={quoteattr(series[si])} data-label={quoteattr(group.label)} '
                f'data-value="{value:.4f}" x="{_n(x)}" y="{_n(y)}" width="{_n(bar_w - 2)}" height="{_n(h)}" '
                f'fill="{COLOURS[si % len(COLOURS)]}"><title>{escape(group.label)} {escape(series[si])} '
                f"{percent(value)}</title></rect>"
            )
        cx = left + gi * slot + slot / 2
        values = " / ".join(percent(v) for v in group.values)
        out.append(
            f'<text class="category" x="{_n(cx)}" y="{_n(top + plot_h + 16)}" text-anchor="middle">'
            f"{escape(group.label)}</text>"
        )
        out.append(
            f'<text x="{_n(cx)}" y="{_n(top + plot_h + 32)}" text-anchor="middle" fill="#555" '
            f'font-size="10">{escape(values)}</text>'
        )
    if not groups:
        out.append(f'<text x="{_n(left + plot_w / 2)}" y="{_n(top + plot_h / 2)}" text-anchor="middle">暂无数据</text>')
    _target(out, target, left, right, top, plot_h)
    out.append(
        f'<line x1="{_n(left)}" y1="{_n(top + plot_h)}" x2="{_n(right)}" y2="{_n(top + plot_h)}" stroke="#333"/>'
    )
    out.append("</svg>")
    return "".join(out)


def line_chart(
    groups: Sequence[Group], series: Sequence[str], title: str, target: float | None = None, width: int = 720
) -> str:
    """One line per series across the categories (month ends); a missing rate breaks the line."""
    left, right_pad, top, bottom = 48.0, 24.0, 34.0, 40.0
    plot_h = 200.0
    height = int(top + plot_h + bottom)
    plot_w = width - left - right_pad
    right = left + plot_w
    step = plot_w / max(len(groups) - 1, 1)
    out = _open(width, height, title)
    _legend(out, series, left, 16)
    _y_axis(out, left, right, top, plot_h)
    every = max(1, -(-len(groups) // 12))  # at most 12 month labels
    for gi, group in enumerate(groups):
        if gi % every == 0 or gi == len(groups) - 1:
            x = left + gi * step if len(groups) > 1 else left + plot_w / 2
            out.append(
                f'<text class="category" x="{_n(x)}" y="{_n(top + plot_h + 16)}" text-anchor="middle">'
                f"{escape(group.label)}</text>"
            )
    for si, name in enumerate(series):
        colour = COLOURS[si % len(COLOURS)]
        runs: list[list[tuple[float, float]]] = [[]]
        for gi, group in enumerate(groups):
            value = group.values[si] if si < len(group.values) else None
            if value is None:
                runs.append([])
                continue
            x = left + gi * step if len(groups) > 1 else left + plot_w / 2
            y = top + plot_h * (1 - min(max(value, 0.0), 1.0))
            runs[-1].append((x, y))
            out.append(
                f'<circle class="point" data-series={quoteattr(name)} data-label={quoteattr(group.label)} '
                f'data-value="{value:.4f}" cx="{_n(x)}" cy="{_n(y)}" r="3" fill="{colour}">'
                f"<title>{escape(group.label)} {escape(name)} {percent(value)}</title></circle>"
            )
        for run in runs:
            if len(run) > 1:
                points = " ".join(f"{_n(x)},{_n(y)}" for x, y in run)
                out.append(
                    f'<polyline class="line" data-series={quoteattr(name)} points="{points}" fill="none" '
                    f'stroke="{colour}" stroke-width="2"/>'
                )
    if not groups:
        out.append(
            f'<text x="{_n(left + plot_w / 2)}" y="{_n(top + plot_h / 2)}" text-anchor="middle">暂无月末数据</text>'
        )
    _target(out, target, left, right, top, plot_h)
    out.append(
        f'<line x1="{_n(left)}" y1="{_n(top + plot_h)}" x2="{_n(right)}" y2="{_n(top + plot_h)}" stroke="#333"/>'
    )
    out.append("</svg>")
    return "".join(out)
