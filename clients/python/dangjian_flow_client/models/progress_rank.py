from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProgressRank")


@_attrs_define
class ProgressRank:
    """
    Attributes:
        rank (int | Unset):
        jurisdiction_id (int | Unset):
        name (str | Unset):
        progress (float | None | Unset):
    """

    rank: int | Unset = UNSET
    jurisdiction_id: int | Unset = UNSET
    name: str | Unset = UNSET
    progress: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        rank = self.rank

        jurisdiction_id = self.jurisdiction_id

        name = self.name

        progress: float | None | Unset
        if isinstance(self.progress, Unset):
            progress = UNSET
        else:
            progress = self.progress

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if rank is not UNSET:
            field_dict["rank"] = rank
        if jurisdiction_id is not UNSET:
            field_dict["jurisdiction_id"] = jurisdiction_id
        if name is not UNSET:
            field_dict["name"] = name
        if progress is not UNSET:
            field_dict["progress"] = progress

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rank = d.pop("rank", UNSET)

        jurisdiction_id = d.pop("jurisdiction_id", UNSET)

        name = d.pop("name", UNSET)

        def _parse_progress(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        progress = _parse_progress(d.pop("progress", UNSET))

        progress_rank = cls(
            rank=rank,
            jurisdiction_id=jurisdiction_id,
            name=name,
            progress=progress,
        )

        return progress_rank
