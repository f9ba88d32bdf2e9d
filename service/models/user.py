"""Users and their API tokens (stored hashed)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.extensions import Base
from service.models.base import Timestamped, UtcDateTime, Versioned
from service.models.jurisdiction import Jurisdiction


class Role(StrEnum):
    admin = "admin"
    supervisor = "supervisor"
    approver = "approver"
    handler = "handler"
    portal = "portal"
    instructor = "instructor"


ROLE_LABELS = {
    Role.admin: "系统管理员",
    Role.supervisor: "督查人员",
    Role.approver: "审批人",
    Role.handler: "承办人员",
    Role.portal: "门户系统",
    Role.instructor: "党建指导员",
}


class User(Versioned, Timestamped, Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16), index=True)
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"), index=True)
    active: Mapped[bool] = mapped_column(default=True)
    # argon2id (service/operations/reference/passwords.py); NULL: the user signs in with API tokens only.
    password_hash: Mapped[str | None] = mapped_column(String(255))
    password_changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    jurisdiction: Mapped[Jurisdiction] = relationship(lazy="joined", innerjoin=True)


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    # sha256 of a 256-bit random token: a fast hash is enough for high-entropy secrets.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))
    # What the token may be used for, space-separated (service/scopes.py); by default its role's full set. The
    # server default serves only the previous release during an upgrade, which names no scopes (decision 0066).
    scopes: Mapped[str] = mapped_column(String(100), server_default="read")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
