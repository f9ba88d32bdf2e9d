"""催办 (urge): the request (an optional message) and the answer."""

from __future__ import annotations

from marshmallow import Schema, fields

from schemas.common import text
from workflows.urge import MESSAGE_MAX


class UrgeRequestSchema(Schema):
    message = text(MESSAGE_MAX, load_default=None, allow_none=True, metadata={"description": "催办留言 (optional)"})


class UrgeSchema(Schema):
    id = fields.Integer()
    subject_type = fields.String(metadata={"description": "approval_task or supervision_ticket"})
    subject_id = fields.Integer()
    actor_id = fields.Integer(allow_none=True)
    actor_name = fields.String(metadata={"description": "The urging person's display name"})
    at = fields.DateTime()
    urged_on = fields.Date(metadata={"description": "The civil day (China) of the urge"})
    message = fields.String(allow_none=True)
    notified = fields.Integer(metadata={"description": "How many people the notification reached"})
    urge_count = fields.Integer(metadata={"description": "Urges of this item so far, this one included"})
    next_allowed_on = fields.Date(metadata={"description": "The first day it may be urged again (next working day)"})
