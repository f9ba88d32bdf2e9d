"""Party-building instructors (党建指导员): their profiles and load, assignments to units, visit logs; and the
preparation items (组建准备) a unit entered without an organisation opens (synchronisation 1)."""

from __future__ import annotations

from typing import Any

from flask import Response

from schemas.instructors import (
    AssignmentQuerySchema,
    AssignmentSchema,
    AssignSchema,
    InstructorQuerySchema,
    InstructorSchema,
    PreparationItemSchema,
    PreparationQuerySchema,
    ProfileSchema,
    ReleaseSchema,
    VisitCreateSchema,
    VisitSchema,
)
from service.api.docs import errors
from service.api.etag import OPTIONAL_IF_MATCH_DOC, headers_for, if_match_when_given
from service.api.pagination import Blueprint
from service.api.presenters import history_view
from service.api.spreadsheets import XLSX_CONTENT, XLSX_DOC, send_xlsx
from service.auth import current_actor, require_roles
from service.exports import instructors as instructor_exports
from service.models.instructor import InstructorAssignment, PreparationItem, VisitLog
from service.operations.common import paginate
from service.operations.flows.instructors import assignments, preparation
from service.roles import of
from workflows import instructors as rules
from workflows.instructors import INSTRUCTOR_ASSIGNMENT, PREPARATION_ITEM, Assign, NewVisit, Profile

people_blp = Blueprint(
    "instructors",
    __name__,
    url_prefix="/api/v1/instructors",
    description="Party-building instructors (党建指导员): profiles, load against the cap, their units",
    workflow=INSTRUCTOR_ASSIGNMENT.name,
)
blp = Blueprint(
    "instructor_assignments",
    __name__,
    url_prefix="/api/v1/instructor-assignments",
    description="Instructors assigned to units without a party organisation, and their visit logs (走访记录)",
    workflow=INSTRUCTOR_ASSIGNMENT.name,
)
prep_blp = Blueprint(
    "preparation_items",
    __name__,
    url_prefix="/api/v1/preparation-items",
    description="Preparation items (组建准备): a unit entered without an organisation, until it has an instructor "
    "who has visited it",
    workflow=PREPARATION_ITEM.name,
)

READERS = of(INSTRUCTOR_ASSIGNMENT.name, "read")
MANAGERS = of(INSTRUCTOR_ASSIGNMENT.name, "manage")
LOGGERS = of(INSTRUCTOR_ASSIGNMENT.name, "log")
PREP_READERS = of(PREPARATION_ITEM.name, "read")


def _profile(p: Any) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "employment": p.employment,
        "employment_label": rules.EMPLOYMENT_LABELS.get(p.employment, p.employment),
        "home_unit": p.home_unit,
        "phone": p.phone,
    }


def _assignments(rows: list[InstructorAssignment], *, detail: bool = False) -> list[dict[str, Any]]:
    units, people = assignments.names(rows)
    out = []
    for a in rows:
        out.append(
            {
                **{col.key: getattr(a, col.key) for col in InstructorAssignment.__table__.columns},
                "state_label": INSTRUCTOR_ASSIGNMENT.state_label(a.state),
                "unit": {"id": a.unit_id, "name": units.get(a.unit_id)},
                "instructor": {"id": a.instructor_id, "name": people.get(a.instructor_id)},
                "jurisdiction": {"id": a.jurisdiction.id, "name": a.jurisdiction.name},
                "visit_due_on": assignments.visit_due(a),
                "release_reason_label": rules.RELEASE_LABELS.get(a.release_reason or ""),
            }
        )
    if detail and rows:
        out[0]["history"] = history_view(INSTRUCTOR_ASSIGNMENT.name, rows[0].id)
    return out


def _instructor(entry: dict[str, Any]) -> dict[str, Any]:
    u = entry["user"]
    out = {
        "id": u.id,
        "username": u.username,
        "display_name": u.display_name,
        "jurisdiction": {"id": u.jurisdiction.id, "name": u.jurisdiction.name},
        "profile": _profile(entry["profile"]),
        **{k: entry[k] for k in ("serving", "overdue", "cap", "flags")},
    }
    if "assignments" in entry:
        out["assignments"] = _assignments(entry["assignments"])
    return out


def _visit(v: VisitLog) -> dict[str, Any]:
    return {
        **{col.key: getattr(v, col.key) for col in VisitLog.__table__.columns},
        "kind_label": rules.VISIT_KIND_LABELS.get(v.kind, v.kind),
    }


def _items(rows: list[PreparationItem], *, detail: bool = False) -> list[dict[str, Any]]:
    names = preparation.unit_names(rows)
    out = [
        {
            **{col.key: getattr(i, col.key) for col in PreparationItem.__table__.columns},
            "state_label": PREPARATION_ITEM.state_label(i.state),
            "unit": {"id": i.unit_id, "name": names.get(i.unit_id)},
            "jurisdiction": {"id": i.jurisdiction.id, "name": i.jurisdiction.name},
            "due_on": preparation.due_on(i),
            "close_reason_label": rules.CLOSE_LABELS.get(i.close_reason or ""),
        }
        for i in rows
    ]
    if detail and rows:
        out[0]["history"] = history_view(PREPARATION_ITEM.name, rows[0].id)
    return out


# -- instructors ---------------------------------------------------------------------------------------------------


@people_blp.route("")
@people_blp.arguments(InstructorQuerySchema, location="query")
@people_blp.response(200, InstructorSchema(many=True))
@people_blp.paginate(page_size=50, max_page_size=200)
@errors(people_blp, 403, 422)
@require_roles(*READERS)
def list_instructors(filters: dict[str, Any], pagination_parameters: Any) -> Any:
    """The instructors in scope with their load: units served, overdue visits, the cap and flags."""
    everyone = assignments.instructors(current_actor(), filters)
    pagination_parameters.item_count = len(everyone)
    first = (pagination_parameters.page - 1) * pagination_parameters.page_size
    return [_instructor(e) for e in everyone[first : first + pagination_parameters.page_size]]


