from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.profile_employment import ProfileEmployment, check_profile_employment

T = TypeVar("T", bound="Profile")


@_attrs_define
class Profile:
    """
    Attributes:
        employment (ProfileEmployment): full_time (专职) or part_time (兼职)
        home_unit (str): The unit that sends the instructor (派出单位). Not blank, no control characters (tab and line
            breaks allowed)
        phone (str): Not blank, no control characters (tab and line breaks allowed)
    """

    employment: ProfileEmployment
    home_unit: str
    phone: str

    def to_dict(self) -> dict[str, Any]:
        employment: str = self.employment

        home_unit = self.home_unit

        phone = self.phone

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "employment": employment,
                "home_unit": home_unit,
                "phone": phone,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        employment = check_profile_employment(d.pop("employment"))

        home_unit = d.pop("home_unit")

        phone = d.pop("phone")

        profile = cls(
            employment=employment,
            home_unit=home_unit,
            phone=phone,
        )

        return profile
