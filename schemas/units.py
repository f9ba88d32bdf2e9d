from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.common import LoadsInto, count, ident, one_of, sort_param, text
from service.vocab import UNIT_SORT_KEYS as SORT_KEYS
from workflows.ledger import (
    OPERATING_STATUS_LABELS,
    UNIT_KIND_LABELS,
    NewUnit,
    OperatingStatus,
    UnitChanges,
    UnitKind,
    missing_clears,
)

KINDS = [k.value for k in UnitKind]
STATUSES = [s.value for s in OperatingStatus]


class JurisdictionRefSchema(Schema):
    id = fields.Integer()
    code = fields.String()
    name = fields.String()


class UnitSchema(Schema):
    id = fields.Integer()
    credit_code = fields.String()
    name = fields.String()
    kind = fields.String()
    kind_label = fields.Function(lambda u: UNIT_KIND_LABELS[UnitKind(u.kind)])
    jurisdiction = fields.Nested(JurisdictionRefSchema)
    industry = fields.String(allow_none=True)
    address = fields.String(allow_none=True)
    employees = fields.Integer()
    formal_members = fields.Integer()
    probationary_members = fields.Integer()
    mobile_members = fields.Integer()
    investor_or_head = fields.String(allow_none=True)
    operating_status = fields.String()
    operating_status_label = fields.Function(lambda u: OPERATING_STATUS_LABELS[OperatingStatus(u.operating_status)])
    no_org_reason = fields.String(allow_none=True)
    party_org_id = fields.Integer(allow_none=True)
    instructor_id = fields.Integer(allow_none=True)
    in_scope = fields.Boolean(metadata={"description": "Must-establish scope (应建), derived from the thresholds"})
    missing_clears = fields.Function(
        lambda u: missing_clears(
            operating_status=u.operating_status,
            employees=u.employees,
            formal_members=u.formal_members,
            investor_or_head=u.investor_or_head,
            has_party_org=u.party_org_id is not None,
            no_org_reason=u.no_org_reason,
        ),
        metadata={"description": "Which of the five clears (五个清) the row does not answer yet"},
    )
    deregistered_at = fields.DateTime(allow_none=True)
    version = fields.Integer()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class _UnitWritable(Schema):
    name = text(200, blank=False)
    industry = text(100, allow_none=True)
    address = text(300, allow_none=True)
    investor_or_head = text(100, allow_none=True)
    no_org_reason = text(1000, allow_none=True)
    instructor_id = ident(allow_none=True)
    party_members_total = count(
        metadata={"description": "Optional cross-check: must equal formal_members + probationary_members"}
    )


class UnitCreateFields(_UnitWritable):
    """The fields of a new unit, loaded as a dict (the Excel import stages its rows as such)."""

    credit_code = fields.String(
        required=True,
        validate=validate.Length(max=32),
        metadata={"description": "18-character unified social credit code (GB 32100-2015)"},
    )
    name = text(200, required=True)
    kind = one_of(KINDS, required=True)
    jurisdiction_id = ident(required=True)
    employees = count(required=True)
    formal_members = count(required=True)
    probationary_members = count(load_default=0)
    mobile_members = count(load_default=0)
    operating_status = one_of(STATUSES, load_default=OperatingStatus.operating.value)


class UnitUpdateFields(_UnitWritable):
    credit_code = fields.String(validate=validate.Length(max=32))
    kind = one_of(KINDS)
    jurisdiction_id = ident()
    employees = count()
    formal_members = count()
    probationary_members = count()
    mobile_members = count()
    operating_status = one_of(STATUSES)


class UnitCreateSchema(UnitCreateFields, LoadsInto):
    into = NewUnit


class UnitUpdateSchema(UnitUpdateFields, LoadsInto):
    into = UnitChanges


class UnitQuerySchema(Schema):
    jurisdiction_id = ident(strict=False, metadata={"description": "A jurisdiction: its whole subtree is listed"})
    kind = one_of(KINDS)
    in_scope = fields.Boolean()
    has_party_org = fields.Boolean()
    has_instructor = fields.Boolean()
    operating_status = one_of(STATUSES)
    industry = text(100)
    q = text(100, metadata={"description": "Text search: name contains, or credit code starts with"})
    sort = sort_param(SORT_KEYS, "name")
