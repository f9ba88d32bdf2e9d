from __future__ import annotations

from marshmallow import Schema, fields, utils

from schemas.common import ident, one_of, sort_param, text
from schemas.dates import business_date
from service.vocab import PARTY_ORG_SORT_KEYS as SORT_KEYS

ORG_KINDS = ["branch", "joint_branch", "general_branch", "primary_committee", "functional_org"]
ORG_KIND_LABELS = {
    "branch": "党支部",
    "joint_branch": "联合党支部",
    "general_branch": "党总支",
    "primary_committee": "基层党委",
    "functional_org": "功能型党组织",
}


class CoveredUnitSchema(Schema):
    id = fields.Integer()
    name = fields.String()
    credit_code = fields.String()


class PartyOrgSchema(Schema):
    id = fields.Integer()
    name = fields.String()
    kind = fields.String()
    # The API serialises dicts (row columns plus covered units), so read `kind` from a dict or an object.
    kind_label = fields.Function(lambda o: ORG_KIND_LABELS.get(utils.get_value(o, "kind"), utils.get_value(o, "kind")))
    jurisdiction_id = fields.Integer()
    status = fields.String()
    founded_on = fields.Date(allow_none=True)
    approval_doc_no = fields.String(allow_none=True)
    approved_on = fields.Date(allow_none=True)
    secretary_name = fields.String(allow_none=True)
    committee_size = fields.Integer(allow_none=True)
    term_years = fields.Integer(allow_none=True)
    term_start = fields.Date(allow_none=True)
    term_due_on = fields.Date(allow_none=True, metadata={"description": "Re-election due date (换届)"})
    units = fields.List(fields.Nested(CoveredUnitSchema), metadata={"description": "Covered ledger units"})
    formal_members = fields.Integer(metadata={"description": "Formal members across the covered units"})
    version = fields.Integer()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class PartyOrgQuerySchema(Schema):
    jurisdiction_id = ident(strict=False)
    kind = one_of(ORG_KINDS)
    status = one_of(["active", "dissolved"])
    term_due_before = business_date(metadata={"description": "Re-election due on or before this date"})
    q = text(100)
    sort = sort_param(SORT_KEYS, "name")
