from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.user_update_role import UserUpdateRole, check_user_update_role
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserUpdate")


@_attrs_define
class UserUpdate:
    """
    Attributes:
        display_name (str | Unset): Not blank, no control characters (tab and line breaks allowed)
        role (UserUpdateRole | Unset):
        jurisdiction_id (int | Unset):
        active (bool | Unset):
    """

    display_name: str | Unset = UNSET
    role: UserUpdateRole | Unset = UNSET
    jurisdiction_id: int | Unset = UNSET
    active: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role

        jurisdiction_id = self.jurisdiction_id

        active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if role is not UNSET:
            field_dict["role"] = role
        if jurisdiction_id is not UNSET:
            field_dict["jurisdiction_id"] = jurisdiction_id
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        display_name = d.pop("display_name", UNSET)

        _role = d.pop("role", UNSET)
        role: UserUpdateRole | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = check_user_update_role(_role)

        jurisdiction_id = d.pop("jurisdiction_id", UNSET)

        active = d.pop("active", UNSET)

        user_update = cls(
            display_name=display_name,
            role=role,
            jurisdiction_id=jurisdiction_id,
            active=active,
        )

        return user_update
