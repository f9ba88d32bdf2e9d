from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AdjustmentTrigger")


@_attrs_define
class AdjustmentTrigger:
    """
    Attributes:
        trigger (str | Unset):
        trigger_label (str | Unset):
        unit_id (int | None | Unset):
        unit_name (None | str | Unset):
        reason (str | Unset):
        on (str | Unset):
    """

    trigger: str | Unset = UNSET
    trigger_label: str | Unset = UNSET
    unit_id: int | None | Unset = UNSET
    unit_name: None | str | Unset = UNSET
    reason: str | Unset = UNSET
    on: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        trigger = self.trigger

        trigger_label = self.trigger_label

        unit_id: int | None | Unset
        if isinstance(self.unit_id, Unset):
            unit_id = UNSET
        else:
            unit_id = self.unit_id

        unit_name: None | str | Unset
        if isinstance(self.unit_name, Unset):
            unit_name = UNSET
        else:
            unit_name = self.unit_name

        reason = self.reason

        on = self.on

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if trigger is not UNSET:
            field_dict["trigger"] = trigger
        if trigger_label is not UNSET:
            field_dict["trigger_label"] = trigger_label
        if unit_id is not UNSET:
            field_dict["unit_id"] = unit_id
        if unit_name is not UNSET:
            field_dict["unit_name"] = unit_name
        if reason is not UNSET:
            field_dict["reason"] = reason
        if on is not UNSET:
            field_dict["on"] = on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        trigger = d.pop("trigger", UNSET)

        trigger_label = d.pop("trigger_label", UNSET)

        def _parse_unit_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        unit_id = _parse_unit_id(d.pop("unit_id", UNSET))

        def _parse_unit_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit_name = _parse_unit_name(d.pop("unit_name", UNSET))

        reason = d.pop("reason", UNSET)

        on = d.pop("on", UNSET)

        adjustment_trigger = cls(
            trigger=trigger,
            trigger_label=trigger_label,
            unit_id=unit_id,
            unit_name=unit_name,
            reason=reason,
            on=on,
        )

        return adjustment_trigger
