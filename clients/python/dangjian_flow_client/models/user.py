from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="User")


@_attrs_define
class User:
    """
    Attributes:
        id (int | Unset):
        username (str | Unset):
        display_name (str | Unset):
        role (str | Unset):
        role_label (Any | Unset):
        jurisdiction_id (int | Unset):
        active (bool | Unset):
        version (int | Unset):
        created_at (datetime.datetime | Unset):
    """

    id: int | Unset = UNSET
    username: str | Unset = UNSET
    display_name: str | Unset = UNSET
    role: str | Unset = UNSET
    role_label: Any | Unset = UNSET
    jurisdiction_id: int | Unset = UNSET
    active: bool | Unset = UNSET
    version: int | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        username = self.username

        display_name = self.display_name

        role = self.role

        role_label = self.role_label

        jurisdiction_id = self.jurisdiction_id

        active = self.active

        version = self.version

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if username is not UNSET:
            field_dict["username"] = username
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if role is not UNSET:
            field_dict["role"] = role
        if role_label is not UNSET:
            field_dict["role_label"] = role_label
        if jurisdiction_id is not UNSET:
            field_dict["jurisdiction_id"] = jurisdiction_id
        if active is not UNSET:
            field_dict["active"] = active
        if version is not UNSET:
            field_dict["version"] = version
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        username = d.pop("username", UNSET)

        display_name = d.pop("display_name", UNSET)

        role = d.pop("role", UNSET)

        role_label = d.pop("role_label", UNSET)

        jurisdiction_id = d.pop("jurisdiction_id", UNSET)

        active = d.pop("active", UNSET)

        version = d.pop("version", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        user = cls(
            id=id,
            username=username,
            display_name=display_name,
            role=role,
            role_label=role_label,
            jurisdiction_id=jurisdiction_id,
            active=active,
            version=version,
            created_at=created_at,
        )

        return user
