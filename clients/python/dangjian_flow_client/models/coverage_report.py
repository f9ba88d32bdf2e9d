from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.child_row import ChildRow
    from ..models.figures import Figures
    from ..models.kind_row import KindRow
    from ..models.place import Place


T = TypeVar("T", bound="CoverageReport")


@_attrs_define
class CoverageReport:
    """
    Attributes:
        jurisdiction (Place | Unset):
        as_of (datetime.date | Unset): Today (China civil date): case ages are counted to it
        totals (Figures | Unset):
        direct (Figures | Unset):
        children (list[ChildRow] | Unset):
        kinds (list[KindRow] | Unset):
    """

    jurisdiction: Place | Unset = UNSET
    as_of: datetime.date | Unset = UNSET
    totals: Figures | Unset = UNSET
    direct: Figures | Unset = UNSET
    children: list[ChildRow] | Unset = UNSET
    kinds: list[KindRow] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        jurisdiction: dict[str, Any] | Unset = UNSET
        if not isinstance(self.jurisdiction, Unset):
            jurisdiction = self.jurisdiction.to_dict()

        as_of: str | Unset = UNSET
        if not isinstance(self.as_of, Unset):
            as_of = self.as_of.isoformat()

        totals: dict[str, Any] | Unset = UNSET
        if not isinstance(self.totals, Unset):
            totals = self.totals.to_dict()

        direct: dict[str, Any] | Unset = UNSET
        if not isinstance(self.direct, Unset):
            direct = self.direct.to_dict()

        children: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.children, Unset):
            children = []
            for children_item_data in self.children:
                children_item = children_item_data.to_dict()
                children.append(children_item)

        kinds: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.kinds, Unset):
            kinds = []
            for kinds_item_data in self.kinds:
                kinds_item = kinds_item_data.to_dict()
                kinds.append(kinds_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if jurisdiction is not UNSET:
            field_dict["jurisdiction"] = jurisdiction
        if as_of is not UNSET:
            field_dict["as_of"] = as_of
        if totals is not UNSET:
            field_dict["totals"] = totals
        if direct is not UNSET:
            field_dict["direct"] = direct
        if children is not UNSET:
            field_dict["children"] = children
        if kinds is not UNSET:
            field_dict["kinds"] = kinds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.child_row import ChildRow  # noqa: PLC0415
        from ..models.figures import Figures  # noqa: PLC0415
        from ..models.kind_row import KindRow  # noqa: PLC0415
        from ..models.place import Place  # noqa: PLC0415

        d = dict(src_dict)
        _jurisdiction = d.pop("jurisdiction", UNSET)
        jurisdiction: Place | Unset
        if isinstance(_jurisdiction, Unset):
            jurisdiction = UNSET
        else:
            jurisdiction = Place.from_dict(_jurisdiction)

        _as_of = d.pop("as_of", UNSET)
        as_of: datetime.date | Unset
        if isinstance(_as_of, Unset):
            as_of = UNSET
        else:
            as_of = datetime.date.fromisoformat(_as_of)

        _totals = d.pop("totals", UNSET)
        totals: Figures | Unset
        if isinstance(_totals, Unset):
            totals = UNSET
        else:
            totals = Figures.from_dict(_totals)

        _direct = d.pop("direct", UNSET)
        direct: Figures | Unset
        if isinstance(_direct, Unset):
            direct = UNSET
        else:
            direct = Figures.from_dict(_direct)

        _children = d.pop("children", UNSET)
        children: list[ChildRow] | Unset = UNSET
        if _children is not UNSET:
            children = []
            for children_item_data in _children:
                children_item = ChildRow.from_dict(children_item_data)

                children.append(children_item)

        _kinds = d.pop("kinds", UNSET)
        kinds: list[KindRow] | Unset = UNSET
        if _kinds is not UNSET:
            kinds = []
            for kinds_item_data in _kinds:
                kinds_item = KindRow.from_dict(kinds_item_data)

                kinds.append(kinds_item)

        coverage_report = cls(
            jurisdiction=jurisdiction,
            as_of=as_of,
            totals=totals,
            direct=direct,
            children=children,
            kinds=kinds,
        )

        return coverage_report
