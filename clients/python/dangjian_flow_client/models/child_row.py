from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.figures import Figures
    from ..models.place import Place


T = TypeVar("T", bound="ChildRow")


@_attrs_define
class ChildRow:
    """
    Attributes:
        jurisdiction (Place | Unset):
        figures (Figures | Unset):
    """

    jurisdiction: Place | Unset = UNSET
    figures: Figures | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        jurisdiction: dict[str, Any] | Unset = UNSET
        if not isinstance(self.jurisdiction, Unset):
            jurisdiction = self.jurisdiction.to_dict()

        figures: dict[str, Any] | Unset = UNSET
        if not isinstance(self.figures, Unset):
            figures = self.figures.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if jurisdiction is not UNSET:
            field_dict["jurisdiction"] = jurisdiction
        if figures is not UNSET:
            field_dict["figures"] = figures

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.figures import Figures  # noqa: PLC0415
        from ..models.place import Place  # noqa: PLC0415

        d = dict(src_dict)
        _jurisdiction = d.pop("jurisdiction", UNSET)
        jurisdiction: Place | Unset
        if isinstance(_jurisdiction, Unset):
            jurisdiction = UNSET
        else:
            jurisdiction = Place.from_dict(_jurisdiction)

        _figures = d.pop("figures", UNSET)
        figures: Figures | Unset
        if isinstance(_figures, Unset):
            figures = UNSET
        else:
            figures = Figures.from_dict(_figures)

        child_row = cls(
            jurisdiction=jurisdiction,
            figures=figures,
        )

        return child_row
