from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SupervisionRank")


@_attrs_define
class SupervisionRank:
    """
    Attributes:
        rank (int | Unset):
        jurisdiction_id (int | Unset):
        name (str | Unset):
        tickets_overdue (int | Unset):
        tickets_closed_on_time (int | Unset):
        tickets_closed_late (int | Unset):
        interviews_held (int | Unset):
    """

    rank: int | Unset = UNSET
    jurisdiction_id: int | Unset = UNSET
    name: str | Unset = UNSET
    tickets_overdue: int | Unset = UNSET
    tickets_closed_on_time: int | Unset = UNSET
    tickets_closed_late: int | Unset = UNSET
    interviews_held: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        rank = self.rank

        jurisdiction_id = self.jurisdiction_id

        name = self.name

        tickets_overdue = self.tickets_overdue

        tickets_closed_on_time = self.tickets_closed_on_time

        tickets_closed_late = self.tickets_closed_late

        interviews_held = self.interviews_held

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if rank is not UNSET:
            field_dict["rank"] = rank
        if jurisdiction_id is not UNSET:
            field_dict["jurisdiction_id"] = jurisdiction_id
        if name is not UNSET:
            field_dict["name"] = name
        if tickets_overdue is not UNSET:
            field_dict["tickets_overdue"] = tickets_overdue
        if tickets_closed_on_time is not UNSET:
            field_dict["tickets_closed_on_time"] = tickets_closed_on_time
        if tickets_closed_late is not UNSET:
            field_dict["tickets_closed_late"] = tickets_closed_late
        if interviews_held is not UNSET:
            field_dict["interviews_held"] = interviews_held

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rank = d.pop("rank", UNSET)

        jurisdiction_id = d.pop("jurisdiction_id", UNSET)

        name = d.pop("name", UNSET)

        tickets_overdue = d.pop("tickets_overdue", UNSET)

        tickets_closed_on_time = d.pop("tickets_closed_on_time", UNSET)

        tickets_closed_late = d.pop("tickets_closed_late", UNSET)

        interviews_held = d.pop("interviews_held", UNSET)

        supervision_rank = cls(
            rank=rank,
            jurisdiction_id=jurisdiction_id,
            name=name,
            tickets_overdue=tickets_overdue,
            tickets_closed_on_time=tickets_closed_on_time,
            tickets_closed_late=tickets_closed_late,
            interviews_held=interviews_held,
        )

        return supervision_rank
