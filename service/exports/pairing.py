"""Pairing agreements (结对共建) as .xlsx: the list's filters, scope and order, each agreement's plan, what is
done, what lags, its light today and its escalation level."""

from __future__ import annotations

from typing import IO, Any

from service.auth import Actor
from service.operations.common import paginate
from service.operations.flows.pairing import agreements
from service.operations.flows.pairing.lights import light_of
from service.spreadsheets.writer import Column, Sheet, write_workbook
from workflows import pairing as rules
from workflows.deadlines import LEVEL_LABELS, WARNING_LABELS
from workflows.pairing import PAIRING_AGREEMENT

# The most rows one download holds (a city has hundreds of agreements a year, not tens of thousands).
MAX_ROWS = 10_000

COLUMNS = [
    Column("id", "协议编号", 9),
    Column("title", "协议名称", 36),
    Column("year", "年度", 7),
    Column("state", "状态", 10, PAIRING_AGREEMENT.state_label),
    Column("org_a", "甲方", 28),
    Column("org_b", "乙方", 28),
    Column("jurisdiction", "督导单位", 16),
    Column("duties_due_on", "完成期限", 12),
    Column("visits", "走访交流（已完成/计划）", 12),
    Column("trainings", "联合培训（已完成/计划）", 12),
    Column("activists", "培养入党积极分子（已完成/计划）", 14),
    Column("lagging", "滞后事项", 24),
    Column("light", "预警", 9, lambda v: WARNING_LABELS.get(v, v) if v else None),
    Column("escalation_level", "催办级别", 10, lambda v: LEVEL_LABELS.get(v, v) if v else None),
    Column("signed_on", "签订日期", 12),
    Column("reviewed_on", "考评日期", 12),
    Column("duties_met", "完成年度计划", 9, lambda v: None if v is None else ("是" if v else "否")),
]


def rows(actor: Actor, filters: dict[str, Any]) -> list[dict[str, Any]]:
    """The agreements as the list shows them, at most MAX_ROWS (the agreements, their count, then their
    organisations' names), each with the page's warning light."""
    found, _ = paginate(agreements.query(actor, filters), 1, MAX_ROWS)
    names = agreements.org_names(found)
    out = []
    for a in found:
        lagging = agreements.lagging(a)
        out.append(
            {
                **{c.key: getattr(a, c.key, None) for c in COLUMNS},
                "org_a": names.get(a.org_a_id),
                "org_b": names.get(a.org_b_id),
                "jurisdiction": a.jurisdiction.name,
                **{d: f"{getattr(a, f'{d}_done')}/{getattr(a, f'planned_{d}')}" for d in rules.DUTY_LABELS},
                "lagging": "、".join(rules.DUTY_LABELS[d] for d in lagging) if a.state == "in_force" else None,
                "light": light_of(a),
            }
        )
    return out


def agreements_workbook(actor: Actor, filters: dict[str, Any]) -> IO[bytes]:
    return write_workbook([Sheet("结对共建", COLUMNS, rows(actor, filters))])
