"""Adjustment cases (组织调整): request bodies, query strings and answers (Chinese labels next to codes)."""

from __future__ import annotations

from marshmallow import Schema, fields

from schemas.common import HistoryEntrySchema, LoadsInto, ident, one_of, rules_version, text
from workflows.adjustment import MANUAL_TRIGGERS, Action, AdjustmentState, ManualCase, ProposalChanges, Trigger
from workflows.establishment import OrgForm

STATE_VALUES = [s.value for s in AdjustmentState]
ACTION_VALUES = [a.value for a in Action]
TRIGGER_VALUES = [t.value for t in Trigger]
FORM_VALUES = [f.value for f in OrgForm]


class ManualCaseSchema(LoadsInto):
    into = ManualCase
    party_org_id = ident(required=True, metadata={"description": "The organisation to adjust"})
    trigger = one_of([t.value for t in MANUAL_TRIGGERS], required=True, metadata={"description": "merged or split"})
    action = one_of(ACTION_VALUES, required=True, metadata={"description": "The action proposed"})
    note = text(1000, required=True, metadata={"description": "What happened to the unit(s)"})
    proposed_form = one_of(
        FORM_VALUES, load_default=None, allow_none=True, metadata={"description": "change_form only"}
    )
    target_jurisdiction_id = ident(load_default=None, allow_none=True, metadata={"description": "transfer only"})


class AdjustmentSubmitSchema(LoadsInto):
    into = ProposalChanges
    action = one_of(ACTION_VALUES, load_default=None, metadata={"description": "Corrects the action proposed"})
    proposed_form = one_of(FORM_VALUES, load_default=None, allow_none=True)
    target_jurisdiction_id = ident(load_default=None, allow_none=True)
    note = text(1000, load_default=None)


class AdjustmentCancelSchema(Schema):
    reason = text(1000, required=True)


class AdjustmentQuerySchema(Schema):
    state = one_of(STATE_VALUES)
    action = one_of(ACTION_VALUES)
    trigger = one_of(TRIGGER_VALUES)
    party_org_id = ident(strict=False)
    open = fields.Boolean(metadata={"description": "Only cases not yet decided"})
    jurisdiction_id = ident(strict=False, metadata={"description": "Cases seen in this body's subtree"})


class AdjustmentRefSchema(Schema):
    id = fields.Integer()
    name = fields.String(allow_none=True)


class AdjustedOrgSchema(Schema):
    id = fields.Integer()
    name = fields.String()
    kind = fields.String()
    kind_label = fields.String(allow_none=True)
    status = fields.String()
    jurisdiction_id = fields.Integer()


class AdjustmentTriggerSchema(Schema):
    trigger = fields.String()
    trigger_label = fields.String()
    unit_id = fields.Integer(allow_none=True)
    unit_name = fields.String(allow_none=True)
    reason = fields.String()
    on = fields.String()


class AdjustmentCaseSchema(Schema):
    id = fields.Integer()
    state = fields.String()
    state_label = fields.String()
    party_org = fields.Nested(AdjustedOrgSchema)
    jurisdiction = fields.Nested(AdjustmentRefSchema, metadata={"description": "The superior body that decides"})
    unit = fields.Nested(
        AdjustmentRefSchema, allow_none=True, metadata={"description": "The unit whose change opened it"}
    )
    trigger = fields.String()
    trigger_label = fields.String()
    action = fields.String()
    action_label = fields.String()
    proposed_form = fields.String(allow_none=True)
    proposed_form_label = fields.String(allow_none=True)
    target_jurisdiction = fields.Nested(AdjustmentRefSchema, allow_none=True)
    reason = fields.String()
    note = fields.String(allow_none=True)
    triggers = fields.List(fields.Nested(AdjustmentTriggerSchema))
    opened_on = fields.Date()
    submitted_at = fields.DateTime(allow_none=True)
    decided_at = fields.DateTime(allow_none=True)
    approving_body = fields.String(allow_none=True)
    approval_doc_no = fields.String(allow_none=True)
    approved_on = fields.Date(allow_none=True)
    decision_reason = fields.String(allow_none=True)
    return_reason = fields.String(allow_none=True)
    closed_reason = fields.String(allow_none=True)
    escalation_level = fields.String(allow_none=True)
    next_escalation_at = fields.Date(allow_none=True)
    next_escalation_level = fields.String(allow_none=True)
    version = fields.Integer()
    history = fields.List(fields.Nested(HistoryEntrySchema))
    rules_version = rules_version()


class EligibleOrgSchema(Schema):
    id = fields.Integer()
    name = fields.String()
    kind = fields.String()
    kind_label = fields.String(allow_none=True)


class UpgradeEligibleSchema(Schema):
    unit = fields.Nested(AdjustmentRefSchema)
    party_org = fields.Nested(EligibleOrgSchema)
    jurisdiction = fields.Nested(AdjustmentRefSchema)
    formal_members = fields.Integer()
    eligible_form = fields.String()
    eligible_form_label = fields.String()
