from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.circular_figures import CircularFigures


T = TypeVar("T", bound="Circular")


@_attrs_define
class Circular:
    """
    Attributes:
        id (int | Unset):
        jurisdiction_id (int | Unset):
        title (str | Unset):
        period_start (datetime.date | Unset):
        period_end (datetime.date | Unset):
        issued_at (datetime.datetime | Unset):
        issued_by_id (int | None | Unset):
        issued_by_label (str | Unset):
        figures (CircularFigures | Unset):
    """

    id: int | Unset = UNSET
    jurisdiction_id: int | Unset = UNSET
    title: str | Unset = UNSET
    period_start: datetime.date | Unset = UNSET
    period_end: datetime.date | Unset = UNSET
    issued_at: datetime.datetime | Unset = UNSET
    issued_by_id: int | None | Unset = UNSET
    issued_by_label: str | Unset = UNSET
    figures: CircularFigures | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        jurisdiction_id = self.jurisdiction_id

        title = self.title

        period_start: str | Unset = UNSET
        if not isinstance(self.period_start, Unset):
            period_start = self.period_start.isoformat()

        period_end: str | Unset = UNSET
        if not isinstance(self.period_end, Unset):
            period_end = self.period_end.isoformat()

        issued_at: str | Unset = UNSET
        if not isinstance(self.issued_at, Unset):
            issued_at = self.issued_at.isoformat()

        issued_by_id: int | None | Unset
        if isinstance(self.issued_by_id, Unset):
            issued_by_id = UNSET
        else:
            issued_by_id = self.issued_by_id

        issued_by_label = self.issued_by_label

        figures: dict[str, Any] | Unset = UNSET
        if not isinstance(self.figures, Unset):
            figures = self.figures.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if jurisdiction_id is not UNSET:
            field_dict["jurisdiction_id"] = jurisdiction_id
        if title is not UNSET:
            field_dict["title"] = title
        if period_start is not UNSET:
            field_dict["period_start"] = period_start
        if period_end is not UNSET:
            field_dict["period_end"] = period_end
        if issued_at is not UNSET:
            field_dict["issued_at"] = issued_at
        if issued_by_id is not UNSET:
            field_dict["issued_by_id"] = issued_by_id
        if issued_by_label is not UNSET:
            field_dict["issued_by_label"] = issued_by_label
        if figures is not UNSET:
            field_dict["figures"] = figures

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.circular_figures import CircularFigures  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        jurisdiction_id = d.pop("jurisdiction_id", UNSET)

        title = d.pop("title", UNSET)

        _period_start = d.pop("period_start", UNSET)
        period_start: datetime.date | Unset
        if isinstance(_period_start, Unset):
            period_start = UNSET
        else:
            period_start = datetime.date.fromisoformat(_period_start)

        _period_end = d.pop("period_end", UNSET)
        period_end: datetime.date | Unset
        if isinstance(_period_end, Unset):
            period_end = UNSET
        else:
            period_end = datetime.date.fromisoformat(_period_end)

        _issued_at = d.pop("issued_at", UNSET)
        issued_at: datetime.datetime | Unset
        if isinstance(_issued_at, Unset):
            issued_at = UNSET
        else:
            issued_at = datetime.datetime.fromisoformat(_issued_at)

        def _parse_issued_by_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        issued_by_id = _parse_issued_by_id(d.pop("issued_by_id", UNSET))

        issued_by_label = d.pop("issued_by_label", UNSET)

        _figures = d.pop("figures", UNSET)
        figures: CircularFigures | Unset
        if isinstance(_figures, Unset):
            figures = UNSET
        else:
            figures = CircularFigures.from_dict(_figures)

        circular = cls(
            id=id,
            jurisdiction_id=jurisdiction_id,
            title=title,
            period_start=period_start,
            period_end=period_end,
            issued_at=issued_at,
            issued_by_id=issued_by_id,
            issued_by_label=issued_by_label,
            figures=figures,
        )

        return circular
