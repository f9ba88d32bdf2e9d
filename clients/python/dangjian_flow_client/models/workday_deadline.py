from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WorkdayDeadline")


@_attrs_define
class WorkdayDeadline:
    """
    Attributes:
        start (datetime.date | Unset):
        workdays (int | Unset):
        deadline (datetime.date | Unset):
        basis (str | Unset): fallback when any day counted lies in a year without data
        basis_label (str | Unset):
    """

    start: datetime.date | Unset = UNSET
    workdays: int | Unset = UNSET
    deadline: datetime.date | Unset = UNSET
    basis: str | Unset = UNSET
    basis_label: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        start: str | Unset = UNSET
        if not isinstance(self.start, Unset):
            start = self.start.isoformat()

        workdays = self.workdays

        deadline: str | Unset = UNSET
        if not isinstance(self.deadline, Unset):
            deadline = self.deadline.isoformat()

        basis = self.basis

        basis_label = self.basis_label

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if start is not UNSET:
            field_dict["start"] = start
        if workdays is not UNSET:
            field_dict["workdays"] = workdays
        if deadline is not UNSET:
            field_dict["deadline"] = deadline
        if basis is not UNSET:
            field_dict["basis"] = basis
        if basis_label is not UNSET:
            field_dict["basis_label"] = basis_label

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _start = d.pop("start", UNSET)
        start: datetime.date | Unset
        if isinstance(_start, Unset):
            start = UNSET
        else:
            start = datetime.date.fromisoformat(_start)

        workdays = d.pop("workdays", UNSET)

        _deadline = d.pop("deadline", UNSET)
        deadline: datetime.date | Unset
        if isinstance(_deadline, Unset):
            deadline = UNSET
        else:
            deadline = datetime.date.fromisoformat(_deadline)

        basis = d.pop("basis", UNSET)

        basis_label = d.pop("basis_label", UNSET)

        workday_deadline = cls(
            start=start,
            workdays=workdays,
            deadline=deadline,
            basis=basis,
            basis_label=basis_label,
        )

        return workday_deadline
