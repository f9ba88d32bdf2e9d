from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.calendar_day import CalendarDay
    from ..models.named_day import NamedDay


T = TypeVar("T", bound="CalendarYear")


@_attrs_define
class CalendarYear:
    """
    Attributes:
        year (int | Unset):
        basis (str | Unset): official: loaded notice or package data; fallback: Monday–Friday guesswork
        basis_label (str | Unset):
        loaded (bool | Unset): An admin loaded this year's notice
        notice (None | str | Unset):
        loaded_at (datetime.datetime | None | Unset):
        loaded_by (None | str | Unset):
        overrides (list[CalendarDay] | Unset): The loaded days
        holidays (list[NamedDay] | Unset): Monday–Friday days off in the effective calendar
        makeup_workdays (list[NamedDay] | Unset): Saturdays/Sundays that are working days (调休)
    """

    year: int | Unset = UNSET
    basis: str | Unset = UNSET
    basis_label: str | Unset = UNSET
    loaded: bool | Unset = UNSET
    notice: None | str | Unset = UNSET
    loaded_at: datetime.datetime | None | Unset = UNSET
    loaded_by: None | str | Unset = UNSET
    overrides: list[CalendarDay] | Unset = UNSET
    holidays: list[NamedDay] | Unset = UNSET
    makeup_workdays: list[NamedDay] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        basis = self.basis

        basis_label = self.basis_label

        loaded = self.loaded

        notice: None | str | Unset
        if isinstance(self.notice, Unset):
            notice = UNSET
        else:
            notice = self.notice

        loaded_at: None | str | Unset
        if isinstance(self.loaded_at, Unset):
            loaded_at = UNSET
        elif isinstance(self.loaded_at, datetime.datetime):
            loaded_at = self.loaded_at.isoformat()
        else:
            loaded_at = self.loaded_at

        loaded_by: None | str | Unset
        if isinstance(self.loaded_by, Unset):
            loaded_by = UNSET
        else:
            loaded_by = self.loaded_by

        overrides: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.overrides, Unset):
            overrides = []
            for overrides_item_data in self.overrides:
                overrides_item = overrides_item_data.to_dict()
                overrides.append(overrides_item)

        holidays: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.holidays, Unset):
            holidays = []
            for holidays_item_data in self.holidays:
                holidays_item = holidays_item_data.to_dict()
                holidays.append(holidays_item)

        makeup_workdays: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.makeup_workdays, Unset):
            makeup_workdays = []
            for makeup_workdays_item_data in self.makeup_workdays:
                makeup_workdays_item = makeup_workdays_item_data.to_dict()
                makeup_workdays.append(makeup_workdays_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if year is not UNSET:
            field_dict["year"] = year
        if basis is not UNSET:
            field_dict["basis"] = basis
        if basis_label is not UNSET:
            field_dict["basis_label"] = basis_label
        if loaded is not UNSET:
            field_dict["loaded"] = loaded
        if notice is not UNSET:
            field_dict["notice"] = notice
        if loaded_at is not UNSET:
            field_dict["loaded_at"] = loaded_at
        if loaded_by is not UNSET:
            field_dict["loaded_by"] = loaded_by
        if overrides is not UNSET:
            field_dict["overrides"] = overrides
        if holidays is not UNSET:
            field_dict["holidays"] = holidays
        if makeup_workdays is not UNSET:
            field_dict["makeup_workdays"] = makeup_workdays

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.calendar_day import CalendarDay  # noqa: PLC0415
        from ..models.named_day import NamedDay  # noqa: PLC0415

        d = dict(src_dict)
        year = d.pop("year", UNSET)

        basis = d.pop("basis", UNSET)

        basis_label = d.pop("basis_label", UNSET)

        loaded = d.pop("loaded", UNSET)

        def _parse_notice(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notice = _parse_notice(d.pop("notice", UNSET))

        def _parse_loaded_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                loaded_at_type_0 = datetime.datetime.fromisoformat(data)

                return loaded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        loaded_at = _parse_loaded_at(d.pop("loaded_at", UNSET))

        def _parse_loaded_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        loaded_by = _parse_loaded_by(d.pop("loaded_by", UNSET))

        _overrides = d.pop("overrides", UNSET)
        overrides: list[CalendarDay] | Unset = UNSET
        if _overrides is not UNSET:
            overrides = []
            for overrides_item_data in _overrides:
                overrides_item = CalendarDay.from_dict(overrides_item_data)

                overrides.append(overrides_item)

        _holidays = d.pop("holidays", UNSET)
        holidays: list[NamedDay] | Unset = UNSET
        if _holidays is not UNSET:
            holidays = []
            for holidays_item_data in _holidays:
                holidays_item = NamedDay.from_dict(holidays_item_data)

                holidays.append(holidays_item)

        _makeup_workdays = d.pop("makeup_workdays", UNSET)
        makeup_workdays: list[NamedDay] | Unset = UNSET
        if _makeup_workdays is not UNSET:
            makeup_workdays = []
            for makeup_workdays_item_data in _makeup_workdays:
                makeup_workdays_item = NamedDay.from_dict(makeup_workdays_item_data)

                makeup_workdays.append(makeup_workdays_item)

        calendar_year = cls(
            year=year,
            basis=basis,
            basis_label=basis_label,
            loaded=loaded,
            notice=notice,
            loaded_at=loaded_at,
            loaded_by=loaded_by,
            overrides=overrides,
            holidays=holidays,
            makeup_workdays=makeup_workdays,
        )

        return calendar_year
