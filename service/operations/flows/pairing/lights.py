"""The warning light of a pairing agreement (结对共建), as the list, the agreement page and the export show it."""

from __future__ import annotations

from service.calendar import calendar
from service.clock import today
from service.models.pairing import PairingAgreement
from service.operations.engines import escalation
from service.operations.flows.pairing import agreements
from workflows import pairing as rules
from workflows.deadlines import warning_level
from workflows.pairing import PairingState


def light_of(a: PairingAgreement) -> str | None:
    """In force: green once nothing lags, else by the working days left to the due date (the ladder's yellow
    window, ESCALATION_SETTINGS.pairing_agreement); no light in any other state."""
    if a.state != PairingState.IN_FORCE:
        return None
    if not agreements.lagging(a):
        return "green"
    yellow = escalation.settings().for_item(rules.PAIRING_LADDER.item_type).yellow_within_workdays
    return str(warning_level(today(), a.duties_due_on, calendar(), yellow))
