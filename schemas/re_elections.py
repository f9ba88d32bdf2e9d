"""Re-elections (换届): request bodies, query strings and answers (Chinese labels next to codes)."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.common import HistoryEntrySchema, LoadsInto, count, ident, one_of, rules_version, text
from schemas.dates import business_date
from schemas.establishment import CandidateSchema, StepSchema
from workflows.re_election import DueStatus, ElectionMeeting, NewRequest, ReElectionState, RequestKind, Resubmission

KIND_VALUES = [k.value for k in RequestKind]
STATE_VALUES = [s.value for s in ReElectionState]
DUE_VALUES = [s.value for s in DueStatus]


class _RequestFields(Schema):
    reason = text(1000, load_default=None, metadata={"description": "Why (required to postpone or bring forward)"})
    request_text = text(5000, load_default=None, metadata={"description": "The request (换届请示) text"})
    committee_size = fields.Integer(
        strict=True,
        load_default=None,
        allow_none=True,
        validate=validate.Range(min=0, max=15),
        metadata={"description": "Seats of the committee to elect; 0: a secretary alone"},
    )
    secretary = text(50, load_default=None, metadata={"description": "The proposed secretary, among the candidates"})
    candidates = fields.List(text(50), load_default=None, allow_none=True, validate=validate.Length(min=1, max=30))
    oversize_reason = text(1000, load_default=None)
    new_due_on = business_date(
        load_default=None, metadata={"description": "The new due date asked for (postponement or advance)"}
    )


class RequestCreateSchema(_RequestFields, LoadsInto):
    into = NewRequest
    party_org_id = ident(required=True)
    kind = one_of(KIND_VALUES, load_default=RequestKind.RE_ELECTION.value)


class ResubmitSchema(_RequestFields, LoadsInto):
    into = Resubmission


class WithdrawSchema(Schema):
    reason = text(1000, load_default=None)


class ElectionSchema(LoadsInto):
    into = ElectionMeeting
    held_on = business_date(required=True, metadata={"description": "Date of the re-election general meeting"})
    entitled = fields.Integer(strict=True, required=True, validate=validate.Range(min=1, max=100_000))
    present = count(required=True)
    secretary = text(50, required=True)
    elected = fields.List(fields.Nested(CandidateSchema), required=True, validate=validate.Length(min=1, max=15))
    term_start = business_date(load_default=None)


class RequestQuerySchema(Schema):
    state = one_of(STATE_VALUES)
    kind = one_of(KIND_VALUES)
    party_org_id = ident(strict=False)


class DueQuerySchema(Schema):
    status = one_of(DUE_VALUES)
    jurisdiction_id = ident(strict=False, metadata={"description": "Organisations in this body's subtree"})


class TermRefSchema(Schema):
    id = fields.Integer()
    name = fields.String()


class TermBodySchema(TermRefSchema):
    code = fields.String()


class TermOrgSchema(TermRefSchema):
    kind = fields.String()


class OpenRequestSchema(Schema):
    id = fields.Integer()
    kind = fields.String()
    state = fields.String()
    state_label = fields.String()


class DueSchema(Schema):
    party_org = fields.Nested(TermOrgSchema)
    jurisdiction = fields.Nested(TermBodySchema)
    term_years = fields.Integer(allow_none=True)
    term_start = fields.Date(allow_none=True)
    term_due_on = fields.Date()
    status = fields.String(metadata={"description": "due (within the window) or overdue"})
    status_label = fields.String()
    escalation_level = fields.String(allow_none=True)
    open_request = fields.Nested(OpenRequestSchema, allow_none=True)


class DueCountsSchema(Schema):
    due = fields.Integer()
    overdue = fields.Integer()


class RequestSchema(Schema):
    id = fields.Integer()
    state = fields.String()
    state_label = fields.String()
    kind = fields.String()
    kind_label = fields.String()
    party_org = fields.Nested(TermOrgSchema)
    jurisdiction = fields.Nested(TermBodySchema)
    form = fields.String()
    formal_members = fields.Integer()
    reason = fields.String(allow_none=True)
    request_text = fields.String(allow_none=True)
    committee_size = fields.Integer(allow_none=True)
    secretary = fields.String(allow_none=True)
    candidates = fields.List(fields.String(), allow_none=True)
    oversize_reason = fields.String(allow_none=True)
    current_due_on = fields.Date(allow_none=True)
    new_due_on = fields.Date(allow_none=True)
    submitted_at = fields.DateTime(allow_none=True)
    return_reason = fields.String(allow_none=True)
    approval_doc_no = fields.String(allow_none=True)
    approved_on = fields.Date(allow_none=True)
    approval_meeting_on = fields.Date(allow_none=True)
    approving_body = fields.String(allow_none=True)
    decision_reason = fields.String(allow_none=True)
    general_meeting = fields.Dict(allow_none=True)
    held_on = fields.Date(allow_none=True)
    term_start = fields.Date(allow_none=True)
    term_years = fields.Integer(allow_none=True)
    term_due_on = fields.Date(allow_none=True)
    closed_reason = fields.String(allow_none=True)
    allowed_actions = fields.List(fields.String())
    steps = fields.List(fields.Nested(StepSchema))
    history = fields.List(fields.Nested(HistoryEntrySchema))
    version = fields.Integer()
    rules_version = rules_version()
