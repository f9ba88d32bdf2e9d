"""The units operating a year with no party activity (五个同步 2) as .xlsx, streamed from the same read as the
API's list."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import asdict
from typing import IO, Any

from service.auth import Actor
from service.operations.flows.synchronisation import activities
from service.spreadsheets.writer import Column, Sheet, write_workbook

INACTIVE = [
    Column("credit_code", "统一社会信用代码", 22),
    Column("name", "单位名称", 30),
    Column("jurisdiction_name", "所属", 16),
    Column("has_party_org", "已建党组织", 11, lambda v: "是" if v else "否"),
    Column("instructor_name", "党建指导员", 12),
    Column("operating_since", "纳入台账日期", 13, lambda v: v.isoformat()),
    Column("last_activity_on", "最近一次活动", 13, lambda v: v.isoformat() if v else None),
]


def _rows(actor: Actor, filters: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    return (asdict(row) for row in activities.inactive_rows(actor, filters))


def inactive_workbook(actor: Actor, filters: Mapping[str, Any]) -> IO[bytes]:
    return write_workbook([Sheet("满一年未开展活动", INACTIVE, _rows(actor, filters))])
