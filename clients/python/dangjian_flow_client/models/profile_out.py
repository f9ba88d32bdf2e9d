from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProfileOut")


@_attrs_define
class ProfileOut:
    """
    Attributes:
        employment (str | Unset):
        employment_label (str | Unset):
        home_unit (str | Unset):
        phone (str | Unset):
    """

    employment: str | Unset = UNSET
    employment_label: str | Unset = UNSET
    home_unit: str | Unset = UNSET
    phone: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        employment = self.employment

        employment_label = self.employment_label

        home_unit = self.home_unit

        phone = self.phone

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if employment is not UNSET:
            field_dict["employment"] = employment
        if employment_label is not UNSET:
            field_dict["employment_label"] = employment_label
        if home_unit is not UNSET:
            field_dict["home_unit"] = home_unit
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        employment = d.pop("employment", UNSET)

        employment_label = d.pop("employment_label", UNSET)

        home_unit = d.pop("home_unit", UNSET)

        phone = d.pop("phone", UNSET)

        profile_out = cls(
            employment=employment,
            employment_label=employment_label,
            home_unit=home_unit,
            phone=phone,
        )

        return profile_out
