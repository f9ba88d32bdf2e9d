from __future__ import annotations

from marshmallow import Schema

from schemas.common import text


class PasswordSetSchema(Schema):
    password = text(128, required=True, metadata={"description": "The new password (policy: PASSWORD_MIN_LENGTH)"})


class PasswordChangeSchema(Schema):
    old_password = text(128, required=True)
    new_password = text(128, required=True)
