from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.common import LoadsInto, ident, one_of, text
from service.inputs import NewUser, UserChanges
from service.models.user import ROLE_LABELS, Role
from service.scopes import SCOPES

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
    scopes = fields.List(
        one_of(SCOPES),
        validate=validate.Length(min=1, max=len(SCOPES), error="请选择1到4项权限范围"),
        load_default=None,
        metadata={
            "description": "What the token may be used for: `read`, `ledger:write`, `workflow:act`, `admin`. Omitted: "
            "the role's full set (admin: all four; supervisor, handler, portal: all but `admin`; approver, "
            "instructor: `read` and `workflow:act`). A scope the role cannot hold is refused (422 "
            "`scope_beyond_role`)."
        },
    )


class TokenSchema(Schema):
    id = fields.Integer()
    name = fields.String()
    prefix = fields.String(metadata={"description": "First characters, to recognise a token"})
    created_at = fields.DateTime()
    revoked_at = fields.DateTime(allow_none=True)
    scopes = fields.Function(
        lambda t: t["scopes"].split() if isinstance(t, dict) else t.scopes.split(),
        metadata={"description": "The token's scopes", "type": "array", "items": {"type": "string", "enum": SCOPES}},
    )


class IssuedTokenSchema(TokenSchema):
    token = fields.String(metadata={"description": "The token itself: shown once, stored only as a hash"})
