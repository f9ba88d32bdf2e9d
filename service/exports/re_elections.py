"""The re-election due list (换届提醒) as .xlsx, from the same read and filters as the API's list and the page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from service.auth import Actor
from service.operations.flows.re_election import terms
from service.spreadsheets.writer import Column, Sheet, write_workbook
from workflows.deadlines import LEVEL_LABELS
from workflows.establishment import FORM_LABELS_ZH, OrgForm

_FORMS = {f.value: FORM_LABELS_ZH[f] for f in OrgForm}

DUE = [
    Column("party_org", "党组织", 30),
    Column("form", "组织形式", 12),
    Column("jurisdiction", "所属党(工)委", 16),
    Column("term_years", "任期（年）", 10),
    Column("term_start", "本届起始", 12, lambda v: v.isoformat() if v else None),
    Column("term_due_on", "届满日期", 12, lambda v: v.isoformat() if v else None),
    Column("status", "状态", 8),
    Column("level", "督办层级", 10),
    Column("request", "换届事项", 16),
]


def _rows(actor: Actor, filters: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for d in terms.due_export_rows(actor, filters):
        request = d["open_request"]
        yield {
            "party_org": d["party_org"]["name"],
            "form": _FORMS.get(d["party_org"]["kind"], d["party_org"]["kind"]),
            "jurisdiction": d["jurisdiction"]["name"],
            "term_years": d["term_years"],
            "term_start": d["term_start"],
            "term_due_on": d["term_due_on"],
            "status": d["status_label"],
            "level": LEVEL_LABELS.get(d["escalation_level"] or "", ""),
            "request": request["state_label"] if request else "",
        }


def due_workbook(actor: Actor, filters: dict[str, Any]) -> IO[bytes]:
    return write_workbook([Sheet("换届提醒", DUE, _rows(actor, filters))])
