from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Lagging")


@_attrs_define
class Lagging:
    """
    Attributes:
        jurisdiction_id (int | Unset):
        name (str | Unset):
        reasons (list[str] | Unset): below_average, no_progress, overdue_tickets
        reason_labels (list[str] | Unset):
    """

    jurisdiction_id: int | Unset = UNSET
    name: str | Unset = UNSET
    reasons: list[str] | Unset = UNSET
    reason_labels: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        jurisdiction_id = self.jurisdiction_id

        name = self.name

        reasons: list[str] | Unset = UNSET
        if not isinstance(self.reasons, Unset):
            reasons = self.reasons

        reason_labels: list[str] | Unset = UNSET
        if not isinstance(self.reason_labels, Unset):
            reason_labels = self.reason_labels

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if jurisdiction_id is not UNSET:
            field_dict["jurisdiction_id"] = jurisdiction_id
        if name is not UNSET:
            field_dict["name"] = name
        if reasons is not UNSET:
            field_dict["reasons"] = reasons
        if reason_labels is not UNSET:
            field_dict["reason_labels"] = reason_labels

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        jurisdiction_id = d.pop("jurisdiction_id", UNSET)

        name = d.pop("name", UNSET)

        reasons = cast(list[str], d.pop("reasons", UNSET))

        reason_labels = cast(list[str], d.pop("reason_labels", UNSET))

        lagging = cls(
            jurisdiction_id=jurisdiction_id,
            name=name,
            reasons=reasons,
            reason_labels=reason_labels,
        )

        return lagging
