"""Jurisdictions (管辖): the tree of supervising bodies. A user's scope is its body's subtree."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.extensions import Base
from service.models.base import Timestamped, Versioned


class JurisdictionKind(StrEnum):
    city = "city"
    county = "county"
    district = "district"
    township = "township"
    street = "street"
    industry_committee = "industry_committee"
    park = "park"


JURISDICTION_KIND_LABELS = {
    JurisdictionKind.city: "市",
    JurisdictionKind.county: "县",
    JurisdictionKind.district: "区",
    JurisdictionKind.township: "乡镇",
    JurisdictionKind.street: "街道",
    JurisdictionKind.industry_committee: "行业党委",
    JurisdictionKind.park: "园区",
}

# Levels order the tree: a body's parent must sit at a lower level. Industry committees and parks
# hang under a county/district or directly under the city.
KIND_LEVEL = {
    JurisdictionKind.city: 1,
    JurisdictionKind.county: 2,
    JurisdictionKind.district: 2,
    JurisdictionKind.township: 3,
    JurisdictionKind.street: 3,
    JurisdictionKind.industry_committee: 3,
    JurisdictionKind.park: 3,
}
COUNTY_LEVEL_KINDS = frozenset({JurisdictionKind.county, JurisdictionKind.district})


class Jurisdiction(Versioned, Timestamped, Base):
    __tablename__ = "jurisdictions"
    # varchar_pattern_ops lets PostgreSQL use the index for `path LIKE '/1/4/%'` under any collation.
    __table_args__ = (Index("ix_jurisdictions_path", "path", postgresql_ops={"path": "varchar_pattern_ops"}),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(32))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("jurisdictions.id"), index=True)
    # Materialised path "/1/4/12/": a subtree is one prefix match, no recursive query.
    path: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(default=True)

    parent: Mapped[Jurisdiction | None] = relationship(remote_side=[id], lazy="raise")

    @property
    def ancestor_ids(self) -> list[int]:
        return [int(p) for p in self.path.strip("/").split("/") if p]
