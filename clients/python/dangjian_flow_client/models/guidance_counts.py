from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="GuidanceCounts")


@_attrs_define
class GuidanceCounts:
    """
    Attributes:
        units_without_guidance (int | Unset): In scope, no organisation, no instructor
        overdue_visits (int | Unset): Instructors' units with the visit overdue (escalated)
        open_preparation_items (int | Unset): 组建准备 items open
        overdue_preparation_items (int | Unset): Of them, past their limit (escalated)
    """

    units_without_guidance: int | Unset = UNSET
    overdue_visits: int | Unset = UNSET
    open_preparation_items: int | Unset = UNSET
    overdue_preparation_items: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        units_without_guidance = self.units_without_guidance

        overdue_visits = self.overdue_visits

        open_preparation_items = self.open_preparation_items

        overdue_preparation_items = self.overdue_preparation_items

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if units_without_guidance is not UNSET:
            field_dict["units_without_guidance"] = units_without_guidance
        if overdue_visits is not UNSET:
            field_dict["overdue_visits"] = overdue_visits
        if open_preparation_items is not UNSET:
            field_dict["open_preparation_items"] = open_preparation_items
        if overdue_preparation_items is not UNSET:
            field_dict["overdue_preparation_items"] = overdue_preparation_items

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        units_without_guidance = d.pop("units_without_guidance", UNSET)

        overdue_visits = d.pop("overdue_visits", UNSET)

        open_preparation_items = d.pop("open_preparation_items", UNSET)

        overdue_preparation_items = d.pop("overdue_preparation_items", UNSET)

        guidance_counts = cls(
            units_without_guidance=units_without_guidance,
            overdue_visits=overdue_visits,
            open_preparation_items=open_preparation_items,
            overdue_preparation_items=overdue_preparation_items,
        )

        return guidance_counts
