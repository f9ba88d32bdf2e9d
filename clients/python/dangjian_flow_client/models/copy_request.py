from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CopyRequest")


@_attrs_define
class CopyRequest:
    """
    Attributes:
        user_ids (list[int]): The recipients (user ids); each must be able to see the subject themselves
        note (None | str | Unset): 抄送说明 (optional). No control characters (tab and line breaks allowed)
    """

    user_ids: list[int]
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        user_ids = self.user_ids

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "user_ids": user_ids,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_ids = cast(list[int], d.pop("user_ids"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        copy_request = cls(
            user_ids=user_ids,
            note=note,
        )

        return copy_request
