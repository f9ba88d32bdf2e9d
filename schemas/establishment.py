from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.common import HistoryEntrySchema, LoadsInto, count, ident, one_of, rules_version, sort_param, text
from schemas.dates import business_date
from service.vocab import CASE_SORT_KEYS as SORT_KEYS
from workflows.establishment import FORMS, CaseChanges, EstablishmentState, FoundingMeeting, NewCase

FORM_VALUES = [f.value for f in FORMS]
STATE_VALUES = [s.value for s in EstablishmentState]


class RosterMemberSchema(Schema):
    name = text(50, required=True)
    member_type = one_of(["formal", "probationary"], required=True)
    unit_id = ident(required=True)


class CandidateSchema(Schema):
    name = text(50, required=True)
    votes = count(required=True)


class _CaseFields(Schema):
    proposed_secretary = text(50, allow_none=True)
    proposed_committee_size = fields.Integer(strict=True, allow_none=True, validate=validate.Range(min=0, max=15))
    branch_oversize_reason = text(1000, allow_none=True)
    request_text = text(5000, allow_none=True, metadata={"description": "The request (请示) text"})
    roster = fields.List(
        fields.Nested(RosterMemberSchema),
        allow_none=True,
        validate=validate.Length(max=5000),
        metadata={"description": "Member roster (花名册); when given it must match the ledger"},
    )


class CaseCreateSchema(_CaseFields, LoadsInto):
    into = NewCase
    unit_ids = fields.List(ident(), required=True, validate=validate.Length(min=1, max=10))
    form = one_of(FORM_VALUES, required=True)
    proposed_name = text(200, required=True)


class CaseUpdateSchema(_CaseFields, LoadsInto):
    into = CaseChanges
    unit_ids = fields.List(ident(), validate=validate.Length(min=1, max=10))
    form = one_of(FORM_VALUES)
    proposed_name = text(200, blank=False)


class ReasonSchema(Schema):
    reason = text(1000, load_default=None)


class RequiredReasonSchema(Schema):
    reason = text(1000, required=True)


class FoundSchema(LoadsInto):
    into = FoundingMeeting
    held_on = business_date(required=True, metadata={"description": "Date of the founding general meeting"})
    entitled = fields.Integer(strict=True, required=True, validate=validate.Range(min=1, max=100_000))
    present = count(required=True)
    secretary = text(50, required=True)
    elected = fields.List(
        fields.Nested(CandidateSchema),
        required=True,
        validate=validate.Length(min=1, max=15),
        metadata={"description": "Everyone elected with their votes, the secretary included"},
    )
    term_start = business_date(load_default=None)
    oversize_reason = text(1000, load_default=None)


class CaseQuerySchema(Schema):
    state = one_of(STATE_VALUES)
    form = one_of(FORM_VALUES)
    jurisdiction_id = ident(strict=False)
    unit_id = ident(strict=False)
    q = text(100)
    sort = sort_param(SORT_KEYS, "-created_at")


class FormOptionsQuerySchema(Schema):
    unit_ids = fields.List(ident(strict=False), required=True, validate=validate.Length(min=1, max=10))


class FormOptionSchema(Schema):
    form = fields.String()
    label = fields.String()
    allowed = fields.Boolean()
    required = fields.Boolean()
    needs_reason = fields.Boolean()
    reason = fields.String()
    code = fields.String(allow_none=True)


class CaseUnitSchema(Schema):
    id = fields.Integer()
    name = fields.String()
    credit_code = fields.String()
    formal_members = fields.Integer()
    probationary_members = fields.Integer()
    mobile_members = fields.Integer()


class TaskBriefSchema(Schema):
    id = fields.Integer()
    position = fields.Integer()
    assignee_id = fields.Integer(allow_none=True)
    offered_to_group = fields.Boolean()
    status = fields.String()
    kind = fields.String(metadata={"description": "approval, or consult (委派: an opinion asked of a colleague)"})
    outcome = fields.String(allow_none=True)
    comment = fields.String(allow_none=True)
    decided_at = fields.DateTime(allow_none=True)


class StepSchema(Schema):
    id = fields.Integer()
    level = fields.Integer()
    level_name = fields.String()
    body = fields.Dict()
    mode = fields.String()
    mode_label = fields.String()
    status = fields.String()
    due_on = fields.Date()
    due_basis = fields.String()
    overdue = fields.Boolean()
    tally = fields.Dict(allow_none=True)
    tasks = fields.List(fields.Nested(TaskBriefSchema))


class CaseSchema(Schema):
    id = fields.Integer()
    state = fields.String()
    state_label = fields.String()
    form = fields.String()
    form_label = fields.String()
    jurisdiction = fields.Dict()
    county_id = fields.Integer(allow_none=True)
    applicant_id = fields.Integer(allow_none=True)
    proposed_name = fields.String()
    proposed_secretary = fields.String(allow_none=True)
    proposed_committee_size = fields.Integer(allow_none=True)
    branch_oversize_reason = fields.String(allow_none=True)
    request_text = fields.String(allow_none=True)
    roster = fields.List(fields.Dict(), allow_none=True)
    formal_total = fields.Integer()
    probationary_total = fields.Integer()
    mobile_total = fields.Integer()
    preparation_started_on = fields.Date()
    submitted_at = fields.DateTime(allow_none=True)
    return_reason = fields.String(allow_none=True)
    decided_at = fields.DateTime(allow_none=True)
    decision_reason = fields.String(allow_none=True)
    approving_body = fields.String(allow_none=True)
    approval_doc_no = fields.String(allow_none=True)
    approved_on = fields.Date(allow_none=True)
    approval_meeting_on = fields.Date(allow_none=True)
    general_meeting = fields.Dict(allow_none=True)
    founded_on = fields.Date(allow_none=True)
    term_years = fields.Integer(allow_none=True)
    term_due_on = fields.Date(allow_none=True)
    party_org_id = fields.Integer(allow_none=True)
    closed_reason = fields.String(allow_none=True)
    allowed_actions = fields.List(fields.String(), metadata={"description": "what the caller may do now (API names)"})
    units = fields.List(fields.Nested(CaseUnitSchema))
    steps = fields.List(fields.Nested(StepSchema))
    history = fields.List(fields.Nested(HistoryEntrySchema), metadata={"description": "Only on the single-case read"})
    version = fields.Integer()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    rules_version = rules_version()
