"""Supervision tickets (督办单) and interviews (约谈): request bodies, query strings and answers.

Inputs are bounded and strict (unknown fields are refused: marshmallow's default RAISE); answers carry the
Chinese labels next to every code (state_label, priority_label, warning_label…)."""

from __future__ import annotations

from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from schemas.common import HistoryEntrySchema, LoadsInto, ident, one_of, rules_version, sort_param, text
from schemas.dates import business_date, business_datetime
from service.vocab import INTERVIEW_SORT_KEYS, INTERVIEW_SUBJECT_TYPES, TICKET_SORT_KEYS
from workflows.deadlines import WARNING_LABELS
from workflows.interview import MAX_COMMITMENTS, InterviewRecord, InterviewSchedule, InterviewState, NewInterview
from workflows.supervision import (
    DEFAULT_SETTINGS,
    DecideExtension,
    ExtensionRequest,
    NewTicket,
    Priority,
    RectificationReport,
    TicketChanges,
    TicketState,
)

STATE_VALUES = [s.value for s in TicketState]
PRIORITY_VALUES = [p.value for p in Priority]
WARNING_VALUES = list(WARNING_LABELS)
INTERVIEW_STATE_VALUES = [s.value for s in InterviewState]
CHINA = ZoneInfo("Asia/Shanghai")


def _when(**kw: Any) -> fields.AwareDateTime:
    return business_datetime(
        default_timezone=CHINA,
        metadata={"description": "ISO 8601; a time without an offset is read as Beijing time"},
        **kw,
    )


# -- tickets: input --------------------------------------------------------------------------------------------


class ProblemInputSchema(Schema):
    description = text(2000, required=True, metadata={"description": "The problem (问题)"})
    measure = text(2000, required=True, metadata={"description": "The measure required (整改要求)"})


class _TicketFields(Schema):
    responsible_title = text(100, allow_none=True)
    rectification_deadline = business_date(
        allow_none=True, metadata={"description": "Rectification deadline as a date (or rectification_workdays)"}
    )
    rectification_workdays = fields.Integer(
        strict=True,
        allow_none=True,
        validate=validate.Range(min=1, max=250),
        metadata={"description": "Rectification deadline as N working days after the issue day"},
    )


class TicketCreateSchema(_TicketFields, LoadsInto):
    into = NewTicket
    title = text(200, required=True)
    jurisdiction_id = ident(required=True, metadata={"description": "The handling (supervised) body"})
    responsible_person = text(50, required=True)
    priority = one_of(PRIORITY_VALUES, load_default=Priority.NORMAL.value)
    problems = fields.List(
        fields.Nested(ProblemInputSchema),
        required=True,
        validate=validate.Length(min=1, max=DEFAULT_SETTINGS.max_problems),
    )


class TicketUpdateSchema(_TicketFields, LoadsInto):
    into = TicketChanges
    title = text(200, blank=False)
    jurisdiction_id = ident()
    responsible_person = text(50, blank=False)
    priority = one_of(PRIORITY_VALUES)
    problems = fields.List(
        fields.Nested(ProblemInputSchema), validate=validate.Length(min=1, max=DEFAULT_SETTINGS.max_problems)
    )


class ProblemReportInputSchema(Schema):
    problem_id = ident(required=True)
    measures_taken = text(5000, required=True)
    evidence = fields.List(
        text(500, required=True),
        load_default=list,
        validate=validate.Length(max=DEFAULT_SETTINGS.max_evidence_per_problem),
        metadata={"description": "File references or URLs (佐证材料)"},
    )


class ReportSchema(LoadsInto):
    into = RectificationReport
    summary = text(5000, load_default=None)
    problems_reported = fields.List(
        fields.Nested(ProblemReportInputSchema),
        required=True,
        validate=validate.Length(min=1, max=DEFAULT_SETTINGS.max_problems),
        metadata={"description": "Every problem of the ticket, once"},
    )


class ReviewCommentSchema(Schema):
    comment = text(1000, load_default=None)


class ReasonRequiredSchema(Schema):
    reason = text(1000, required=True)


