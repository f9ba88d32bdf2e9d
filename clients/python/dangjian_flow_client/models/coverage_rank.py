from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CoverageRank")


@_attrs_define
class CoverageRank:
    """
    Attributes:
        rank (int | Unset):
        jurisdiction_id (int | Unset):
        name (str | Unset):
        org_coverage_rate (float | None | Unset):
        work_coverage_rate (float | None | Unset):
    """

    rank: int | Unset = UNSET
    jurisdiction_id: int | Unset = UNSET
    name: str | Unset = UNSET
    org_coverage_rate: float | None | Unset = UNSET
    work_coverage_rate: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        rank = self.rank

        jurisdiction_id = self.jurisdiction_id

        name = self.name

        org_coverage_rate: float | None | Unset
        if isinstance(self.org_coverage_rate, Unset):
            org_coverage_rate = UNSET
        else:
            org_coverage_rate = self.org_coverage_rate

        work_coverage_rate: float | None | Unset
        if isinstance(self.work_coverage_rate, Unset):
            work_coverage_rate = UNSET
        else:
            work_coverage_rate = self.work_coverage_rate

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if rank is not UNSET:
            field_dict["rank"] = rank
        if jurisdiction_id is not UNSET:
            field_dict["jurisdiction_id"] = jurisdiction_id
        if name is not UNSET:
            field_dict["name"] = name
        if org_coverage_rate is not UNSET:
            field_dict["org_coverage_rate"] = org_coverage_rate
        if work_coverage_rate is not UNSET:
            field_dict["work_coverage_rate"] = work_coverage_rate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rank = d.pop("rank", UNSET)

        jurisdiction_id = d.pop("jurisdiction_id", UNSET)

        name = d.pop("name", UNSET)

        def _parse_org_coverage_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        org_coverage_rate = _parse_org_coverage_rate(d.pop("org_coverage_rate", UNSET))

        def _parse_work_coverage_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        work_coverage_rate = _parse_work_coverage_rate(d.pop("work_coverage_rate", UNSET))

        coverage_rank = cls(
            rank=rank,
            jurisdiction_id=jurisdiction_id,
            name=name,
            org_coverage_rate=org_coverage_rate,
            work_coverage_rate=work_coverage_rate,
        )

        return coverage_rank
