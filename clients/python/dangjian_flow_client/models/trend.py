from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.place import Place
    from ..models.projections import Projections
    from ..models.trend_point import TrendPoint


T = TypeVar("T", bound="Trend")


@_attrs_define
class Trend:
    """
    Attributes:
        jurisdiction (Place | Unset):
        target_rate (float | Unset):
        points (list[TrendPoint] | Unset):
        projection (Projections | Unset):
    """

    jurisdiction: Place | Unset = UNSET
    target_rate: float | Unset = UNSET
    points: list[TrendPoint] | Unset = UNSET
    projection: Projections | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        jurisdiction: dict[str, Any] | Unset = UNSET
        if not isinstance(self.jurisdiction, Unset):
            jurisdiction = self.jurisdiction.to_dict()

        target_rate = self.target_rate

        points: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.points, Unset):
            points = []
            for points_item_data in self.points:
                points_item = points_item_data.to_dict()
                points.append(points_item)

        projection: dict[str, Any] | Unset = UNSET
        if not isinstance(self.projection, Unset):
            projection = self.projection.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if jurisdiction is not UNSET:
            field_dict["jurisdiction"] = jurisdiction
        if target_rate is not UNSET:
            field_dict["target_rate"] = target_rate
        if points is not UNSET:
            field_dict["points"] = points
        if projection is not UNSET:
            field_dict["projection"] = projection

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.place import Place  # noqa: PLC0415
        from ..models.projections import Projections  # noqa: PLC0415
        from ..models.trend_point import TrendPoint  # noqa: PLC0415

        d = dict(src_dict)
        _jurisdiction = d.pop("jurisdiction", UNSET)
        jurisdiction: Place | Unset
        if isinstance(_jurisdiction, Unset):
            jurisdiction = UNSET
        else:
            jurisdiction = Place.from_dict(_jurisdiction)

        target_rate = d.pop("target_rate", UNSET)

        _points = d.pop("points", UNSET)
        points: list[TrendPoint] | Unset = UNSET
        if _points is not UNSET:
            points = []
            for points_item_data in _points:
                points_item = TrendPoint.from_dict(points_item_data)

                points.append(points_item)

        _projection = d.pop("projection", UNSET)
        projection: Projections | Unset
        if isinstance(_projection, Unset):
            projection = UNSET
        else:
            projection = Projections.from_dict(_projection)

        trend = cls(
            jurisdiction=jurisdiction,
            target_rate=target_rate,
            points=points,
            projection=projection,
        )

        return trend
