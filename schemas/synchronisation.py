"""Party activities and annual inspections (五个同步 2–3): request bodies, query strings and answers."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.common import HistoryEntrySchema, LoadsInto, ident, one_of, text
from schemas.dates import business_date
from workflows.synchronisation import (
    MAX_ATTENDANCE,
    ActivityCorrection,
    ActivityKind,
    ActivityState,
    InspectionCorrection,
    InspectionResult,
    NewActivity,
    NewInspection,
)

KINDS = [k.value for k in ActivityKind]
RESULTS = [r.value for r in InspectionResult]


def _attendance() -> fields.Integer:
    return fields.Integer(
        strict=True,
        required=True,
        validate=validate.Range(min=1, max=MAX_ATTENDANCE, error=f"参加人数须为1至{MAX_ATTENDANCE}人"),
        metadata={"description": "People present"},
    )


def _year(**kw: object) -> fields.Integer:
    return fields.Integer(validate=validate.Range(min=2000, max=2100, error="年度须在2000至2100之间"), **kw)  # type: ignore[arg-type]


def _checked() -> fields.Boolean:
    """true or false, nothing else ("yes" or 1 is a mistake to refuse, not to guess)."""
    return fields.Boolean(
        required=True,
        truthy={True},
        falsy={False},
        error_messages={"invalid": "须为 true 或 false"},
        metadata={"description": "Whether party work was checked at the inspection"},
    )


class ActivityCreateSchema(LoadsInto):
    into = NewActivity
    unit_id = ident(required=True, metadata={"description": "The ledger unit the activity was held for"})
    kind = one_of(KINDS, required=True, metadata={"description": "主题党日, 三会一课, 志愿服务, 培训, 其他"})
    held_on = business_date(required=True, metadata={"description": "The day it was held (not in the future)"})
    attendance = _attendance()
    description = text(2000, required=True)


class ActivityCorrectionSchema(LoadsInto):
    into = ActivityCorrection
    kind = one_of(KINDS, required=True)
    held_on = business_date(required=True)
    attendance = _attendance()
    description = text(2000, required=True)
    reason = text(1000, required=True, metadata={"description": "Why the record is corrected"})


class ActivityWithdrawSchema(Schema):
    reason = text(1000, required=True)


class ActivityQuerySchema(Schema):
    jurisdiction_id = ident(strict=False, metadata={"description": "Activities in this body's subtree"})
    unit_id = ident(strict=False)
    state = one_of([s.value for s in ActivityState])
    held_from = business_date()
    held_to = business_date()


class InactiveQuerySchema(Schema):
    jurisdiction_id = ident(strict=False, metadata={"description": "Units in this body's subtree"})
    kind = one_of(["enterprise", "social_org"])
    q = text(100, metadata={"description": "Name contains, or credit code starts with"})


class InspectionCreateSchema(LoadsInto):
    into = NewInspection
    unit_id = ident(required=True)
    year = _year(strict=True, required=True)
    inspected_on = business_date(required=True, metadata={"description": "Within the year, not in the future"})
    result = one_of(RESULTS, required=True, metadata={"description": "合格, 基本合格, 不合格"})
    party_work_checked = _checked()
    note = text(2000, load_default=None, allow_none=True)


class InspectionCorrectionSchema(LoadsInto):
    into = InspectionCorrection
    inspected_on = business_date(required=True)
    result = one_of(RESULTS, required=True)
    party_work_checked = _checked()
    reason = text(1000, required=True)
    note = text(2000, load_default=None, allow_none=True)


class InspectionQuerySchema(Schema):
    jurisdiction_id = ident(strict=False, metadata={"description": "Inspections in this body's subtree"})
    year = _year()
    unit_id = ident(strict=False)
    party_work_checked = fields.Boolean(metadata={"description": "false: inspected without party work checked"})


class UnitRefSchema(Schema):
    id = fields.Integer()
    name = fields.String()


class ActivitySchema(Schema):
    id = fields.Integer()
    state = fields.String()
    state_label = fields.String()
    unit = fields.Nested(UnitRefSchema)
    jurisdiction_id = fields.Integer()
    kind = fields.String()
    kind_label = fields.String()
    held_on = fields.Date()
    attendance = fields.Integer()
    description = fields.String()
    withdrawn_reason = fields.String(allow_none=True)
    recorded_by_id = fields.Integer(allow_none=True)
    created_at = fields.DateTime()
    history = fields.List(fields.Nested(HistoryEntrySchema))


class InspectionSchema(Schema):
    id = fields.Integer()
    state = fields.String()
    unit = fields.Nested(UnitRefSchema)
    jurisdiction_id = fields.Integer()
    jurisdiction_name = fields.String()
    year = fields.Integer()
    inspected_on = fields.Date()
    result = fields.String()
    result_label = fields.String()
    party_work_checked = fields.Boolean()
    note = fields.String(allow_none=True)
    recorded_by_id = fields.Integer(allow_none=True)
    created_at = fields.DateTime()
    history = fields.List(fields.Nested(HistoryEntrySchema))


class InactiveUnitSchema(Schema):
    unit_id = fields.Integer()
    credit_code = fields.String()
    name = fields.String()
    jurisdiction_id = fields.Integer()
    jurisdiction_name = fields.String()
    instructor_name = fields.String(allow_none=True)
    has_party_org = fields.Boolean()
    operating_since = fields.Date(metadata={"description": "In the ledger since"})
    last_activity_on = fields.Date(allow_none=True, metadata={"description": "Last activity, before the window"})
