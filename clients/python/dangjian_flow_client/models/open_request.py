from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OpenRequest")


@_attrs_define
class OpenRequest:
    """
    Attributes:
        id (int | Unset):
        kind (str | Unset):
        state (str | Unset):
        state_label (str | Unset):
    """

    id: int | Unset = UNSET
    kind: str | Unset = UNSET
    state: str | Unset = UNSET
    state_label: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind

        state = self.state

        state_label = self.state_label

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if state is not UNSET:
            field_dict["state"] = state
        if state_label is not UNSET:
            field_dict["state_label"] = state_label

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        kind = d.pop("kind", UNSET)

        state = d.pop("state", UNSET)

        state_label = d.pop("state_label", UNSET)

        open_request = cls(
            id=id,
            kind=kind,
            state=state,
            state_label=state_label,
        )

        return open_request
