from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.roster_member_member_type import RosterMemberMemberType, check_roster_member_member_type

T = TypeVar("T", bound="RosterMember")


@_attrs_define
class RosterMember:
    """
    Attributes:
        name (str): Not blank, no control characters (tab and line breaks allowed)
        member_type (RosterMemberMemberType):
        unit_id (int):
    """

    name: str
    member_type: RosterMemberMemberType
    unit_id: int

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        member_type: str = self.member_type

        unit_id = self.unit_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "member_type": member_type,
                "unit_id": unit_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        member_type = check_roster_member_member_type(d.pop("member_type"))

        unit_id = d.pop("unit_id")

        roster_member = cls(
            name=name,
            member_type=member_type,
            unit_id=unit_id,
        )

        return roster_member
