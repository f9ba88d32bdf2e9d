"""常用意见 (saved opinions) through the API."""

from __future__ import annotations

from marshmallow import Schema, fields

from schemas.common import text
from workflows.opinions import MAX_OPINION_LENGTH


class SavedOpinionSchema(Schema):
    id = fields.Integer()
    text = fields.String(metadata={"description": "The opinion as saved (lines trimmed)"})
    position = fields.Integer(metadata={"description": "Its place in the user's list (ascending)"})
    created_at = fields.DateTime()


class SavedOpinionCreateSchema(Schema):
    text = text(
        MAX_OPINION_LENGTH,
        required=True,
        metadata={"description": f"At most {MAX_OPINION_LENGTH} characters; not one already saved"},
    )
