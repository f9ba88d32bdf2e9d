from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SavedOpinionCreate")


@_attrs_define
class SavedOpinionCreate:
    """
    Attributes:
        text (str): At most 200 characters; not one already saved. Not blank, no control characters (tab and line breaks
            allowed)
    """

    text: str

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text")

        saved_opinion_create = cls(
            text=text,
        )

        return saved_opinion_create
