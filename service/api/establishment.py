"""Establishment cases (建立党组织): preparation → approval → founding."""

from __future__ import annotations

from typing import Any

from schemas.establishment import (
    CaseCreateSchema,
    CaseQuerySchema,
    CaseSchema,
    CaseUpdateSchema,
    FormOptionSchema,
    FormOptionsQuerySchema,
    FoundSchema,
    ReasonSchema,
    RequiredReasonSchema,
)
from service.api.docs import errors
from service.api.etag import IF_MATCH_DOC, OPTIONAL_IF_MATCH_DOC, headers_for, if_match_when_given, require_if_match
from service.api.pagination import Blueprint
from service.api.presenters import history_view, steps_view
from service.auth import current_actor, require_roles
from service.models import EstablishmentCase
from service.operations.common import paginate
from service.operations.flows.establishment import cases
from service.roles import CASE_APPLICANTS
from workflows.establishment import ESTABLISHMENT, FORM_LABELS_ZH, CaseChanges, FoundingMeeting, NewCase, OrgForm

blp = Blueprint(
    "establishment",
    __name__,
    url_prefix="/api/v1/establishment-cases",
    description="Establishing a party organisation (建立党组织)",
    workflow=ESTABLISHMENT.name,
)

ROLES = cases.ACTION_ROLES  # one definition of who may call each action, shared with allowed_actions


def _view(case_list: list[EstablishmentCase], *, detail: bool = False) -> list[dict[str, Any]]:
    """Cases with their units and steps: a fixed number of queries per page, never per case."""
    ids = [c.id for c in case_list]
    units = cases.units_of(ids)
    steps = steps_view(cases.WORKFLOW, ids)
    allowed = cases.allowed_actions(current_actor(), case_list)
    out = []
    for c in case_list:
        data = {col.key: getattr(c, col.key) for col in EstablishmentCase.__table__.columns}
        data.update(
            state_label=ESTABLISHMENT.state_label(c.state),
            form_label=FORM_LABELS_ZH[OrgForm(c.form)],
            jurisdiction={"id": c.jurisdiction.id, "name": c.jurisdiction.name, "code": c.jurisdiction.code},
            allowed_actions=allowed[c.id],
            units=units[c.id],
            steps=steps.get(c.id, []),
        )
        out.append(data)
    if detail and case_list:
        out[0]["history"] = history_view(cases.WORKFLOW, ids[0])
    return out


def _one(case: EstablishmentCase, status: int = 200) -> Any:
    return _view([case], detail=True)[0], status, headers_for(case)


@blp.route("")
@blp.arguments(CaseQuerySchema, location="query")
@blp.response(200, CaseSchema(many=True))
@blp.paginate(page_size=50, max_page_size=200)
@errors(blp, 404, 422)
def list_cases(filters: dict[str, Any], pagination_parameters: Any) -> Any:
    items, total = paginate(
        cases.query(current_actor(), filters), pagination_parameters.page, pagination_parameters.page_size
    )
    pagination_parameters.item_count = total
    return _view(items)


@blp.route("/form-options")
@blp.arguments(FormOptionsQuerySchema, location="query")
@blp.response(200, FormOptionSchema(many=True))
@errors(blp, 404, 422)
def form_options(args: dict[str, Any]) -> Any:
    """Which forms these units may ask for and why (`?unit_ids=1&unit_ids=2`)."""
    return [
        {
            "form": o.form.value,
            "label": FORM_LABELS_ZH[o.form],
            "allowed": o.allowed,
            "required": o.required,
            "needs_reason": o.needs_reason,
            "reason": o.reason_zh,
            "code": o.code,
        }
        for o in cases.form_options(current_actor(), args["unit_ids"])
    ]


@blp.route("", methods=["POST"])
@blp.arguments(CaseCreateSchema)
@blp.response(201, CaseSchema)
@errors(blp, 400, 403, 404, 409, 413, 422)
@require_roles(*CASE_APPLICANTS)
def create_case(data: NewCase) -> Any:
    """File a request (请示) for the named units: the form must be one their formal members allow."""
    return _one(cases.create(current_actor(), data), 201)


@blp.route("/<int:case_id>")
@blp.response(200, CaseSchema)
@errors(blp, 404)
def get_case(case_id: int) -> Any:
    """The case with its units, approval steps and tasks, and its history."""
    return _one(cases.get(current_actor(), case_id))


@blp.route("/<int:case_id>", methods=["PATCH"])
@blp.arguments(CaseUpdateSchema)
@blp.response(200, CaseSchema)
@blp.doc(**IF_MATCH_DOC)
@errors(blp, 400, 403, 404, 409, 412, 422, 428)
@require_roles(*ROLES["update"])
def update_case(changes: CaseChanges, case_id: int) -> Any:
    """Change a request while it is in preparation or returned."""
    return _one(cases.update_case(current_actor(), case_id, changes, require_if_match))


@blp.route("/<int:case_id>/submit", methods=["POST"])
@blp.response(200, CaseSchema)
@blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(blp, 403, 404, 409, 412, 422)
@require_roles(*ROLES["submit"])
def submit(case_id: int) -> Any:
    """Submit for approval: the rules are checked again and the first approval step opens."""
    return _one(cases.submit(current_actor(), case_id, if_match_when_given))


@blp.route("/<int:case_id>/withdraw", methods=["POST"])
@blp.arguments(ReasonSchema)
@blp.response(200, CaseSchema)
@blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(blp, 400, 403, 404, 409, 412, 422)
@require_roles(*ROLES["withdraw"])
def withdraw(data: dict[str, Any], case_id: int) -> Any:
    """Withdraw the request before a decision; open approval tasks end."""
    return _one(cases.withdraw(current_actor(), case_id, data["reason"], if_match_when_given))


@blp.route("/<int:case_id>/cancel", methods=["POST"])
@blp.arguments(RequiredReasonSchema)
@blp.response(200, CaseSchema)
@blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(blp, 400, 403, 404, 409, 412, 422)
@require_roles(*ROLES["cancel"])
def cancel(data: dict[str, Any], case_id: int) -> Any:
    return _one(cases.cancel(current_actor(), case_id, data["reason"], if_match_when_given))


@blp.route("/<int:case_id>/found", methods=["POST"])
@blp.arguments(FoundSchema)
@blp.response(200, CaseSchema)
@blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(blp, 400, 403, 404, 409, 412, 422)
@require_roles(*ROLES["found"])
def found(data: FoundingMeeting, case_id: int) -> Any:
    """Record the founding general meeting; creates the party organisation and covers the units."""
    return _one(cases.found(current_actor(), case_id, data, if_match_when_given))
