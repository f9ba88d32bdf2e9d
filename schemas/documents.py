"""Official documents: template administration (the downloads take no arguments)."""

from __future__ import annotations

from flask_smorest.fields import Upload
from marshmallow import Schema, fields, validate

ID_RANGE = validate.Range(min=1, max=2**31 - 1)


class TemplateQuerySchema(Schema):
    # The body whose templates are meant (default: the caller's own); its subtree inherits them.
    jurisdiction_id = fields.Integer(validate=ID_RANGE)


class TemplateUploadSchema(Schema):
    file = Upload(required=True, metadata={"description": "A Word document (.docx) with {{placeholders}}"})


class PlaceholderSchema(Schema):
    name = fields.String()
    description = fields.String()


class TemplateVersionSchema(Schema):
    id = fields.Integer()
    kind = fields.String()
    jurisdiction_id = fields.Integer()
    version = fields.Integer()
    filename = fields.String(allow_none=True)
    size = fields.Integer(allow_none=True)
    sha256 = fields.String(allow_none=True)
    uploaded_by = fields.Integer(allow_none=True)
    uploaded_at = fields.String()
    current = fields.Boolean()
    reset = fields.Boolean(metadata={"description": "A return to the inherited/default template"})


class UploadedTemplateSchema(TemplateVersionSchema):
    placeholders = fields.List(fields.String())
    missing = fields.List(fields.String(), metadata={"description": "Documented placeholders the template omits"})


class KindTemplatesSchema(Schema):
    kind = fields.String()
    label = fields.String()
    placeholders = fields.List(fields.Nested(PlaceholderSchema))
    current = fields.Nested(TemplateVersionSchema, allow_none=True)
    source = fields.String(metadata={"description": "default | own | inherited"})
    versions = fields.List(fields.Nested(TemplateVersionSchema))


class TemplatesOverviewSchema(Schema):
    jurisdiction_id = fields.Integer()
    kinds = fields.List(fields.Nested(KindTemplatesSchema))
