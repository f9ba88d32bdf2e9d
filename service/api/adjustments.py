"""Adjustment cases (组织调整): opened by ledger changes (or by hand for a merger or a split), submitted to the
superior body, decided through the approval tasks; the upgrade-eligible list."""

from __future__ import annotations

from typing import Any

from schemas.adjustments import (
    AdjustmentCancelSchema,
    AdjustmentCaseSchema,
    AdjustmentQuerySchema,
    AdjustmentSubmitSchema,
    ManualCaseSchema,
    UpgradeEligibleSchema,
)
from service import config_cache
from service.api.docs import errors
from service.api.etag import OPTIONAL_IF_MATCH_DOC, headers_for, if_match_when_given
from service.api.pagination import Blueprint
from service.api.presenters import history_view
from service.auth import current_actor, require_roles
from service.models.adjustment import AdjustmentCase
from service.operations.common import paginate
from service.operations.flows.adjustment import cases
from service.roles import of
from workflows.adjustment import ACTION_LABELS, ADJUSTMENT, TRIGGER_LABELS, ManualCase, ProposalChanges

blp = Blueprint(
    "adjustments",
    __name__,
    url_prefix="/api/v1/adjustment-cases",
    description="Adjustment cases (组织调整): an organisation's change or dissolution following its unit",
    workflow=ADJUSTMENT.name,
)

MANAGERS = of(ADJUSTMENT.name, "manage")
READERS = of(ADJUSTMENT.name, "read")


def _body(ident: int | None) -> dict[str, Any] | None:
    return {"id": ident, "name": config_cache.place(ident).name} if ident is not None else None


def view(rows: list[AdjustmentCase], *, detail: bool = False) -> list[dict[str, Any]]:
    """Cases as the API and the console show them (two queries for a page)."""
    orgs, units = cases.names(rows)
    out = []
    for c in rows:
        org = orgs[c.party_org_id]
        out.append(
            {
                **{col.key: getattr(c, col.key) for col in AdjustmentCase.__table__.columns},
                "state_label": ADJUSTMENT.state_label(c.state),
                "party_org": {
                    "id": org.id,
                    "name": org.name,
                    "kind": org.kind,
                    "kind_label": cases.form_label(org.kind),
                    "status": org.status,
                    "jurisdiction_id": org.jurisdiction_id,
                },
                "jurisdiction": _body(c.jurisdiction_id),
                "unit": {"id": c.unit_id, "name": units.get(c.unit_id)} if c.unit_id else None,
                "trigger_label": TRIGGER_LABELS[c.trigger],
                "action_label": ACTION_LABELS[c.action],
                "proposed_form_label": cases.form_label(c.proposed_form),
                "target_jurisdiction": _body(c.target_jurisdiction_id),
                "triggers": [
                    {**t, "trigger_label": TRIGGER_LABELS[t["trigger"]], "unit_name": units.get(t.get("unit_id") or 0)}
                    for t in c.triggers
                ],
            }
        )
    if detail and rows:
        out[0]["history"] = history_view(ADJUSTMENT.name, rows[0].id)
    return out


def _one(c: AdjustmentCase, status: int = 200) -> Any:
    return view([c], detail=True)[0], status, headers_for(c)


@blp.route("")
@blp.arguments(AdjustmentQuerySchema, location="query")
@blp.response(200, AdjustmentCaseSchema(many=True))
@blp.paginate(page_size=50, max_page_size=200)
@errors(blp, 403, 404, 422)
@require_roles(*READERS)
def list_cases(filters: dict[str, Any], pagination_parameters: Any) -> Any:
    items, total = paginate(
        cases.query(current_actor(), filters), pagination_parameters.page, pagination_parameters.page_size
    )
    pagination_parameters.item_count = total
    return view(items)


@blp.route("", methods=["POST"])
@blp.arguments(ManualCaseSchema)
@blp.response(201, AdjustmentCaseSchema)
@errors(blp, 400, 403, 404, 409, 422)
@require_roles(*MANAGERS)
def open_case(data: ManualCase) -> Any:
    """A merger or a split (which the ledger has no field for), recorded by hand on one organisation.
    Deregistrations, moves and member counts open cases by themselves when the ledger is written."""
    return _one(cases.open_manual(current_actor(), data), 201)


@blp.route("/upgrade-eligible")
@blp.response(200, UpgradeEligibleSchema(many=True))
@blp.paginate(page_size=50, max_page_size=200)
@errors(blp, 403)
@require_roles(*READERS)
def upgrade_eligible(pagination_parameters: Any) -> Any:
    """Units whose formal members now allow their organisation a higher form: suggested, not forced."""
    rows, total = paginate(
        cases.upgrade_eligible_query(current_actor()), pagination_parameters.page, pagination_parameters.page_size
    )
    pagination_parameters.item_count = total
    return cases.eligible_view(rows)


@blp.route("/<int:case_id>")
@blp.response(200, AdjustmentCaseSchema)
@errors(blp, 403, 404)
@require_roles(*READERS)
def get_case(case_id: int) -> Any:
    return _one(cases.get(current_actor(), case_id))


@blp.route("/<int:case_id>/submit", methods=["POST"])
@blp.arguments(AdjustmentSubmitSchema)
@blp.response(200, AdjustmentCaseSchema)
@blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(blp, 400, 403, 404, 409, 412, 422)
@require_roles(*MANAGERS)
def submit(data: ProposalChanges, case_id: int) -> Any:
    """Send the proposal (the action may be corrected) to the superior body's approvers (their 待办)."""
    return _one(cases.submit(current_actor(), case_id, data, if_match_when_given))


@blp.route("/<int:case_id>/cancel", methods=["POST"])
@blp.arguments(AdjustmentCancelSchema)
@blp.response(200, AdjustmentCaseSchema)
@blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(blp, 400, 403, 404, 409, 412, 422)
@require_roles(*MANAGERS)
def cancel(data: dict[str, Any], case_id: int) -> Any:
    """Close a case opened in error, with the reason (before it is submitted or after it is returned)."""
    return _one(cases.cancel(current_actor(), case_id, data["reason"], if_match_when_given))
