"""The demo city's pairing agreements (结对共建) beside the one in force that service/demo.py drafts: one behind
its plan whose due day has passed, escalated by the sweep (催办 to 青山县's handlers), and one whose year was
reviewed with every duty done. Both are followed by 青山县 and made by its supervisor, through the same commands
as the API and the console, each step on the demo's clock (service/demo.py `_Timeline`)."""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from service.auth import Actor
from service.clock import today
from service.models import PartyOrg
from service.operations.common import paginate
from service.operations.reference import party_orgs
from workflows.pairing import NewAgreement, Progress


class _Cast(Protocol):
    """What this module uses of service.demo's cast (not imported: the demo imports this module)."""

    @property
    def t(self) -> Any:  # the demo's _Timeline: day(back), today
        ...

    @property
    def sup(self) -> Actor:  # 青山县's supervisor
        ...


def _pairs(c: _Cast) -> tuple[tuple[PartyOrg, PartyOrg], tuple[PartyOrg, PartyOrg]]:
    """Two pairs of organisations the county supervisor sees, other than the agreement already in force (an
    organisation may be in several agreements; the two of one agreement differ)."""
    from service.operations.flows.pairing import agreements

    orgs = list(paginate(party_orgs.query(c.sup, {}), 1, 100)[0])
    busy = {o for a in paginate(agreements.query(c.sup, {}), 1, 10)[0] for o in (a.org_a_id, a.org_b_id)}
    free = [o for o in orgs if o.id not in busy] or orgs
    pick = [free[i % len(free)] for i in range(4)]
    if pick[0].id == pick[1].id or pick[2].id == pick[3].id:  # a city of one free organisation: pair it with any
        other = next(o for o in orgs if o.id != pick[0].id)
        pick = [pick[0], other, other, pick[0]]
    return (pick[0], pick[1]), (pick[2], pick[3])


def more_pairing(c: _Cast) -> None:
    """结对共建 in every state the console shows: escalated behind its plan, and reviewed.

    Made now, after the rest of the demo's history (the audit trail stays in time order): the dates the
    agreements carry (signed, due) are in the past, so today's sweep finds the first one due."""
    from service.operations.engines import escalation
    from service.operations.flows.pairing import agreements

    (a1, b1), (a2, b2) = _pairs(c)
    t = c.t
    # Behind its plan: signed six weeks ago, due three working days ago, one visit of four recorded; the
    # sweep sends 催办 (the ladder's first level) to the handlers of the body that follows it.
    due = t.day(3)
    title = f"{a1.name}结对帮带{b1.name}"[:200]
    behind = agreements.create(c.sup, NewAgreement(a1.id, b1.id, title, due.year, due, 4, 2, 3))
    agreements.sign(c.sup, behind.id, t.day(30))
    agreements.take_effect(c.sup, behind.id)
    agreements.record_progress(c.sup, behind.id, Progress(visits=1))
    for item_id in escalation.due(agreements.WORKFLOW, today()):
        escalation.escalate(agreements.WORKFLOW, item_id)
    # Reviewed: every duty done, the year's review recorded.
    year = t.today.year
    title = f"{a2.name}与{b2.name}结对共建"[:200]
    reviewed = agreements.create(c.sup, NewAgreement(a2.id, b2.id, title, year, date(year, 12, 15), 2, 1, 2))
    agreements.sign(c.sup, reviewed.id, t.day(60))
    agreements.take_effect(c.sup, reviewed.id)
    agreements.record_progress(c.sup, reviewed.id, Progress(visits=2, trainings=1, activists=2))
    agreements.review_year(c.sup, reviewed.id, "走访、培训和积极分子培养均按计划完成")
