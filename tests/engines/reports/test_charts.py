"""The server-side SVG charts (service/console/charts.py): well-formed, one mark per value, no mark for no rate,
deterministic, Chinese labels, nothing fetched from another host."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from service.console.charts import Group, bar_chart, line_chart, percent

NS = "{http://www.w3.org/2000/svg}"
SERIES = ("组织覆盖率", "工作覆盖率")


def marks(svg: str, cls: str) -> list[ET.Element]:
    root = ET.fromstring(svg)  # raises on malformed XML
    assert root.tag == f"{NS}svg"
    return [e for e in root.iter() if e.get("class") == cls]


def test_bar_chart_has_one_bar_per_child_and_rate_and_none_for_no_rate() -> None:
    groups = [Group("东一镇", (0.6667, 0.8333)), Group("东二街道", (0.5, 0.5)), Group("东县物流行业党委", (None, None))]
    svg = bar_chart(groups, SERIES, "东县下级单位覆盖率", target=0.9)
    bars = marks(svg, "bar")
    assert [(b.get("data-label"), b.get("data-series"), b.get("data-value")) for b in bars] == [
        ("东一镇", "组织覆盖率", "0.6667"),
        ("东一镇", "工作覆盖率", "0.8333"),
        ("东二街道", "组织覆盖率", "0.5000"),
        ("东二街道", "工作覆盖率", "0.5000"),
    ]
    # heights are proportional to the rate: a full bar is the plot's height (220)
    heights = [float(b.get("height", "0")) for b in bars]
    assert heights[2] == heights[3] == 110.0 and heights[0] > heights[2]
    categories = [e.text for e in marks(svg, "category")]
    assert categories == ["东一镇", "东二街道", "东县物流行业党委"]
    assert "— / —" in svg  # the child with no unit says so, it does not show 0%
    assert marks(svg, "target")[0].get("data-value") == "0.9000"
    assert "<title>东县下级单位覆盖率</title>" in svg


def test_charts_are_deterministic_and_self_contained() -> None:
    groups = [Group("2026-07", (0.5, 0.6)), Group("2026-08", (None, None)), Group("2026-09", (0.7, 0.8))]
    first = line_chart(groups, SERIES, "趋势", target=0.9)
    assert first == line_chart(groups, SERIES, "趋势", target=0.9)
    assert "http" not in first.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "<script" not in first and "href" not in first


def test_line_chart_breaks_at_a_month_without_rate() -> None:
    groups = [
        Group("2026-06", (0.4, 0.5)),
        Group("2026-07", (0.5, 0.6)),
        Group("2026-08", (None, None)),
        Group("2026-09", (0.7, 0.8)),
    ]
    svg = line_chart(groups, SERIES, "趋势")
    points = marks(svg, "point")
    assert len(points) == 6  # 3 months with a rate × 2 series
    lines = marks(svg, "line")
    assert len(lines) == 2  # one run of two points per series; the lone September point has no segment
    assert all(len((ln.get("points") or "").split()) == 2 for ln in lines)
    assert not marks(svg, "target")


def test_empty_charts_say_so() -> None:
    assert "暂无数据" in bar_chart([], SERIES, "空")
    assert "暂无月末数据" in line_chart([], SERIES, "空")
    ET.fromstring(bar_chart([], SERIES, "空"))


def test_text_is_escaped() -> None:
    svg = bar_chart([Group("<甲&乙>", (0.5, None))], SERIES, "a<b")
    ET.fromstring(svg)
    assert "&lt;甲&amp;乙&gt;" in svg


def test_percent() -> None:
    assert percent(None) == "—" and percent(0.6667) == "66.7%" and percent(0.0) == "0.0%"
