from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.board_body import BoardBody
    from ..models.board_counts import BoardCounts
    from ..models.guidance_counts import GuidanceCounts


T = TypeVar("T", bound="Board")


@_attrs_define
class Board:
    """
    Attributes:
        as_of (datetime.date | Unset):
        bodies (list[BoardBody] | Unset):
        totals (BoardCounts | Unset):
        guidance (GuidanceCounts | Unset):
    """

    as_of: datetime.date | Unset = UNSET
    bodies: list[BoardBody] | Unset = UNSET
    totals: BoardCounts | Unset = UNSET
    guidance: GuidanceCounts | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        as_of: str | Unset = UNSET
        if not isinstance(self.as_of, Unset):
            as_of = self.as_of.isoformat()

        bodies: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.bodies, Unset):
            bodies = []
            for bodies_item_data in self.bodies:
                bodies_item = bodies_item_data.to_dict()
                bodies.append(bodies_item)

        totals: dict[str, Any] | Unset = UNSET
        if not isinstance(self.totals, Unset):
            totals = self.totals.to_dict()

        guidance: dict[str, Any] | Unset = UNSET
        if not isinstance(self.guidance, Unset):
            guidance = self.guidance.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if as_of is not UNSET:
            field_dict["as_of"] = as_of
        if bodies is not UNSET:
            field_dict["bodies"] = bodies
        if totals is not UNSET:
            field_dict["totals"] = totals
        if guidance is not UNSET:
            field_dict["guidance"] = guidance

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.board_body import BoardBody  # noqa: PLC0415
        from ..models.board_counts import BoardCounts  # noqa: PLC0415
        from ..models.guidance_counts import GuidanceCounts  # noqa: PLC0415

        d = dict(src_dict)
        _as_of = d.pop("as_of", UNSET)
        as_of: datetime.date | Unset
        if isinstance(_as_of, Unset):
            as_of = UNSET
        else:
            as_of = datetime.date.fromisoformat(_as_of)

        _bodies = d.pop("bodies", UNSET)
        bodies: list[BoardBody] | Unset = UNSET
        if _bodies is not UNSET:
            bodies = []
            for bodies_item_data in _bodies:
                bodies_item = BoardBody.from_dict(bodies_item_data)

                bodies.append(bodies_item)

        _totals = d.pop("totals", UNSET)
        totals: BoardCounts | Unset
        if isinstance(_totals, Unset):
            totals = UNSET
        else:
            totals = BoardCounts.from_dict(_totals)

        _guidance = d.pop("guidance", UNSET)
        guidance: GuidanceCounts | Unset
        if isinstance(_guidance, Unset):
            guidance = UNSET
        else:
            guidance = GuidanceCounts.from_dict(_guidance)

        board = cls(
            as_of=as_of,
            bodies=bodies,
            totals=totals,
            guidance=guidance,
        )

        return board
