from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SavedOpinion")


@_attrs_define
class SavedOpinion:
    """
    Attributes:
        id (int | Unset):
        text (str | Unset): The opinion as saved (lines trimmed)
        position (int | Unset): Its place in the user's list (ascending)
        created_at (datetime.datetime | Unset):
    """

    id: int | Unset = UNSET
    text: str | Unset = UNSET
    position: int | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        text = self.text

        position = self.position

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if text is not UNSET:
            field_dict["text"] = text
        if position is not UNSET:
            field_dict["position"] = position
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        text = d.pop("text", UNSET)

        position = d.pop("position", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        saved_opinion = cls(
            id=id,
            text=text,
            position=position,
            created_at=created_at,
        )

        return saved_opinion
