"""The configuration version: one counter row that every change to admin-managed configuration bumps."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from service.extensions import Base
from service.models.base import UtcDateTime


class ConfigVersion(Base):
    """Row 1 only. Bumped in the transaction that changes the calendar, approval routes, users' roles or
    bodies, jurisdictions or webhooks (service/config_cache.py); each process compares it with what its
    caches were built from."""

    __tablename__ = "config_version"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(BigInteger, default=0)


class RuleVersion(Base):
    """What a rules version hash stands for: the code version and the rule settings hashed
    (service/rule_versions.py). Written once per hash, when a process first creates a subject under it."""

    __tablename__ = "rule_versions"

    hash: Mapped[str] = mapped_column(String(16), primary_key=True)
    code_version: Mapped[str] = mapped_column(String(64))
    settings: Mapped[dict[str, Any]] = mapped_column(JSON)
    first_seen: Mapped[datetime] = mapped_column(UtcDateTime)
