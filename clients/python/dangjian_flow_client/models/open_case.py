from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OpenCase")


@_attrs_define
class OpenCase:
    """
    Attributes:
        id (int | Unset):
        state (str | Unset):
        state_label (str | Unset):
        started_on (datetime.date | Unset):
        age_days (int | Unset):
    """

    id: int | Unset = UNSET
    state: str | Unset = UNSET
    state_label: str | Unset = UNSET
    started_on: datetime.date | Unset = UNSET
    age_days: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        state = self.state

        state_label = self.state_label

        started_on: str | Unset = UNSET
        if not isinstance(self.started_on, Unset):
            started_on = self.started_on.isoformat()

        age_days = self.age_days

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if state is not UNSET:
            field_dict["state"] = state
        if state_label is not UNSET:
            field_dict["state_label"] = state_label
        if started_on is not UNSET:
            field_dict["started_on"] = started_on
        if age_days is not UNSET:
            field_dict["age_days"] = age_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        state = d.pop("state", UNSET)

        state_label = d.pop("state_label", UNSET)

        _started_on = d.pop("started_on", UNSET)
        started_on: datetime.date | Unset
        if isinstance(_started_on, Unset):
            started_on = UNSET
        else:
            started_on = datetime.date.fromisoformat(_started_on)

        age_days = d.pop("age_days", UNSET)

        open_case = cls(
            id=id,
            state=state,
            state_label=state_label,
            started_on=started_on,
            age_days=age_days,
        )

        return open_case
