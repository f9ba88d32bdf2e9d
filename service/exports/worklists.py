"""The console's worklists as .xlsx: 待办 (approval tasks, or a handling body's tickets), 已办 and the 全部事项
search. The rows come presented from the pages' own queries (their scope, filters and order), at most
`CONSOLE_EXPORT_MAX_ROWS` of them; a 说明 sheet records who exported what, when, with which filters, and says
when the list was cut."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import IO, Any

from service.clock import CHINA
from service.spreadsheets.writer import Column, Sheet, write_workbook
from workflows.deadlines import WARNING_LABELS


def _light(value: str | None) -> str | None:
    return WARNING_LABELS.get(value, value) if value else None


SEARCH_COLUMNS = [
    Column("kind_label", "事项类型", 11),
    Column("id", "编号", 8),
    Column("title", "事项名称", 36),
    Column("units", "单位名称", 30),
    Column("credit_codes", "统一社会信用代码", 22),
    Column("body_name", "所属/承办单位", 18),
    Column("issuing_body_name", "督办单位", 16),
    Column("state_label", "状态", 14),
    Column("dated", "申请/下发日期", 13),
    Column("person", "申请人/督办人", 14),
]
TASK_COLUMNS = [
    Column("light", "预警", 11, _light),
    Column("title", "事项", 36),
    Column("workflow_label", "业务", 12),
    Column("jurisdiction", "申请单位所属", 16),
    Column("step", "环节", 24),
    Column("due_on", "办理期限", 12),
    Column("status_label", "状态", 16),
    Column("assignee", "办理人", 12),
]
TICKET_INBOX_COLUMNS = [
    Column("light", "预警", 11, _light),
    Column("id", "督办单编号", 11),
    Column("title", "督办事项", 36),
    Column("issuing_body_name", "督办单位", 16),
    Column("pending", "待办", 22),
    Column("deadline", "期限", 12),
    Column("state_label", "状态", 14),
    Column("responsible_person", "责任人", 12),
    Column("issued_on", "下发日期", 12),
]
DONE_COLUMNS = [
    Column("day", "办理日期", 12),
    Column("time", "办理时间", 10),
    Column("workflow_label", "业务", 12),
    Column("title", "事项", 36),
    Column("action_label", "办理", 14),
    Column("comment", "意见", 40),
    Column("person", "办理人", 12),
]
NOTE_COLUMNS = [Column("item", "项目", 14), Column("value", "内容", 70)]


@dataclass(frozen=True)
class ExportNote:
    """What the 说明 sheet says: who exported which list, when, filtered how, and whether it was cut."""

    title: str
    exported_by: str
    exported_at: datetime
    filters: Sequence[tuple[str, str]]
    rows: int
    limit: int
    truncated: bool


def _notes(note: ExportNote) -> list[dict[str, Any]]:
    cut = (
        f"列表超过导出上限，仅导出前 {note.limit} 条，请缩小筛选范围后分次导出"
        if note.truncated
        else f"已全部导出（单次导出上限 {note.limit} 条）"
    )
    rows: list[dict[str, Any]] = [
        {"item": "导出内容", "value": note.title},
        {"item": "导出人", "value": note.exported_by},
        {"item": "导出时间", "value": note.exported_at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")},
        {"item": "筛选条件", "value": "；".join(f"{k}：{v}" for k, v in note.filters) or "无（全部）"},
        {"item": "导出条数", "value": note.rows},
        {"item": "导出上限", "value": cut},
    ]
    return rows


def workbook(title: str, columns: list[Column], rows: Sequence[Mapping[str, Any]], note: ExportNote) -> IO[bytes]:
    """The rows under Chinese headers (dates as date cells), then the 说明 sheet."""
    return write_workbook([Sheet(title, columns, rows), Sheet("说明", NOTE_COLUMNS, _notes(note))])
