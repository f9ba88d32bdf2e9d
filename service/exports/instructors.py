"""The instructors' assignments (党建指导员选派记录) as .xlsx, from the same service function and filters as the
API's list: one row per assignment, the released ones too (the history), streamed."""

from __future__ import annotations

from typing import IO, Any

from service.auth import Actor
from service.operations.flows.instructors import assignments
from service.spreadsheets.writer import Column, Sheet, write_workbook

ASSIGNMENTS = [
    Column("unit_name", "单位名称", 30),
    Column("credit_code", "统一社会信用代码", 22),
    Column("jurisdiction", "所属乡镇（街道）", 16),
    Column("instructor", "党建指导员", 12),
    Column("employment", "专兼职", 8),
    Column("home_unit", "派出单位", 20),
    Column("phone", "联系电话", 16),
    Column("state", "状态", 8),
    Column("liaison", "联络员", 8),
    Column("assigned_on", "选派日期", 12),
    Column("last_visit_on", "最近走访", 12),
    Column("released_on", "解除日期", 12),
    Column("release_reason", "解除原因", 16),
]


def assignments_workbook(actor: Actor, filters: dict[str, Any]) -> IO[bytes]:
    return write_workbook([Sheet("党建指导员选派记录", ASSIGNMENTS, assignments.export_rows(actor, filters))])
