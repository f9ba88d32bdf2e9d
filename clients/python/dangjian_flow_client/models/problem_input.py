from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ProblemInput")


@_attrs_define
class ProblemInput:
    """
    Attributes:
        description (str): The problem (问题). Not blank, no control characters (tab and line breaks allowed)
        measure (str): The measure required (整改要求). Not blank, no control characters (tab and line breaks allowed)
    """

    description: str
    measure: str

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        measure = self.measure

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "description": description,
                "measure": measure,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description")

        measure = d.pop("measure")

        problem_input = cls(
            description=description,
            measure=measure,
        )

        return problem_input
