from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.common import LoadsInto, ident, one_of, text
from service.inputs import JurisdictionChanges, NewJurisdiction
from service.models.jurisdiction import JURISDICTION_KIND_LABELS, JurisdictionKind

KINDS = [k.value for k in JurisdictionKind]
CODE = validate.Regexp(r"^[A-Za-z0-9_-]{1,32}\Z", error="代码只能包含字母、数字、_ 和 -，最长32位")


class JurisdictionSchema(Schema):
    id = fields.Integer()
    code = fields.String()
    name = fields.String()
    kind = fields.String()
    kind_label = fields.Function(lambda j: JURISDICTION_KIND_LABELS[JurisdictionKind(j.kind)])
    parent_id = fields.Integer(allow_none=True)
    path = fields.String()
    active = fields.Boolean()
    version = fields.Integer()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class JurisdictionCreateSchema(LoadsInto):
    into = NewJurisdiction
    code = fields.String(required=True, validate=CODE)
    name = text(100, required=True)
    kind = one_of(KINDS, required=True)
    parent_id = ident(allow_none=True, load_default=None)


class JurisdictionUpdateSchema(LoadsInto):
    into = JurisdictionChanges
    code = fields.String(validate=CODE)
    name = text(100, blank=False)
    active = fields.Boolean()


class JurisdictionQuerySchema(Schema):
    kind = one_of(KINDS)
    parent_id = ident(strict=False)
    q = text(100)
