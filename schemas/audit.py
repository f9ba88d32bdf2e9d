from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.common import one_of, text
from workflows.registry import WORKFLOW_SUBJECTS

# The service's own subjects, then every workflow's (declared in workflows/, read from the registry).
SUBJECT_TYPES = [
    "unit",
    "jurisdiction",
    "user",
    "party_org",
    "ledger",
    "approval_route",
    "document",
    "document_template",
    "unit_import",
    "circular",
    "coverage_snapshot",
    *WORKFLOW_SUBJECTS,
]


class AuditEventSchema(Schema):
    id = fields.Integer()
    occurred_at = fields.DateTime()
    actor_id = fields.Integer(allow_none=True)
    actor_label = fields.String()
    action = fields.String()
    subject_type = fields.String()
    subject_id = fields.Integer()
    jurisdiction_id = fields.Integer(allow_none=True)
    state_before = fields.Dict(allow_none=True)
    state_after = fields.Dict(allow_none=True)
    comment = fields.String(allow_none=True)
    request_id = fields.String(allow_none=True)


class AuditQuerySchema(Schema):
    subject_type = one_of(SUBJECT_TYPES)
    subject_id = fields.Integer(validate=validate.Range(min=0, max=2**31 - 1))  # 0: ledger-wide events
    action = text(64)
