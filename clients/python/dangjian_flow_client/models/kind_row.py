from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.figures import Figures


T = TypeVar("T", bound="KindRow")


@_attrs_define
class KindRow:
    """
    Attributes:
        kind (str | Unset):
        kind_label (Any | Unset):
        figures (Figures | Unset):
    """

    kind: str | Unset = UNSET
    kind_label: Any | Unset = UNSET
    figures: Figures | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        kind_label = self.kind_label

        figures: dict[str, Any] | Unset = UNSET
        if not isinstance(self.figures, Unset):
            figures = self.figures.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if kind is not UNSET:
            field_dict["kind"] = kind
        if kind_label is not UNSET:
            field_dict["kind_label"] = kind_label
        if figures is not UNSET:
            field_dict["figures"] = figures

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.figures import Figures  # noqa: PLC0415

        d = dict(src_dict)
        kind = d.pop("kind", UNSET)

        kind_label = d.pop("kind_label", UNSET)

        _figures = d.pop("figures", UNSET)
        figures: Figures | Unset
        if isinstance(_figures, Unset):
            figures = UNSET
        else:
            figures = Figures.from_dict(_figures)

        kind_row = cls(
            kind=kind,
            kind_label=kind_label,
            figures=figures,
        )

        return kind_row
