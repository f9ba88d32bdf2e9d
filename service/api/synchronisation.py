"""Party activities and annual inspections (五个同步 2–3): record, correct, list; the units operating a year
with no activity; the inspections that did not check party work (`?party_work_checked=false`)."""

from __future__ import annotations

from typing import Any

from schemas.synchronisation import (
    ActivityCorrectionSchema,
    ActivityCreateSchema,
    ActivityQuerySchema,
    ActivitySchema,
    ActivityWithdrawSchema,
    InactiveQuerySchema,
    InactiveUnitSchema,
    InspectionCorrectionSchema,
    InspectionCreateSchema,
    InspectionQuerySchema,
    InspectionSchema,
)
from service.api.docs import errors
from service.api.etag import OPTIONAL_IF_MATCH_DOC, headers_for, if_match_when_given
from service.api.pagination import Blueprint
from service.api.presenters import history_view
from service.auth import current_actor, require_roles
from service.models.synchronisation import AnnualInspection, PartyActivity
from service.operations.flows.synchronisation import activities, inspections
from service.roles import of
from workflows.synchronisation import (
    ACTIVITY_KIND_LABELS,
    ANNUAL_INSPECTION,
    INSPECTION_RESULT_LABELS,
    PARTY_ACTIVITY,
    ActivityCorrection,
    InspectionCorrection,
    NewActivity,
    NewInspection,
)

activity_blp = Blueprint(
    "party_activities",
    __name__,
    url_prefix="/api/v1/party-activities",
    description="Party activities recorded against ledger units (五个同步: operating → activities)",
    workflow=PARTY_ACTIVITY.name,
)
inspection_blp = Blueprint(
    "annual_inspections",
    __name__,
    url_prefix="/api/v1/annual-inspections",
    description="Annual inspections (年检) and whether party work was checked (五个同步)",
    workflow=ANNUAL_INSPECTION.name,
)

ACTIVITY_RECORDERS = of(PARTY_ACTIVITY.name, "record")
ACTIVITY_READERS = of(PARTY_ACTIVITY.name, "read")
INSPECTION_RECORDERS = of(ANNUAL_INSPECTION.name, "record")
INSPECTION_READERS = of(ANNUAL_INSPECTION.name, "read")


def activity_view(a: PartyActivity, unit_name: str, *, detail: bool = False) -> dict[str, Any]:
    out = {
        **{col.key: getattr(a, col.key) for col in PartyActivity.__table__.columns},
        "state_label": PARTY_ACTIVITY.state_label(a.state),
        "kind_label": ACTIVITY_KIND_LABELS.get(a.kind, a.kind),
        "unit": {"id": a.unit_id, "name": unit_name},
    }
    if detail:
        out["history"] = history_view(PARTY_ACTIVITY.name, a.id)
    return out


def _activity(a: PartyActivity, status: int = 200) -> Any:
    return activity_view(a, activities.unit_name(a.unit_id), detail=True), status, headers_for(a)


def inspection_view(i: AnnualInspection, unit_name: str, jurisdiction_name: str, *, detail: bool = False) -> Any:
    out = {
        **{col.key: getattr(i, col.key) for col in AnnualInspection.__table__.columns},
        "result_label": INSPECTION_RESULT_LABELS.get(i.result, i.result),
        "unit": {"id": i.unit_id, "name": unit_name},
        "jurisdiction_name": jurisdiction_name,
    }
    if detail:
        out["history"] = history_view(ANNUAL_INSPECTION.name, i.id)
    return out


def _inspection(i: AnnualInspection, status: int = 200) -> Any:
    unit_name, body = inspections.names(i)
    return inspection_view(i, unit_name, body, detail=True), status, headers_for(i)


# -- activities ------------------------------------------------------------------------------------------------


@activity_blp.route("")
@activity_blp.arguments(ActivityQuerySchema, location="query")
@activity_blp.response(200, ActivitySchema(many=True))
@activity_blp.paginate(page_size=50, max_page_size=200)
@errors(activity_blp, 403, 422)
@require_roles(*ACTIVITY_READERS)
def list_activities(filters: dict[str, Any], pagination_parameters: Any) -> Any:
    stmt = activities.query(current_actor(), filters)
    rows, total = activities.page(stmt, pagination_parameters.page, pagination_parameters.page_size)
    pagination_parameters.item_count = total
    return [activity_view(a, name) for a, name in rows]


