from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Assign")


@_attrs_define
class Assign:
    """
    Attributes:
        instructor_id (int):
        unit_ids (list[int]): Units to serve
        liaison (bool | Unset): Stays on as 联络员 when the unit founds its organisation Default: False.
    """

    instructor_id: int
    unit_ids: list[int]
    liaison: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        instructor_id = self.instructor_id

        unit_ids = self.unit_ids

        liaison = self.liaison

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "instructor_id": instructor_id,
                "unit_ids": unit_ids,
            }
        )
        if liaison is not UNSET:
            field_dict["liaison"] = liaison

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        instructor_id = d.pop("instructor_id")

        unit_ids = cast(list[int], d.pop("unit_ids"))

        liaison = d.pop("liaison", UNSET)

        assign = cls(
            instructor_id=instructor_id,
            unit_ids=unit_ids,
            liaison=liaison,
        )

        return assign