class ExtensionRequestSchema(LoadsInto):
    into = ExtensionRequest
    new_deadline = business_date(required=True)
    reason = text(1000, required=True)


class ExtensionDecideSchema(LoadsInto):
    into = DecideExtension
    decision = one_of(["approve", "reject"], required=True)
    approved_deadline = business_date(
        load_default=None, metadata={"description": "Grant less than asked (approve only); default: as requested"}
    )
    comment = text(1000, load_default=None, metadata={"description": "Required to refuse"})


class TicketQuerySchema(Schema):
    state = one_of(STATE_VALUES)
    priority = one_of(PRIORITY_VALUES)
    warning_level = one_of(WARNING_VALUES)
    overdue = fields.Boolean()
    jurisdiction_id = ident(strict=False, metadata={"description": "Handling bodies in this body's subtree"})
    issuing_body_id = ident(strict=False)
    q = text(100)
    sort = sort_param(TICKET_SORT_KEYS, "-created_at")


class BoardQuerySchema(Schema):
    jurisdiction_id = ident(strict=False, metadata={"description": "Handling bodies in this body's subtree"})
    issuing_body_id = ident(strict=False)
    priority = one_of(PRIORITY_VALUES)


# -- tickets: output -------------------------------------------------------------------------------------------


class BodySchema(Schema):
    id = fields.Integer()
    name = fields.String()
    code = fields.String()
    kind = fields.String()


class ProblemSchema(Schema):
    id = fields.Integer()
    position = fields.Integer()
    description = fields.String()
    measure = fields.String()
    measures_taken = fields.String(allow_none=True)
    evidence = fields.List(fields.String(), allow_none=True)


class ReportOutSchema(Schema):
    id = fields.Integer()
    submitted_by = fields.Integer(allow_none=True)
    submitted_at = fields.DateTime()
    summary = fields.String(allow_none=True)
    items = fields.List(fields.Dict())
    review_outcome = fields.String(allow_none=True)
    review_outcome_label = fields.String(allow_none=True)
    review_comment = fields.String(allow_none=True)


class ExtensionSchema(Schema):
    id = fields.Integer()
    status = fields.String()
    status_label = fields.String()
    requested_by = fields.Integer(allow_none=True)
    requested_on = fields.Date()
    current_deadline = fields.Date()
    requested_deadline = fields.Date()
    reason = fields.String()
    decided_by = fields.Integer(allow_none=True)
    decided_at = fields.DateTime(allow_none=True)
    approved_deadline = fields.Date(allow_none=True)
    comment = fields.String(allow_none=True)


class InterviewBriefSchema(Schema):
    id = fields.Integer()
    state = fields.String()
    state_label = fields.String()
    by_escalation = fields.Boolean()
    scheduled_at = fields.DateTime(allow_none=True)
    held_at = fields.DateTime(allow_none=True)
    new_deadline = fields.Date(allow_none=True)


