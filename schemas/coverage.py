"""Coverage report, must-establish list, trend and circulars (通报)."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, fields, pre_dump, validate

from schemas.common import LoadsInto, ident, one_of, sort_param, text
from schemas.dates import business_date
from service.inputs import NewCircular
from service.vocab import UNIT_SORT_KEYS
from workflows.coverage import Figures
from workflows.establishment import ESTABLISHMENT
from workflows.ledger import OPERATING_STATUS_LABELS, UNIT_KIND_LABELS, OperatingStatus, UnitKind

KINDS = [k.value for k in UnitKind]
STATUSES = [s.value for s in OperatingStatus]
RATE_DOC = "A fraction (1.0 = 100%) rounded to 4 places; null when the jurisdiction has no unit in scope (no rate)"

# -- input -----------------------------------------------------------------------------------------------------


class CoverageQuerySchema(Schema):
    jurisdiction_id = ident(
        strict=False, metadata={"description": "A jurisdiction in the caller's scope (default: the caller's own)"}
    )


class MustEstablishQuerySchema(CoverageQuerySchema):
    kind = one_of(KINDS)
    has_instructor = fields.Boolean()
    has_open_case = fields.Boolean(metadata={"description": "Only units with (true) / without (false) an open case"})
    operating_status = one_of(STATUSES)
    industry = text(100)
    q = text(100, metadata={"description": "Text search: name contains, or credit code starts with"})
    sort = sort_param(UNIT_SORT_KEYS, "name")


class TrendQuerySchema(CoverageQuerySchema):
    months = fields.Integer(
        load_default=12,
        validate=validate.Range(min=1, max=120),
        metadata={"description": "Month ends to return, the newest being the month just ended"},
    )


class CircularPreviewQuerySchema(CoverageQuerySchema):
    period_start = business_date(required=True)
    period_end = business_date(required=True)


class CircularCreateSchema(LoadsInto):
    into = NewCircular
    jurisdiction_id = ident(metadata={"description": "Default: the issuer's own jurisdiction"})
    period_start = business_date(required=True)
    period_end = business_date(required=True)
    title = text(200, metadata={"description": "Default: 关于<jurisdiction>“两个覆盖”工作情况的通报（<period>）"})


class CircularListQuerySchema(Schema):
    jurisdiction_id = ident(strict=False, metadata={"description": "Circulars issued for this subtree"})


# -- output ----------------------------------------------------------------------------------------------------


class FiguresSchema(Schema):
    units = fields.Integer(metadata={"description": "Units in scope (应建单位), deregistered units excluded"})
    own_org = fields.Integer(metadata={"description": "Covered by their own party organisation (单独组建)"})
    joint_org = fields.Integer(metadata={"description": "Covered by a joint organisation (联合组建), each unit once"})
    instructor_only = fields.Integer(metadata={"description": "No organisation, an instructor (仅选派党建指导员)"})
    neither = fields.Integer(metadata={"description": "Neither (应建未建)"})
    org_coverage_rate = fields.Float(allow_none=True, metadata={"description": f"组织覆盖率. {RATE_DOC}"})
    work_coverage_rate = fields.Float(allow_none=True, metadata={"description": f"工作覆盖率. {RATE_DOC}"})
    standalone_rate = fields.Float(allow_none=True, metadata={"description": f"单独组建率. {RATE_DOC}"})
    open_cases = fields.Integer(
        allow_none=True, metadata={"description": "Open establishment cases (null in the by-kind breakdown)"}
    )
    oldest_case_days = fields.Integer(allow_none=True, metadata={"description": "Days since preparation started"})
    mean_case_days = fields.Float(allow_none=True)
    # The party-work indicators (五个同步 4)
    active_units = fields.Integer(metadata={"description": "Units in scope with a party activity in the last year"})
    activity_rate = fields.Float(allow_none=True, metadata={"description": f"党组织活动开展率. {RATE_DOC}"})
    inspections = fields.Integer(metadata={"description": "This year's annual inspections (年检) of units in scope"})
    inspections_checked = fields.Integer(metadata={"description": "Of them, with party work checked"})
    party_work_checked_rate = fields.Float(
        allow_none=True, metadata={"description": f"年检同步检查党建工作比例. {RATE_DOC}"}
    )

    @pre_dump
    def _flatten(self, obj: Any, **kwargs: Any) -> Any:
        return obj.flat() if isinstance(obj, Figures) else obj


class PlaceSchema(Schema):
    id = fields.Integer()
    code = fields.String()
    name = fields.String()
    kind = fields.String()


class ChildRowSchema(Schema):
    jurisdiction = fields.Nested(PlaceSchema)
    figures = fields.Nested(FiguresSchema, metadata={"description": "The child's whole subtree"})


class KindRowSchema(Schema):
    kind = fields.String()
    kind_label = fields.Function(lambda r: UNIT_KIND_LABELS[UnitKind(r.kind)])
    figures = fields.Nested(FiguresSchema)


class CoverageReportSchema(Schema):
    jurisdiction = fields.Nested(PlaceSchema)
    as_of = fields.Date(metadata={"description": "Today (China civil date): case ages are counted to it"})
    totals = fields.Nested(FiguresSchema)
    direct = fields.Nested(
        FiguresSchema, metadata={"description": "Units and cases registered at the jurisdiction itself"}
    )
    children = fields.List(fields.Nested(ChildRowSchema))
    kinds = fields.List(fields.Nested(KindRowSchema))


class OpenCaseSchema(Schema):
    id = fields.Integer()
    state = fields.String()
    state_label = fields.String()
    started_on = fields.Date()
    age_days = fields.Integer()


class MustEstablishSchema(Schema):
    id = fields.Integer()
    credit_code = fields.String()
    name = fields.String()
    kind = fields.String()
    kind_label = fields.String()
    jurisdiction = fields.Nested(PlaceSchema)
    industry = fields.String(allow_none=True)
    employees = fields.Integer()
    formal_members = fields.Integer()
    probationary_members = fields.Integer()
    operating_status = fields.String()
    operating_status_label = fields.String()
    no_org_reason = fields.String(allow_none=True, metadata={"description": "The recorded reason (五个清)"})
    instructor_id = fields.Integer(allow_none=True)
    instructor_name = fields.String(allow_none=True)
    instructor_last_visit_on = fields.Date(allow_none=True, metadata={"description": "The instructor's last visit"})
    open_case = fields.Nested(OpenCaseSchema, allow_none=True)

    @pre_dump
    def _from_row(self, row: Any, **kwargs: Any) -> Any:
        if isinstance(row, dict):
            return row
        u = row.unit
        return {
            "id": u.id,
            "credit_code": u.credit_code,
            "name": u.name,
            "kind": u.kind,
            "kind_label": UNIT_KIND_LABELS[UnitKind(u.kind)],
            "jurisdiction": u.jurisdiction,
            "industry": u.industry,
            "employees": u.employees,
            "formal_members": u.formal_members,
            "probationary_members": u.probationary_members,
            "operating_status": u.operating_status,
            "operating_status_label": OPERATING_STATUS_LABELS[OperatingStatus(u.operating_status)],
            "no_org_reason": u.no_org_reason,
            "instructor_id": u.instructor_id,
            "instructor_name": row.instructor_name,
            "instructor_last_visit_on": row.instructor_last_visit_on,
            "open_case": None
            if row.case_id is None
            else {
                "id": row.case_id,
                "state": row.case_state,
                "state_label": ESTABLISHMENT.state_label(row.case_state),
                "started_on": row.case_started_on,
                "age_days": row.case_age_days,
            },
        }


class ProjectionSchema(Schema):
    status = fields.String(
        metadata={"description": "reached, reaching, not_at_this_pace, insufficient_data or no_rate"}
    )
    label = fields.String()
    target = fields.Float()
    current_rate = fields.Float(allow_none=True)
    pace_per_month = fields.Float(allow_none=True, metadata={"description": "Rate change per month"})
    reaches_on = fields.Date(allow_none=True, metadata={"description": "The month end the target is reached"})
    basis = fields.List(fields.Date(), metadata={"description": "The month ends the pace was measured over"})


class TrendPointSchema(Schema):
    month_end = fields.Date()
    backfilled = fields.Boolean(
        metadata={"description": "Missed month filled in later with the figures of that day (not in the pace)"}
    )
    figures = fields.Nested(FiguresSchema)


class ProjectionsSchema(Schema):
    org_coverage = fields.Nested(ProjectionSchema)
    work_coverage = fields.Nested(ProjectionSchema)


class TrendSchema(Schema):
    jurisdiction = fields.Nested(PlaceSchema)
    target_rate = fields.Float()
    points = fields.List(fields.Nested(TrendPointSchema))
    projection = fields.Nested(ProjectionsSchema)

    @pre_dump
    def _from_trend(self, t: Any, **kwargs: Any) -> Any:
        if isinstance(t, dict):
            return t
        return {
            "jurisdiction": t.jurisdiction,
            "target_rate": t.target,
            "points": t.points,
            "projection": {"org_coverage": t.org_projection, "work_coverage": t.work_projection},
        }


# -- circulars: the stored figures ---------------------------------------------------------------------------


class _Totals(Schema):
    units = fields.Integer()
    own_org = fields.Integer()
    joint_org = fields.Integer()
    instructor_only = fields.Integer()
    neither = fields.Integer()
    org_coverage_rate = fields.Float(allow_none=True)
    work_coverage_rate = fields.Float(allow_none=True)
    standalone_rate = fields.Float(allow_none=True)
    # The party-work indicators (absent from circulars issued before they were kept)
    active_units = fields.Integer()
    activity_rate = fields.Float(allow_none=True)
    inspections = fields.Integer()
    inspections_checked = fields.Integer()
    party_work_checked_rate = fields.Float(allow_none=True)


class CircularChildSchema(_Totals):
    jurisdiction_id = fields.Integer()
    code = fields.String()
    name = fields.String()
    start_org_coverage_rate = fields.Float(allow_none=True)
    progress = fields.Float(allow_none=True, metadata={"description": "Org coverage rate change over the period"})
    tickets_closed_on_time = fields.Integer()
    tickets_closed_late = fields.Integer()
    tickets_overdue = fields.Integer()
    interviews_held = fields.Integer()
    lagging = fields.Boolean()
    lagging_reasons = fields.List(fields.String())


class RankEntrySchema(Schema):
    rank = fields.Integer()
    jurisdiction_id = fields.Integer()
    name = fields.String()


class CoverageRankSchema(RankEntrySchema):
    org_coverage_rate = fields.Float(allow_none=True)
    work_coverage_rate = fields.Float(allow_none=True)


class ProgressRankSchema(RankEntrySchema):
    progress = fields.Float(allow_none=True)


class SupervisionRankSchema(RankEntrySchema):
    tickets_overdue = fields.Integer()
    tickets_closed_on_time = fields.Integer()
    tickets_closed_late = fields.Integer()
    interviews_held = fields.Integer()


class PartyWorkRankSchema(RankEntrySchema):
    activity_rate = fields.Float(allow_none=True)
    party_work_checked_rate = fields.Float(allow_none=True)


class RankingsSchema(Schema):
    coverage = fields.List(fields.Nested(CoverageRankSchema))
    progress = fields.List(fields.Nested(ProgressRankSchema))
    supervision = fields.List(fields.Nested(SupervisionRankSchema))
    party_work = fields.List(
        fields.Nested(PartyWorkRankSchema),
        metadata={"description": "By activity rate, then party-work checked rate (五个同步 4)"},
    )


class LaggingSchema(Schema):
    jurisdiction_id = fields.Integer()
    name = fields.String()
    reasons = fields.List(fields.String(), metadata={"description": "below_average, no_progress, overdue_tickets"})
    reason_labels = fields.List(fields.String())


class CircularRefSchema(Schema):
    id = fields.Integer()
    code = fields.String()
    name = fields.String()


class CircularFiguresSchema(Schema):
    jurisdiction = fields.Nested(CircularRefSchema)
    period_start = fields.String()
    period_end = fields.String()
    as_of = fields.String()
    target_rate = fields.Float()
    end_basis = fields.String(metadata={"description": "live (the ledger now) or snapshot (end_month's)"})
    end_month = fields.String(allow_none=True)
    start_month = fields.String(allow_none=True, metadata={"description": "Baseline snapshot for progress"})
    totals = fields.Nested(_Totals)
    children = fields.List(fields.Nested(CircularChildSchema))
    rankings = fields.Nested(RankingsSchema)
    lagging = fields.List(fields.Nested(LaggingSchema))
    lagging_rule = fields.String()


class CircularSchema(Schema):
    id = fields.Integer()
    jurisdiction_id = fields.Integer()
    title = fields.String()
    period_start = fields.Date()
    period_end = fields.Date()
    issued_at = fields.DateTime()
    issued_by_id = fields.Integer(allow_none=True)
    issued_by_label = fields.String()
    figures = fields.Nested(CircularFiguresSchema)
