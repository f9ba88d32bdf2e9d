from __future__ import annotations

from marshmallow import Schema, fields


class NotificationSchema(Schema):
    id = fields.Integer()
    kind = fields.String(metadata={"description": "What happened, e.g. escalation.reminder, task.assigned"})
    title = fields.String()
    body = fields.String(allow_none=True)
    subject_type = fields.String(allow_none=True, metadata={"description": "What it is about, e.g. supervision_ticket"})
    subject_id = fields.Integer(allow_none=True)
    subject = fields.String(
        allow_none=True,
        metadata={"description": "What it is about, in words: a request's units and form, a ticket's title…"},
    )
    task_id = fields.Integer(
        allow_none=True, metadata={"description": "The approval task it asks the recipient to act on (/tasks/{id})"}
    )
    created_at = fields.DateTime()
    read_at = fields.DateTime(allow_none=True)
    read = fields.Function(lambda n: n.read_at is not None)
    settled_at = fields.DateTime(
        allow_none=True,
        metadata={"description": "When what it asked for was done (a ticket acknowledged, a request withdrawn…)"},
    )
    settled = fields.Function(
        lambda n: bool(n.settled) or n.settled_at is not None,
        metadata={
            "description": "Done (已处理), no longer counted as unread: settled_at is set, or the task it names "
            "was decided, cancelled, or taken by someone else"
        },
    )


class NotificationQuerySchema(Schema):
    unread = fields.Boolean(
        metadata={"description": "true: only unread; false: only read; omitted: all"},
    )


class UnreadCountSchema(Schema):
    unread = fields.Integer(metadata={"description": "My unread notifications"})


class MarkedSchema(Schema):
    marked = fields.Integer(metadata={"description": "How many notifications this call marked read"})
