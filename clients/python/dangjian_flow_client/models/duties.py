from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Duties")


@_attrs_define
class Duties:
    """
    Attributes:
        visits (int | Unset):
        trainings (int | Unset):
        activists (int | Unset):
    """

    visits: int | Unset = UNSET
    trainings: int | Unset = UNSET
    activists: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        visits = self.visits

        trainings = self.trainings

        activists = self.activists

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if visits is not UNSET:
            field_dict["visits"] = visits
        if trainings is not UNSET:
            field_dict["trainings"] = trainings
        if activists is not UNSET:
            field_dict["activists"] = activists

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        visits = d.pop("visits", UNSET)

        trainings = d.pop("trainings", UNSET)

        activists = d.pop("activists", UNSET)

        duties = cls(
            visits=visits,
            trainings=trainings,
            activists=activists,
        )

        return duties
