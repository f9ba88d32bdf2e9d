from __future__ import annotations

from marshmallow import Schema, fields

from schemas.common import one_of, text
from schemas.dates import business_date

DONE_WORKFLOWS = ["establishment", "supervision_ticket"]


class DoneQuerySchema(Schema):
    workflow = one_of(DONE_WORKFLOWS)
    unit = text(100, metadata={"description": "A unit's name (part of it) or its credit code"})
    date_from = business_date(metadata={"description": "From this Beijing date (included)"})
    date_to = business_date(metadata={"description": "Up to this Beijing date (included)"})


class DoneSchema(Schema):
    id = fields.Integer(metadata={"description": "The audit record of the action"})
    at = fields.DateTime()
    action = fields.String()
    action_label = fields.String()
    workflow = fields.String()
    workflow_label = fields.String()
    subject_id = fields.Integer()
    title = fields.String()
    comment = fields.String(allow_none=True)
