"""抄送 / 待阅 (copies): the request, the list's query and the answers."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.common import ident, text
from workflows.copy import NOTE_MAX, RECIPIENTS_MAX


class CopyRequestSchema(Schema):
    user_ids = fields.List(
        ident(),
        required=True,
        validate=validate.Length(min=1, max=RECIPIENTS_MAX),
        metadata={"description": "The recipients (user ids); each must be able to see the subject themselves"},
    )
    note = text(NOTE_MAX, load_default=None, allow_none=True, metadata={"description": "抄送说明 (optional)"})


class CopyQuerySchema(Schema):
    unread = fields.Boolean(metadata={"description": "true: only unread; false: only read; omitted: all"})


class CopySchema(Schema):
    id = fields.Integer()
    subject_type = fields.String(metadata={"description": "establishment or supervision_ticket"})
    subject_id = fields.Integer()
    subject_label = fields.String(metadata={"description": "What kind of subject, in words (督办单…)"})
    title = fields.String(metadata={"description": "The subject's title as it is now (not when copied)"})
    state_label = fields.String(metadata={"description": "The subject's state as it is now, in words"})
    subject_path = fields.String(allow_none=True, metadata={"description": "The subject's live API address"})
    sender_id = fields.Integer(allow_none=True)
    sender_name = fields.String(allow_none=True, metadata={"description": "Who copied it (display name)"})
    recipient_id = fields.Integer()
    note = fields.String(allow_none=True)
    created_at = fields.DateTime()
    read_at = fields.DateTime(allow_none=True)
    read = fields.Boolean()


class CopiedSchema(Schema):
    created = fields.Integer(metadata={"description": "How many copies this call wrote (0: all already unread)"})
    copies = fields.List(
        fields.Nested(CopySchema),
        metadata={"description": "Every recipient's copy: new, or the unread one they already held"},
    )
