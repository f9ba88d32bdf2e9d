"""Party-building instructors (党建指导员) and preparation items (组建准备): request bodies, query strings and
answers (Chinese labels next to codes)."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.common import HistoryEntrySchema, LoadsInto, RefSchema, ident, one_of, text
from schemas.dates import business_date
from workflows.instructors import (
    Assign,
    AssignmentState,
    Employment,
    NewVisit,
    PreparationState,
    Profile,
    VisitKind,
)

EMPLOYMENTS = [e.value for e in Employment]
VISIT_KINDS = [k.value for k in VisitKind]
LOAD_FLAGS = ["over_cap", "no_units", "overdue_visits"]


class ProfileSchema(LoadsInto):
    into = Profile
    employment = one_of(EMPLOYMENTS, required=True, metadata={"description": "full_time (专职) or part_time (兼职)"})
    home_unit = text(200, required=True, metadata={"description": "The unit that sends the instructor (派出单位)"})
    phone = text(20, required=True)


class AssignSchema(LoadsInto):
    into = Assign
    instructor_id = ident(required=True)
    unit_ids = fields.List(
        ident(), required=True, validate=validate.Length(min=1, max=100), metadata={"description": "Units to serve"}
    )
    liaison = fields.Boolean(
        load_default=False, metadata={"description": "Stays on as 联络员 when the unit founds its organisation"}
    )


class ReleaseSchema(Schema):
    reason = text(500, load_default=None)


class VisitCreateSchema(LoadsInto):
    into = NewVisit
    visited_on = business_date(required=True)
    kind = one_of(VISIT_KINDS, required=True, metadata={"description": "visit (走访) or guidance (指导)"})
    done = text(2000, required=True, metadata={"description": "What was done"})
    next_step = text(1000, load_default=None, allow_none=True)


class InstructorQuerySchema(Schema):
    status = one_of(LOAD_FLAGS, metadata={"description": "Only instructors over their cap, with no unit, or overdue"})


class AssignmentQuerySchema(Schema):
    state = one_of([s.value for s in AssignmentState])
    instructor_id = ident(strict=False)
    unit_id = ident(strict=False)
    overdue = fields.Boolean(metadata={"description": "Only active assignments whose visit is overdue (escalated)"})
    jurisdiction_id = ident(strict=False, metadata={"description": "Assignments of units in this body's subtree"})


class PreparationQuerySchema(Schema):
    state = one_of([s.value for s in PreparationState])
    unit_id = ident(strict=False)
    jurisdiction_id = ident(strict=False, metadata={"description": "Items of units in this body's subtree"})


class ProfileOutSchema(Schema):
    employment = fields.String()
    employment_label = fields.String()
    home_unit = fields.String()
    phone = fields.String()


class InstructorSchema(Schema):
    id = fields.Integer()
    username = fields.String()
    display_name = fields.String()
    jurisdiction = fields.Nested(RefSchema)
    profile = fields.Nested(ProfileOutSchema, allow_none=True)
    serving = fields.Integer(metadata={"description": "Units served now"})
    overdue = fields.Integer(metadata={"description": "Of them, with the visit overdue"})
    cap = fields.Integer()
    flags = fields.List(fields.String(), metadata={"description": "over_cap, no_units, overdue_visits"})
    assignments = fields.List(fields.Nested(lambda: AssignmentSchema()))


class AssignmentSchema(Schema):
    id = fields.Integer()
    state = fields.String()
    state_label = fields.String()
    unit = fields.Nested(RefSchema)
    instructor = fields.Nested(RefSchema, metadata={"description": "id and display name"})
    jurisdiction = fields.Nested(RefSchema)
    liaison = fields.Boolean()
    assigned_on = fields.Date()
    assigned_by = fields.String()
    last_visit_on = fields.Date(allow_none=True)
    visit_due_on = fields.Date(allow_none=True)
    released_on = fields.Date(allow_none=True)
    release_reason = fields.String(allow_none=True)
    release_reason_label = fields.String(allow_none=True)
    escalation_level = fields.String(allow_none=True)
    next_escalation_at = fields.Date(allow_none=True)
    next_escalation_level = fields.String(allow_none=True)
    version = fields.Integer()
    history = fields.List(fields.Nested(HistoryEntrySchema))


class VisitSchema(Schema):
    id = fields.Integer()
    assignment_id = fields.Integer()
    unit_id = fields.Integer()
    instructor_id = fields.Integer()
    visited_on = fields.Date()
    kind = fields.String()
    kind_label = fields.String()
    done = fields.String()
    next_step = fields.String(allow_none=True)
    created_at = fields.DateTime()


class PreparationItemSchema(Schema):
    id = fields.Integer()
    state = fields.String()
    state_label = fields.String()
    unit = fields.Nested(RefSchema)
    jurisdiction = fields.Nested(RefSchema)
    opened_on = fields.Date()
    due_on = fields.Date(metadata={"description": "Instructor and first visit due by this day"})
    instructor_assigned_on = fields.Date(allow_none=True)
    first_visit_on = fields.Date(allow_none=True)
    closed_on = fields.Date(allow_none=True)
    close_reason = fields.String(allow_none=True)
    close_reason_label = fields.String(allow_none=True)
    escalation_level = fields.String(allow_none=True)
    next_escalation_at = fields.Date(allow_none=True)
    next_escalation_level = fields.String(allow_none=True)
    history = fields.List(fields.Nested(HistoryEntrySchema))