@activity_blp.route("", methods=["POST"])
@activity_blp.arguments(ActivityCreateSchema)
@activity_blp.response(201, ActivitySchema)
@errors(activity_blp, 400, 403, 404, 409, 422)
@require_roles(*ACTIVITY_RECORDERS)
def record_activity(data: NewActivity) -> Any:
    """Record an activity held against a unit (an instructor: only a unit they guide)."""
    return _activity(activities.record(current_actor(), data), 201)


@activity_blp.route("/inactive-units")
@activity_blp.arguments(InactiveQuerySchema, location="query")
@activity_blp.response(200, InactiveUnitSchema(many=True))
@activity_blp.paginate(page_size=50, max_page_size=200)
@errors(activity_blp, 403, 404, 422)
@require_roles(*ACTIVITY_READERS)
def inactive_units(filters: dict[str, Any], pagination_parameters: Any) -> Any:
    """Operating in-scope units in the ledger for a year or more with no activity in the last year (settings:
    PARTY_ACTIVITY_SETTINGS), oldest in the ledger first."""
    rows, total = activities.inactive(
        current_actor(), filters, pagination_parameters.page, pagination_parameters.page_size
    )
    pagination_parameters.item_count = total
    return [vars(r) for r in rows]


@activity_blp.route("/<int:activity_id>")
@activity_blp.response(200, ActivitySchema)
@errors(activity_blp, 403, 404)
@require_roles(*ACTIVITY_READERS)
def get_activity(activity_id: int) -> Any:
    return _activity(activities.get(current_actor(), activity_id))


@activity_blp.route("/<int:activity_id>/correct", methods=["POST"])
@activity_blp.arguments(ActivityCorrectionSchema)
@activity_blp.response(200, ActivitySchema)
@activity_blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(activity_blp, 400, 403, 404, 409, 412, 422)
@require_roles(*ACTIVITY_RECORDERS)
def correct_activity(data: ActivityCorrection, activity_id: int) -> Any:
    """Correct the record (audited with the reason)."""
    return _activity(activities.correct(current_actor(), activity_id, data, if_match_when_given))


@activity_blp.route("/<int:activity_id>/withdraw", methods=["POST"])
@activity_blp.arguments(ActivityWithdrawSchema)
@activity_blp.response(200, ActivitySchema)
@activity_blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(activity_blp, 400, 403, 404, 409, 412, 422)
@require_roles(*ACTIVITY_RECORDERS)
def withdraw_activity(data: dict[str, Any], activity_id: int) -> Any:
    """Withdraw a record made in error: kept and audited, no longer counted."""
    return _activity(activities.withdraw(current_actor(), activity_id, data["reason"], if_match_when_given))


# -- inspections -----------------------------------------------------------------------------------------------


@inspection_blp.route("")
@inspection_blp.arguments(InspectionQuerySchema, location="query")
@inspection_blp.response(200, InspectionSchema(many=True))
@inspection_blp.paginate(page_size=50, max_page_size=200)
@errors(inspection_blp, 403, 422)
@require_roles(*INSPECTION_READERS)
def list_inspections(filters: dict[str, Any], pagination_parameters: Any) -> Any:
    """This or any year's inspections; `party_work_checked=false`: units inspected without party work checked."""
    rows, total = inspections.page(
        inspections.query(current_actor(), filters), pagination_parameters.page, pagination_parameters.page_size
    )
    pagination_parameters.item_count = total
    return [inspection_view(i, unit, body) for i, unit, body in rows]


@inspection_blp.route("", methods=["POST"])
@inspection_blp.arguments(InspectionCreateSchema)
@inspection_blp.response(201, InspectionSchema)
@errors(inspection_blp, 400, 403, 404, 409, 422)
@require_roles(*INSPECTION_RECORDERS)
def record_inspection(data: NewInspection) -> Any:
    """One record per unit per year (a second: 409); the date within the year and not in the future."""
    return _inspection(inspections.record(current_actor(), data), 201)


@inspection_blp.route("/<int:inspection_id>")
@inspection_blp.response(200, InspectionSchema)
@errors(inspection_blp, 403, 404)
@require_roles(*INSPECTION_READERS)
def get_inspection(inspection_id: int) -> Any:
    return _inspection(inspections.get(current_actor(), inspection_id))


@inspection_blp.route("/<int:inspection_id>/correct", methods=["POST"])
@inspection_blp.arguments(InspectionCorrectionSchema)
@inspection_blp.response(200, InspectionSchema)
@inspection_blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(inspection_blp, 400, 403, 404, 409, 412, 422)
@require_roles(*INSPECTION_RECORDERS)
def correct_inspection(data: InspectionCorrection, inspection_id: int) -> Any:
    return _inspection(inspections.correct(current_actor(), inspection_id, data, if_match_when_given))
