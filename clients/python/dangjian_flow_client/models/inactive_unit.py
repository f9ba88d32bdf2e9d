from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="InactiveUnit")


@_attrs_define
class InactiveUnit:
    """
    Attributes:
        unit_id (int | Unset):
        credit_code (str | Unset):
        name (str | Unset):
        jurisdiction_id (int | Unset):
        jurisdiction_name (str | Unset):
        instructor_name (None | str | Unset):
        has_party_org (bool | Unset):
        operating_since (datetime.date | Unset): In the ledger since
        last_activity_on (datetime.date | None | Unset): Last activity, before the window
    """

    unit_id: int | Unset = UNSET
    credit_code: str | Unset = UNSET
    name: str | Unset = UNSET
    jurisdiction_id: int | Unset = UNSET
    jurisdiction_name: str | Unset = UNSET
    instructor_name: None | str | Unset = UNSET
    has_party_org: bool | Unset = UNSET
    operating_since: datetime.date | Unset = UNSET
    last_activity_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        unit_id = self.unit_id

        credit_code = self.credit_code

        name = self.name

        jurisdiction_id = self.jurisdiction_id

        jurisdiction_name = self.jurisdiction_name

        instructor_name: None | str | Unset
        if isinstance(self.instructor_name, Unset):
            instructor_name = UNSET
        else:
            instructor_name = self.instructor_name

        has_party_org = self.has_party_org

        operating_since: str | Unset = UNSET
        if not isinstance(self.operating_since, Unset):
            operating_since = self.operating_since.isoformat()

        last_activity_on: None | str | Unset
        if isinstance(self.last_activity_on, Unset):
            last_activity_on = UNSET
        elif isinstance(self.last_activity_on, datetime.date):
            last_activity_on = self.last_activity_on.isoformat()
        else:
            last_activity_on = self.last_activity_on

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if unit_id is not UNSET:
            field_dict["unit_id"] = unit_id
        if credit_code is not UNSET:
            field_dict["credit_code"] = credit_code
        if name is not UNSET:
            field_dict["name"] = name
        if jurisdiction_id is not UNSET:
            field_dict["jurisdiction_id"] = jurisdiction_id
        if jurisdiction_name is not UNSET:
            field_dict["jurisdiction_name"] = jurisdiction_name
        if instructor_name is not UNSET:
            field_dict["instructor_name"] = instructor_name
        if has_party_org is not UNSET:
            field_dict["has_party_org"] = has_party_org
        if operating_since is not UNSET:
            field_dict["operating_since"] = operating_since
        if last_activity_on is not UNSET:
            field_dict["last_activity_on"] = last_activity_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        unit_id = d.pop("unit_id", UNSET)

        credit_code = d.pop("credit_code", UNSET)

        name = d.pop("name", UNSET)

        jurisdiction_id = d.pop("jurisdiction_id", UNSET)

        jurisdiction_name = d.pop("jurisdiction_name", UNSET)

        def _parse_instructor_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instructor_name = _parse_instructor_name(d.pop("instructor_name", UNSET))

        has_party_org = d.pop("has_party_org", UNSET)

        _operating_since = d.pop("operating_since", UNSET)
        operating_since: datetime.date | Unset
        if isinstance(_operating_since, Unset):
            operating_since = UNSET
        else:
            operating_since = datetime.date.fromisoformat(_operating_since)

        def _parse_last_activity_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_activity_on_type_0 = datetime.date.fromisoformat(data)

                return last_activity_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        last_activity_on = _parse_last_activity_on(d.pop("last_activity_on", UNSET))

        inactive_unit = cls(
            unit_id=unit_id,
            credit_code=credit_code,
            name=name,
            jurisdiction_id=jurisdiction_id,
            jurisdiction_name=jurisdiction_name,
            instructor_name=instructor_name,
            has_party_org=has_party_org,
            operating_since=operating_since,
            last_activity_on=last_activity_on,
        )

        return inactive_unit
