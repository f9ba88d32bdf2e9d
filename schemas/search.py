"""The console's 全部事项 search (and its .xlsx export): the filters a query string may carry."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, ValidationError, fields, validates, validates_schema

from schemas.common import ident, one_of, text
from schemas.dates import business_date
from workflows import credit_code
from workflows.errors import RuleViolation
from workflows.establishment import ESTABLISHMENT
from workflows.supervision import SUPERVISION_TICKET

# What the search lists, by kind (the workflows' names).
SEARCH_KINDS = [ESTABLISHMENT.name, SUPERVISION_TICKET.name]
# A state is chosen with its kind: "establishment:preparing", "supervision_ticket:issued".
SEARCH_STATES = [f"{d.name}:{s.name}" for d in (ESTABLISHMENT, SUPERVISION_TICKET) for s in d.states]


class SearchQuerySchema(Schema):
    kind = one_of(SEARCH_KINDS)
    state = one_of(SEARCH_STATES)
    body = ident(strict=False, metadata={"description": "A jurisdiction in scope, with everything under it"})
    unit = text(100, metadata={"description": "Part of a unit's name (cases) or of the handling body's (tickets)"})
    credit_code = fields.String(metadata={"description": "A unit's 18-character unified social credit code"})
    date_from = business_date(metadata={"description": "Filed (cases) or issued (tickets) on or after"})
    date_to = business_date(metadata={"description": "Filed (cases) or issued (tickets) on or before"})

    @validates("credit_code")
    def _credit_code(self, value: str, **_: Any) -> None:
        try:
            credit_code.validate(value)
        except RuleViolation as exc:
            raise ValidationError(exc.message) from exc

    @validates_schema
    def _consistent(self, data: dict[str, Any], **_: Any) -> None:
        """Every inconsistency at once, each on its field."""
        errors: dict[str, list[str]] = {}
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            errors["date_to"] = ["截止日期不能早于起始日期"]
        state, kind = data.get("state"), data.get("kind")
        if state and kind and not state.startswith(kind + ":"):
            errors["state"] = ["所选状态不属于所选事项类型"]
        if data.get("credit_code") and kind == SUPERVISION_TICKET.name:
            errors["credit_code"] = ["督办单不按统一社会信用代码查询（信用代码只用于建立党组织申请）"]
        if errors:
            raise ValidationError(errors)
