from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.inspection_create_result import InspectionCreateResult, check_inspection_create_result
from ..types import UNSET, Unset

T = TypeVar("T", bound="InspectionCreate")


@_attrs_define
class InspectionCreate:
    """
    Attributes:
        unit_id (int):
        year (int):
        inspected_on (datetime.date): Within the year, not in the future. Within the date window 2000-01-01–2100-12-31
            (DATE_MIN_YEAR–DATE_MAX_YEAR)
        result (InspectionCreateResult): 合格, 基本合格, 不合格
        party_work_checked (bool): Whether party work was checked at the inspection
        note (None | str | Unset): No control characters (tab and line breaks allowed)
    """

    unit_id: int
    year: int
    inspected_on: datetime.date
    result: InspectionCreateResult
    party_work_checked: bool
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        unit_id = self.unit_id

        year = self.year

        inspected_on = self.inspected_on.isoformat()

        result: str = self.result

        party_work_checked = self.party_work_checked

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "unit_id": unit_id,
                "year": year,
                "inspected_on": inspected_on,
                "result": result,
                "party_work_checked": party_work_checked,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        unit_id = d.pop("unit_id")

        year = d.pop("year")

        inspected_on = datetime.date.fromisoformat(d.pop("inspected_on"))

        result = check_inspection_create_result(d.pop("result"))

        party_work_checked = d.pop("party_work_checked")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        inspection_create = cls(
            unit_id=unit_id,
            year=year,
            inspected_on=inspected_on,
            result=result,
            party_work_checked=party_work_checked,
            note=note,
        )

        return inspection_create