class TicketSchema(Schema):
    id = fields.Integer()
    state = fields.String()
    state_label = fields.String()
    title = fields.String()
    priority = fields.String()
    priority_label = fields.String()
    jurisdiction = fields.Nested(BodySchema, metadata={"description": "The handling (supervised) body"})
    issuing_body = fields.Nested(BodySchema)
    issuer_id = fields.Integer(allow_none=True)
    responsible_person = fields.String()
    responsible_title = fields.String(allow_none=True)
    rectification_deadline = fields.Date(allow_none=True, metadata={"description": "As drafted (a date)"})
    rectification_workdays = fields.Integer(allow_none=True, metadata={"description": "As drafted (N days)"})
    issued_on = fields.Date(allow_none=True)
    acknowledge_by = fields.Date(allow_none=True)
    acknowledge_basis = fields.String(allow_none=True)
    acknowledge_basis_label = fields.String(allow_none=True)
    rectify_by = fields.Date(allow_none=True, metadata={"description": "The deadline in force"})
    rectify_basis = fields.String(allow_none=True)
    rectify_basis_label = fields.String(allow_none=True)
    original_rectify_by = fields.Date(allow_none=True, metadata={"description": "The deadline set at issue"})
    post_interview_deadline = fields.Date(allow_none=True)
    tracked_deadline = fields.Date(allow_none=True, metadata={"description": "The deadline the light follows"})
    warning_level = fields.String(allow_none=True, metadata={"description": "green / yellow / red; none: no light"})
    warning_label = fields.String(allow_none=True)
    acknowledged_at = fields.DateTime(allow_none=True)
    acknowledged_by = fields.Integer(allow_none=True)
    last_report_on = fields.Date(allow_none=True)
    closed_at = fields.DateTime(allow_none=True)
    closed_on_time = fields.Boolean(allow_none=True)
    return_reason = fields.String(allow_none=True)
    cancel_reason = fields.String(allow_none=True)
    escalation_deadline = fields.Date(allow_none=True, metadata={"description": "The deadline the ladder runs on"})
    escalation_level = fields.String(allow_none=True)
    escalation_level_label = fields.String(allow_none=True)
    next_escalation_level = fields.String(allow_none=True)
    next_escalation_level_label = fields.String(allow_none=True)
    next_escalation_at = fields.Date(allow_none=True)
    accountability_at = fields.DateTime(allow_none=True)
    pending_extension = fields.Boolean()
    pending_action = fields.String(allow_none=True, metadata={"description": "What the handling body owes next"})
    pending_action_label = fields.String(allow_none=True)
    allowed_actions = fields.List(fields.String(), metadata={"description": "what the caller may do now (API names)"})
    problems = fields.List(fields.Nested(ProblemSchema))
    reports = fields.List(fields.Nested(ReportOutSchema), metadata={"description": "Only on the single read"})
    extensions = fields.List(fields.Nested(ExtensionSchema), metadata={"description": "Only on the single read"})
    interviews = fields.List(fields.Nested(InterviewBriefSchema), metadata={"description": "Only on the single read"})
    history = fields.List(fields.Nested(HistoryEntrySchema), metadata={"description": "Only on the single read"})
    version = fields.Integer()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    rules_version = rules_version()


class BoardCountsSchema(Schema):
    total = fields.Integer(metadata={"description": "Issued tickets (drafts and cancelled ones aside)"})
    closed = fields.Integer()
    closed_on_time = fields.Integer()
    open = fields.Integer()
    overdue = fields.Integer(metadata={"description": "Red: the tracked deadline has passed"})
    yellow = fields.Integer()
    green = fields.Integer()
    closure_rate = fields.Float(allow_none=True, metadata={"description": "办结率 closed ÷ total (0..1)"})
    on_time_rate = fields.Float(allow_none=True, metadata={"description": "按期办结率 on time ÷ closed (0..1)"})


class BoardBodySchema(BoardCountsSchema):
    body = fields.Nested(BodySchema)


class GuidanceCountsSchema(Schema):
    units_without_guidance = fields.Integer(metadata={"description": "In scope, no organisation, no instructor"})
    overdue_visits = fields.Integer(metadata={"description": "Instructors' units with the visit overdue (escalated)"})
    open_preparation_items = fields.Integer(metadata={"description": "组建准备 items open"})
    overdue_preparation_items = fields.Integer(metadata={"description": "Of them, past their limit (escalated)"})


class BoardSchema(Schema):
    as_of = fields.Date()
    bodies = fields.List(fields.Nested(BoardBodySchema))
    totals = fields.Nested(BoardCountsSchema)
    guidance = fields.Nested(GuidanceCountsSchema, metadata={"description": "Instructors' guidance (党建指导员)"})


# -- interviews ------------------------------------------------------------------------------------------------


