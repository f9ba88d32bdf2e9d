from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DueCounts")


@_attrs_define
class DueCounts:
    """
    Attributes:
        due (int | Unset):
        overdue (int | Unset):
    """

    due: int | Unset = UNSET
    overdue: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        due = self.due

        overdue = self.overdue

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if due is not UNSET:
            field_dict["due"] = due
        if overdue is not UNSET:
            field_dict["overdue"] = overdue

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        due = d.pop("due", UNSET)

        overdue = d.pop("overdue", UNSET)

        due_counts = cls(
            due=due,
            overdue=overdue,
        )

        return due_counts
