from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.user_create_role import UserCreateRole, check_user_create_role

T = TypeVar("T", bound="UserCreate")


@_attrs_define
class UserCreate:
    """
    Attributes:
        username (str):
        display_name (str): Not blank, no control characters (tab and line breaks allowed)
        role (UserCreateRole):
        jurisdiction_id (int):
    """

    username: str
    display_name: str
    role: UserCreateRole
    jurisdiction_id: int

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        display_name = self.display_name

        role: str = self.role

        jurisdiction_id = self.jurisdiction_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "username": username,
                "display_name": display_name,
                "role": role,
                "jurisdiction_id": jurisdiction_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        username = d.pop("username")

        display_name = d.pop("display_name")

        role = check_user_create_role(d.pop("role"))

        jurisdiction_id = d.pop("jurisdiction_id")

        user_create = cls(
            username=username,
            display_name=display_name,
            role=role,
            jurisdiction_id=jurisdiction_id,
        )

        return user_create
