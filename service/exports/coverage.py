"""The coverage report and the must-establish list (应建未建清单) as .xlsx, from the same service functions
as the API: the report (one small sheet per breakdown), the list streamed in the ledger's order."""

from __future__ import annotations

from typing import IO, Any

from service.auth import Actor
from service.operations.reports import coverage
from service.spreadsheets.writer import Column, Sheet, write_workbook
from workflows.ledger import UNIT_KIND_LABELS, UnitKind


def _percent(value: float | None) -> str | None:
    """A rate as the offices write it (87.5%); no rate where there is no in-scope unit."""
    return None if value is None else f"{value * 100:.1f}%"


FIGURE_COLUMNS = [
    Column("units", "应建单位数", 11),
    Column("own_org", "单独建立党组织", 14),
    Column("joint_org", "联合建立党组织", 14),
    Column("instructor_only", "仅选派党建指导员", 16),
    Column("neither", "应建未建", 10),
    Column("org_coverage_rate", "组织覆盖率", 11, _percent),
    Column("work_coverage_rate", "工作覆盖率", 11, _percent),
    Column("standalone_rate", "单独组建率", 11, _percent),
    Column("open_cases", "在办组建申请", 12),
    Column("oldest_case_days", "最久在办天数", 12),
]
# The party-work indicators (五个同步 4), after the coverage figures.
PARTY_WORK_COLUMNS = [
    Column("active_units", "近一年开展活动单位", 16),
    Column("activity_rate", "活动开展率", 11, _percent),
    Column("inspections", "本年年检单位", 12),
    Column("inspections_checked", "年检同步检查党建", 16),
    Column("party_work_checked_rate", "党建检查比例", 12, _percent),
]
BY_PLACE = [Column("name", "管辖单位", 20), Column("code", "单位代码", 12), *FIGURE_COLUMNS, *PARTY_WORK_COLUMNS]
BY_KIND = [Column("kind", "单位类型", 12), *FIGURE_COLUMNS[:8], *PARTY_WORK_COLUMNS]
MUST_ESTABLISH = [
    Column("credit_code", "统一社会信用代码", 22),
    Column("name", "单位名称", 30),
    Column("kind", "单位类型", 10, lambda v: UNIT_KIND_LABELS.get(UnitKind(v)) if v else None),
    Column("jurisdiction", "所属乡镇（街道）", 16),
    Column("employees", "从业人员", 9),
    Column("formal_members", "正式党员", 9),
    Column("no_org_reason", "未建原因", 30),
    Column("instructor_name", "党建指导员", 12),
    Column("instructor_last_visit_on", "最近走访", 12),
    Column("case_id", "在办申请编号", 12),
    Column("case_age_days", "申请已办天数", 12),
]


def report_workbook(actor: Actor, jurisdiction_id: int | None) -> IO[bytes]:
    r = coverage.report(actor, jurisdiction_id)
    total = {"name": f"{r.jurisdiction.name}（合计）", "code": r.jurisdiction.code, **r.totals.flat()}
    places = [
        total,
        *({"name": c.jurisdiction.name, "code": c.jurisdiction.code, **c.figures.flat()} for c in r.children),
    ]
    kinds = [{"kind": UNIT_KIND_LABELS[UnitKind(k.kind)], **k.figures.flat()} for k in r.kinds]
    return write_workbook([Sheet("覆盖情况", BY_PLACE, places), Sheet("按单位类型", BY_KIND, kinds)])


def must_establish_workbook(actor: Actor, filters: dict[str, Any]) -> IO[bytes]:
    return write_workbook([Sheet("应建未建清单", MUST_ESTABLISH, coverage.must_establish_rows(actor, filters))])
