from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.activity_create_kind import ActivityCreateKind, check_activity_create_kind

T = TypeVar("T", bound="ActivityCreate")


@_attrs_define
class ActivityCreate:
    """
    Attributes:
        unit_id (int): The ledger unit the activity was held for
        kind (ActivityCreateKind): 主题党日, 三会一课, 志愿服务, 培训, 其他
        held_on (datetime.date): The day it was held (not in the future). Within the date window 2000-01-01–2100-12-31
            (DATE_MIN_YEAR–DATE_MAX_YEAR)
        attendance (int): People present
        description (str): Not blank, no control characters (tab and line breaks allowed)
    """

    unit_id: int
    kind: ActivityCreateKind
    held_on: datetime.date
    attendance: int
    description: str

    def to_dict(self) -> dict[str, Any]:
        unit_id = self.unit_id

        kind: str = self.kind

        held_on = self.held_on.isoformat()

        attendance = self.attendance

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "unit_id": unit_id,
                "kind": kind,
                "held_on": held_on,
                "attendance": attendance,
                "description": description,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        unit_id = d.pop("unit_id")

        kind = check_activity_create_kind(d.pop("kind"))

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        attendance = d.pop("attendance")

        description = d.pop("description")

        activity_create = cls(
            unit_id=unit_id,
            kind=kind,
            held_on=held_on,
            attendance=attendance,
            description=description,
        )

        return activity_create
