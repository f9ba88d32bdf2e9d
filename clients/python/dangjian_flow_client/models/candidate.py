from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Candidate")


@_attrs_define
class Candidate:
    """
    Attributes:
        name (str): Not blank, no control characters (tab and line breaks allowed)
        votes (int):
    """

    name: str
    votes: int

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        votes = self.votes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "votes": votes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        votes = d.pop("votes")

        candidate = cls(
            name=name,
            votes=votes,
        )

        return candidate
