from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.common import LoadsInto, ident, one_of, text
from service.inputs import NewUser, UserChanges
from service.models.user import ROLE_LABELS, Role

ROLES = [r.value for r in Role]


class UserSchema(Schema):
    id = fields.Integer()
    username = fields.String()
    display_name = fields.String()
    role = fields.String()
    role_label = fields.Function(lambda u: ROLE_LABELS[Role(u.role)])
    jurisdiction_id = fields.Integer()
    active = fields.Boolean()
    version = fields.Integer()
    created_at = fields.DateTime()


class UserCreateSchema(LoadsInto):
    into = NewUser
    username = fields.String(
        required=True, validate=validate.Regexp(r"^[A-Za-z0-9_.-]{2,64}\Z", error="用户名为2到64位字母、数字或 _ . -")
    )
    display_name = text(100, required=True)
    role = one_of(ROLES, required=True)
    jurisdiction_id = ident(required=True)


class UserUpdateSchema(LoadsInto):
    into = UserChanges
    display_name = text(100, blank=False)
    role = one_of(ROLES)
    jurisdiction_id = ident()
    active = fields.Boolean()


class UserQuerySchema(Schema):
    role = one_of(ROLES)
    jurisdiction_id = ident(strict=False)
    active = fields.Boolean()


class TokenCreateSchema(Schema):
    name = text(64, load_default="api")


class TokenSchema(Schema):
    id = fields.Integer()
    name = fields.String()
    prefix = fields.String(metadata={"description": "First characters, to recognise a token"})
    created_at = fields.DateTime()
    revoked_at = fields.DateTime(allow_none=True)


class IssuedTokenSchema(TokenSchema):
    token = fields.String(metadata={"description": "The token itself: shown once, stored only as a hash"})
