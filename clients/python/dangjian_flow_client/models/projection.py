from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Projection")


@_attrs_define
class Projection:
    """
    Attributes:
        status (str | Unset): reached, reaching, not_at_this_pace, insufficient_data or no_rate
        label (str | Unset):
        target (float | Unset):
        current_rate (float | None | Unset):
        pace_per_month (float | None | Unset): Rate change per month
        reaches_on (datetime.date | None | Unset): The month end the target is reached
        basis (list[datetime.date] | Unset): The month ends the pace was measured over
    """

    status: str | Unset = UNSET
    label: str | Unset = UNSET
    target: float | Unset = UNSET
    current_rate: float | None | Unset = UNSET
    pace_per_month: float | None | Unset = UNSET
    reaches_on: datetime.date | None | Unset = UNSET
    basis: list[datetime.date] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        label = self.label

        target = self.target

        current_rate: float | None | Unset
        if isinstance(self.current_rate, Unset):
            current_rate = UNSET
        else:
            current_rate = self.current_rate

        pace_per_month: float | None | Unset
        if isinstance(self.pace_per_month, Unset):
            pace_per_month = UNSET
        else:
            pace_per_month = self.pace_per_month

        reaches_on: None | str | Unset
        if isinstance(self.reaches_on, Unset):
            reaches_on = UNSET
        elif isinstance(self.reaches_on, datetime.date):
            reaches_on = self.reaches_on.isoformat()
        else:
            reaches_on = self.reaches_on

        basis: list[str] | Unset = UNSET
        if not isinstance(self.basis, Unset):
            basis = []
            for basis_item_data in self.basis:
                basis_item = basis_item_data.isoformat()
                basis.append(basis_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if label is not UNSET:
            field_dict["label"] = label
        if target is not UNSET:
            field_dict["target"] = target
        if current_rate is not UNSET:
            field_dict["current_rate"] = current_rate
        if pace_per_month is not UNSET:
            field_dict["pace_per_month"] = pace_per_month
        if reaches_on is not UNSET:
            field_dict["reaches_on"] = reaches_on
        if basis is not UNSET:
            field_dict["basis"] = basis

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = d.pop("status", UNSET)

        label = d.pop("label", UNSET)

        target = d.pop("target", UNSET)

        def _parse_current_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        current_rate = _parse_current_rate(d.pop("current_rate", UNSET))

        def _parse_pace_per_month(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        pace_per_month = _parse_pace_per_month(d.pop("pace_per_month", UNSET))

        def _parse_reaches_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reaches_on_type_0 = datetime.date.fromisoformat(data)

                return reaches_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        reaches_on = _parse_reaches_on(d.pop("reaches_on", UNSET))

        _basis = d.pop("basis", UNSET)
        basis: list[datetime.date] | Unset = UNSET
        if _basis is not UNSET:
            basis = []
            for basis_item_data in _basis:
                basis_item = datetime.date.fromisoformat(basis_item_data)

                basis.append(basis_item)

        projection = cls(
            status=status,
            label=label,
            target=target,
            current_rate=current_rate,
            pace_per_month=pace_per_month,
            reaches_on=reaches_on,
            basis=basis,
        )

        return projection