class InterviewCreateSchema(LoadsInto):
    into = NewInterview
    # The two ways to name what the interview is about, stated in the document (service/api/docs.py's
    # SchemaExtrasPlugin) as _one_subject checks them: a ticket alone, or another subject's type and id.
    OPENAPI_EXTRA: ClassVar[dict[str, Any]] = {
        "oneOf": [
            {
                "required": ["ticket_id"],
                "properties": {
                    "ticket_id": {"type": "integer"},
                    "subject_type": {"type": "string", "enum": ["supervision_ticket"]},
                },
                "not": {"required": ["subject_id"]},
            },
            {
                "required": ["subject_type", "subject_id"],
                "properties": {
                    "subject_type": {
                        "type": "string",
                        "enum": [t for t in INTERVIEW_SUBJECT_TYPES if t != "supervision_ticket"],
                    },
                    "subject_id": {"type": "integer"},
                },
                "not": {"required": ["ticket_id"]},
            },
        ]
    }
    ticket_id = ident(load_default=None, metadata={"description": "The supervision ticket the interview is about"})
    subject_type = one_of(
        list(INTERVIEW_SUBJECT_TYPES),
        load_default=None,
        metadata={"description": "Without ticket_id: establishment (a case) or jurisdiction (a body)"},
    )
    subject_id = ident(load_default=None)
    responsible_person = text(50, load_default=None, metadata={"description": "Default: the ticket's"})
    reason = text(2000, required=True)
    scheduled_at = _when(load_default=None)
    place = text(200, load_default=None)

    @validates_schema
    def _one_subject(self, data: dict[str, Any], **_: Any) -> None:
        if data.get("ticket_id") is not None:
            if data.get("subject_type") not in (None, "supervision_ticket") or data.get("subject_id") is not None:
                raise ValidationError("给出 ticket_id 时不能再指定其他约谈事项", "subject_type")
            return
        if data.get("subject_type") in (None, "supervision_ticket"):
            raise ValidationError("请指定 ticket_id，或 subject_type 与 subject_id", "ticket_id")
        if data.get("subject_id") is None:
            raise ValidationError("请指定 subject_id", "subject_id")


class RescheduleSchema(LoadsInto):
    into = InterviewSchedule
    scheduled_at = _when(required=True)
    place = text(200, load_default=None, metadata={"description": "Default: the place already set"})


class HoldSchema(LoadsInto):
    into = InterviewRecord
    minutes = text(20000, required=True, metadata={"description": "约谈记录"})
    commitments = fields.List(
        text(1000, required=True), required=True, validate=validate.Length(min=1, max=MAX_COMMITMENTS)
    )
    new_deadline = business_date(required=True, metadata={"description": "The new rectification deadline"})


class FollowUpSchema(Schema):
    follow_up_note = text(5000, required=True)


class InterviewQuerySchema(Schema):
    state = one_of(INTERVIEW_STATE_VALUES)
    ticket_id = ident(strict=False)
    jurisdiction_id = ident(strict=False, metadata={"description": "Interviewed bodies in this body's subtree"})
    by_escalation = fields.Boolean()
    sort = sort_param(INTERVIEW_SORT_KEYS, "-created_at")


class TicketBriefSchema(Schema):
    id = fields.Integer()
    title = fields.String()
    state = fields.String()
    state_label = fields.String()
    rectify_by = fields.Date(allow_none=True)
    post_interview_deadline = fields.Date(allow_none=True)


class InterviewSchema(Schema):
    id = fields.Integer()
    state = fields.String()
    state_label = fields.String()
    subject_type = fields.String()
    subject_id = fields.Integer()
    ticket = fields.Nested(TicketBriefSchema, allow_none=True, metadata={"description": "The linked ticket"})
    jurisdiction = fields.Nested(BodySchema, metadata={"description": "The interviewed body"})
    interviewer_body = fields.Nested(BodySchema, allow_none=True)
    interviewer_id = fields.Integer(allow_none=True)
    responsible_person = fields.String()
    by_escalation = fields.Boolean()
    reason = fields.String(allow_none=True)
    scheduled_at = fields.DateTime(allow_none=True)
    place = fields.String(allow_none=True)
    held_at = fields.DateTime(allow_none=True)
    minutes = fields.String(allow_none=True)
    commitments = fields.List(fields.String(), allow_none=True)
    new_deadline = fields.Date(allow_none=True)
    follow_up_note = fields.String(allow_none=True)
    closed_at = fields.DateTime(allow_none=True)
    cancel_reason = fields.String(allow_none=True)
    allowed_actions = fields.List(fields.String(), metadata={"description": "what the caller may do now (API names)"})
    history = fields.List(fields.Nested(HistoryEntrySchema), metadata={"description": "Only on the single read"})
    version = fields.Integer()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
