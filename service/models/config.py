"""The configuration version: one counter row that every change to admin-managed configuration bumps."""

from __future__ import annotations

from sqlalchemy import BigInteger
from sqlalchemy.orm import Mapped, mapped_column

from service.extensions import Base


class ConfigVersion(Base):
    """Row 1 only. Bumped in the transaction that changes the calendar, approval routes, users' roles or
    bodies, jurisdictions or webhooks (service/config_cache.py); each process compares it with what its
    caches were built from."""

    __tablename__ = "config_version"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(BigInteger, default=0)
