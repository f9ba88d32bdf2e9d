from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PartyWorkRank")


@_attrs_define
class PartyWorkRank:
    """
    Attributes:
        rank (int | Unset):
        jurisdiction_id (int | Unset):
        name (str | Unset):
        activity_rate (float | None | Unset):
        party_work_checked_rate (float | None | Unset):
    """

    rank: int | Unset = UNSET
    jurisdiction_id: int | Unset = UNSET
    name: str | Unset = UNSET
    activity_rate: float | None | Unset = UNSET
    party_work_checked_rate: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        rank = self.rank

        jurisdiction_id = self.jurisdiction_id

        name = self.name

        activity_rate: float | None | Unset
        if isinstance(self.activity_rate, Unset):
            activity_rate = UNSET
        else:
            activity_rate = self.activity_rate

        party_work_checked_rate: float | None | Unset
        if isinstance(self.party_work_checked_rate, Unset):
            party_work_checked_rate = UNSET
        else:
            party_work_checked_rate = self.party_work_checked_rate

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if rank is not UNSET:
            field_dict["rank"] = rank
        if jurisdiction_id is not UNSET:
            field_dict["jurisdiction_id"] = jurisdiction_id
        if name is not UNSET:
            field_dict["name"] = name
        if activity_rate is not UNSET:
            field_dict["activity_rate"] = activity_rate
        if party_work_checked_rate is not UNSET:
            field_dict["party_work_checked_rate"] = party_work_checked_rate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rank = d.pop("rank", UNSET)

        jurisdiction_id = d.pop("jurisdiction_id", UNSET)

        name = d.pop("name", UNSET)

        def _parse_activity_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        activity_rate = _parse_activity_rate(d.pop("activity_rate", UNSET))

        def _parse_party_work_checked_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        party_work_checked_rate = _parse_party_work_checked_rate(d.pop("party_work_checked_rate", UNSET))

        party_work_rank = cls(
            rank=rank,
            jurisdiction_id=jurisdiction_id,
            name=name,
            activity_rate=activity_rate,
            party_work_checked_rate=party_work_checked_rate,
        )

        return party_work_rank
