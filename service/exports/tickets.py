"""Supervision tickets as .xlsx: the board's list (its filters, each ticket's light today) and its per-body counts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, Any

from service.auth import Actor
from service.operations.flows.supervision import ticket_board
from service.spreadsheets.writer import Column, Sheet, write_workbook
from workflows.deadlines import LEVEL_LABELS, WARNING_LABELS
from workflows.supervision import PRIORITY_LABELS_ZH, SUPERVISION_TICKET, Priority


def _label(labels: Mapping[Any, str], key: Any) -> str | None:
    return labels.get(key, key) if key else None


TICKET_COLUMNS = [
    Column("id", "督办单编号", 11),
    Column("title", "标题", 36),
    Column("jurisdiction_name", "承办单位", 18),
    Column("issuing_body_name", "督办单位", 18),
    Column("priority", "紧急程度", 10, lambda v: PRIORITY_LABELS_ZH[Priority(v)]),
    Column("state", "状态", 11, SUPERVISION_TICKET.state_label),
    Column("responsible_person", "责任人", 12),
    Column("problems", "问题数", 8),
    Column("issued_on", "下发日期", 12),
    Column("acknowledge_by", "签收期限", 12),
    Column("rectify_by", "整改期限", 12),
    Column("tracked_deadline", "当前跟踪期限", 13),
    Column("warning_level", "预警", 11, lambda v: _label(WARNING_LABELS, v)),
    Column("escalation_level", "催办级别", 12, lambda v: _label(LEVEL_LABELS, v)),
    Column("closed_at", "办结日期", 12),
    Column("closed_on_time", "按期办结", 9, lambda v: None if v is None else ("是" if v else "否")),
]
BOARD_COLUMNS = [
    Column("body_name", "承办单位", 20),
    Column("body_code", "单位代码", 12),
    Column("total", "督办单数", 10),
    Column("closed", "已办结", 9),
    Column("closed_on_time", "按期办结", 9),
    Column("open", "办理中", 9),
    Column("overdue", "红灯（逾期）", 12),
    Column("yellow", "黄灯（临期）", 12),
    Column("green", "绿灯", 8),
    Column("closure_rate", "办结率", 9),
    Column("on_time_rate", "按期办结率", 11),
]


def _board_rows(actor: Actor, filters: dict[str, Any]) -> list[dict[str, Any]]:
    board_filters = {k: filters[k] for k in ("jurisdiction_id", "issuing_body_id", "priority") if k in filters}
    board = ticket_board.board(actor, board_filters)
    rows = [{"body_name": b["body"]["name"], "body_code": b["body"]["code"], **b} for b in board["bodies"]]
    rows.append({"body_name": "合计", "body_code": None, **board["totals"]})
    return [{c.key: row.get(c.key) for c in BOARD_COLUMNS} for row in rows]


def tickets_workbook(actor: Actor, filters: dict[str, Any]) -> IO[bytes]:
    """Two sheets: every ticket of the board's list, and the board's per-body counts (one GROUP BY)."""
    rows = ticket_board.ticket_rows(actor, filters)
    return write_workbook(
        [Sheet("督办单", TICKET_COLUMNS, rows), Sheet("汇总", BOARD_COLUMNS, _board_rows(actor, filters))]
    )
