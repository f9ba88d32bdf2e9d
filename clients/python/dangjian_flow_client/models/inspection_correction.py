from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.inspection_correction_result import InspectionCorrectionResult, check_inspection_correction_result
from ..types import UNSET, Unset

T = TypeVar("T", bound="InspectionCorrection")


@_attrs_define
class InspectionCorrection:
    """
    Attributes:
        inspected_on (datetime.date): Within the date window 2000-01-01–2100-12-31 (DATE_MIN_YEAR–DATE_MAX_YEAR)
        result (InspectionCorrectionResult):
        party_work_checked (bool): Whether party work was checked at the inspection
        reason (str): Not blank, no control characters (tab and line breaks allowed)
        note (None | str | Unset): No control characters (tab and line breaks allowed)
    """

    inspected_on: datetime.date
    result: InspectionCorrectionResult
    party_work_checked: bool
    reason: str
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        inspected_on = self.inspected_on.isoformat()

        result: str = self.result

        party_work_checked = self.party_work_checked

        reason = self.reason

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "inspected_on": inspected_on,
                "result": result,
                "party_work_checked": party_work_checked,
                "reason": reason,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        inspected_on = datetime.date.fromisoformat(d.pop("inspected_on"))

        result = check_inspection_correction_result(d.pop("result"))

        party_work_checked = d.pop("party_work_checked")

        reason = d.pop("reason")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        inspection_correction = cls(
            inspected_on=inspected_on,
            result=result,
            party_work_checked=party_work_checked,
            reason=reason,
            note=note,
        )

        return inspection_correction
