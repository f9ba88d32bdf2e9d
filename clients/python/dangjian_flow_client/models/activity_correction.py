from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.activity_correction_kind import ActivityCorrectionKind, check_activity_correction_kind

T = TypeVar("T", bound="ActivityCorrection")


@_attrs_define
class ActivityCorrection:
    """
    Attributes:
        kind (ActivityCorrectionKind):
        held_on (datetime.date): Within the date window 2000-01-01–2100-12-31 (DATE_MIN_YEAR–DATE_MAX_YEAR)
        attendance (int): People present
        description (str): Not blank, no control characters (tab and line breaks allowed)
        reason (str): Why the record is corrected. Not blank, no control characters (tab and line breaks allowed)
    """

    kind: ActivityCorrectionKind
    held_on: datetime.date
    attendance: int
    description: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        kind: str = self.kind

        held_on = self.held_on.isoformat()

        attendance = self.attendance

        description = self.description

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "held_on": held_on,
                "attendance": attendance,
                "description": description,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = check_activity_correction_kind(d.pop("kind"))

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        attendance = d.pop("attendance")

        description = d.pop("description")

        reason = d.pop("reason")

        activity_correction = cls(
            kind=kind,
            held_on=held_on,
            attendance=attendance,
            description=description,
            reason=reason,
        )

        return activity_correction
