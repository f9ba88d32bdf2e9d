"""Pairing agreements (结对共建): request bodies, query strings and answers (Chinese labels next to codes)."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.common import HistoryEntrySchema, LoadsInto, ident, one_of, rules_version, text
from schemas.dates import business_date
from workflows.pairing import NewAgreement, PairingState, Progress

STATE_VALUES = [s.value for s in PairingState]


def _count(**kw: object) -> fields.Integer:
    return fields.Integer(strict=True, validate=validate.Range(min=0, max=1000), **kw)  # type: ignore[arg-type]


class AgreementCreateSchema(LoadsInto):
    into = NewAgreement
    org_a_id = ident(required=True, metadata={"description": "One party organisation"})
    org_b_id = ident(required=True, metadata={"description": "The other party organisation"})
    title = text(200, required=True)
    year = fields.Integer(strict=True, required=True, validate=validate.Range(min=2000, max=2100))
    duties_due_on = business_date(required=True, metadata={"description": "The year's duties are due by this day"})
    planned_visits = _count(required=True)
    planned_trainings = _count(required=True)
    planned_activists = _count(required=True)


class SignSchema(Schema):
    signed_on = business_date(required=True)


class ProgressSchema(LoadsInto):
    into = Progress
    visits = _count(load_default=0)
    trainings = _count(load_default=0)
    activists = _count(load_default=0)


class ReviewSchema(Schema):
    note = text(2000, load_default=None)


class TerminateSchema(Schema):
    reason = text(1000, required=True)


class AgreementQuerySchema(Schema):
    state = one_of(STATE_VALUES)
    year = fields.Integer(validate=validate.Range(min=2000, max=2100))
    jurisdiction_id = ident(strict=False, metadata={"description": "Agreements followed in this body's subtree"})


class OrgRefSchema(Schema):
    id = fields.Integer()
    name = fields.String()


class BodyRefSchema(Schema):
    id = fields.Integer()
    name = fields.String()
    code = fields.String()


class DutiesSchema(Schema):
    visits = fields.Integer()
    trainings = fields.Integer()
    activists = fields.Integer()


class AgreementSchema(Schema):
    id = fields.Integer()
    state = fields.String()
    state_label = fields.String()
    title = fields.String()
    year = fields.Integer()
    jurisdiction = fields.Nested(BodyRefSchema, metadata={"description": "The body that follows the agreement"})
    org_a = fields.Nested(OrgRefSchema)
    org_b = fields.Nested(OrgRefSchema)
    duties_due_on = fields.Date()
    planned = fields.Nested(DutiesSchema)
    done = fields.Nested(DutiesSchema)
    lagging = fields.List(fields.String(), metadata={"description": "Duties behind the plan"})
    signed_on = fields.Date(allow_none=True)
    effective_on = fields.Date(allow_none=True)
    reviewed_on = fields.Date(allow_none=True)
    duties_met = fields.Boolean(allow_none=True)
    review_note = fields.String(allow_none=True)
    terminated_reason = fields.String(allow_none=True)
    escalation_level = fields.String(allow_none=True)
    next_escalation_at = fields.Date(allow_none=True)
    next_escalation_level = fields.String(allow_none=True)
    history = fields.List(fields.Nested(HistoryEntrySchema))
    rules_version = rules_version()