@people_blp.route("/<int:user_id>")
@people_blp.response(200, InstructorSchema)
@errors(people_blp, 403, 404, 422)
@require_roles(*READERS)
def get_instructor(user_id: int) -> Any:
    """One instructor: profile, load and every assignment (the history of their units)."""
    return _instructor(assignments.instructor(current_actor(), user_id))


@people_blp.route("/<int:user_id>/profile", methods=["PUT"])
@people_blp.arguments(ProfileSchema)
@people_blp.response(200, InstructorSchema)
@errors(people_blp, 400, 403, 404, 422)
@require_roles(*MANAGERS)
def put_profile(data: Profile, user_id: int) -> Any:
    """Create or replace an instructor's profile (专职/兼职, 派出单位, 联系电话)."""
    actor = current_actor()
    assignments.put_profile(actor, user_id, data)
    return _instructor(assignments.instructor(actor, user_id))


# -- assignments and visits ------------------------------------------------------------------------------------------


@blp.route("")
@blp.arguments(AssignmentQuerySchema, location="query")
@blp.response(200, AssignmentSchema(many=True))
@blp.paginate(page_size=50, max_page_size=200)
@errors(blp, 403, 404, 422)
@require_roles(*READERS)
def list_assignments(filters: dict[str, Any], pagination_parameters: Any) -> Any:
    items, total = paginate(
        assignments.query(current_actor(), filters), pagination_parameters.page, pagination_parameters.page_size
    )
    pagination_parameters.item_count = total
    return _assignments(items)


@blp.route("", methods=["POST"])
@blp.arguments(AssignSchema)
@blp.response(201, AssignmentSchema(many=True))
@errors(blp, 400, 403, 404, 409, 422)
@require_roles(*MANAGERS)
def assign(data: Assign) -> Any:
    """Assign an instructor to units without an organisation (within the cap); a unit served by another
    instructor is reassigned."""
    return _assignments(assignments.assign(current_actor(), data)), 201


@blp.route("/export.xlsx")
@blp.arguments(AssignmentQuerySchema, location="query")
@blp.response(200, **XLSX_DOC)
@blp.doc(**XLSX_CONTENT)
@errors(blp, 403, 404, 422)
@require_roles(*READERS)
def export_assignments(filters: dict[str, Any]) -> Response:
    """The assignments of the list's filters as .xlsx (党建指导员选派记录), released ones included."""
    workbook = instructor_exports.assignments_workbook(current_actor(), filters)
    return send_xlsx(workbook, "党建指导员选派记录", "instructor-assignments")


@blp.route("/<int:assignment_id>")
@blp.response(200, AssignmentSchema)
@errors(blp, 403, 404)
@require_roles(*READERS)
def get_assignment(assignment_id: int) -> Any:
    a = assignments.get(current_actor(), assignment_id)
    return _assignments([a], detail=True)[0], 200, headers_for(a)


@blp.route("/<int:assignment_id>/release", methods=["POST"])
@blp.arguments(ReleaseSchema)
@blp.response(200, AssignmentSchema)
@blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(blp, 400, 403, 404, 409, 412, 422)
@require_roles(*MANAGERS)
def release(data: dict[str, Any], assignment_id: int) -> Any:
    a = assignments.release(current_actor(), assignment_id, data["reason"], if_match_when_given)
    return _assignments([a], detail=True)[0], 200, headers_for(a)


@blp.route("/<int:assignment_id>/visits")
@blp.response(200, VisitSchema(many=True))
@blp.paginate(page_size=50, max_page_size=200)
@errors(blp, 403, 404, 422)
@require_roles(*READERS)
def list_visits(assignment_id: int, pagination_parameters: Any) -> Any:
    """The visit log of an assignment, the latest first."""
    items, total = paginate(
        assignments.visits_query(current_actor(), assignment_id),
        pagination_parameters.page,
        pagination_parameters.page_size,
    )
    pagination_parameters.item_count = total
    return [_visit(v) for v in items]


@blp.route("/<int:assignment_id>/visits", methods=["POST"])
@blp.arguments(VisitCreateSchema)
@blp.response(201, VisitSchema)
@errors(blp, 400, 403, 404, 409, 422)
@require_roles(*LOGGERS)
def log_visit(data: NewVisit, assignment_id: int) -> Any:
    """The instructor logs a visit or guidance on a unit they serve."""
    return _visit(assignments.log_visit(current_actor(), assignment_id, data)), 201


# -- preparation items ---------------------------------------------------------------------------------------------


@prep_blp.route("")
@prep_blp.arguments(PreparationQuerySchema, location="query")
@prep_blp.response(200, PreparationItemSchema(many=True))
@prep_blp.paginate(page_size=50, max_page_size=200)
@errors(prep_blp, 403, 404, 422)
@require_roles(*PREP_READERS)
def list_items(filters: dict[str, Any], pagination_parameters: Any) -> Any:
    items, total = paginate(
        preparation.query(current_actor(), filters), pagination_parameters.page, pagination_parameters.page_size
    )
    pagination_parameters.item_count = total
    return _items(items)


@prep_blp.route("/<int:item_id>")
@prep_blp.response(200, PreparationItemSchema)
@errors(prep_blp, 403, 404)
@require_roles(*PREP_READERS)
def get_item(item_id: int) -> Any:
    return _items([preparation.get(current_actor(), item_id)], detail=True)[0]
