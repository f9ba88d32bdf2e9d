from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.circular_child import CircularChild
    from ..models.circular_ref import CircularRef
    from ..models.lagging import Lagging
    from ..models.rankings import Rankings
    from ..models.totals import Totals


T = TypeVar("T", bound="CircularFigures")


@_attrs_define
class CircularFigures:
    """
    Attributes:
        jurisdiction (CircularRef | Unset):
        period_start (str | Unset):
        period_end (str | Unset):
        as_of (str | Unset):
        target_rate (float | Unset):
        end_basis (str | Unset): live (the ledger now) or snapshot (end_month's)
        end_month (None | str | Unset):
        start_month (None | str | Unset): Baseline snapshot for progress
        totals (Totals | Unset):
        children (list[CircularChild] | Unset):
        rankings (Rankings | Unset):
        lagging (list[Lagging] | Unset):
        lagging_rule (str | Unset):
    """

    jurisdiction: CircularRef | Unset = UNSET
    period_start: str | Unset = UNSET
    period_end: str | Unset = UNSET
    as_of: str | Unset = UNSET
    target_rate: float | Unset = UNSET
    end_basis: str | Unset = UNSET
    end_month: None | str | Unset = UNSET
    start_month: None | str | Unset = UNSET
    totals: Totals | Unset = UNSET
    children: list[CircularChild] | Unset = UNSET
    rankings: Rankings | Unset = UNSET
    lagging: list[Lagging] | Unset = UNSET
    lagging_rule: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        jurisdiction: dict[str, Any] | Unset = UNSET
        if not isinstance(self.jurisdiction, Unset):
            jurisdiction = self.jurisdiction.to_dict()

        period_start = self.period_start

        period_end = self.period_end

        as_of = self.as_of

        target_rate = self.target_rate

        end_basis = self.end_basis

        end_month: None | str | Unset
        if isinstance(self.end_month, Unset):
            end_month = UNSET
        else:
            end_month = self.end_month

        start_month: None | str | Unset
        if isinstance(self.start_month, Unset):
            start_month = UNSET
        else:
            start_month = self.start_month

        totals: dict[str, Any] | Unset = UNSET
        if not isinstance(self.totals, Unset):
            totals = self.totals.to_dict()

        children: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.children, Unset):
            children = []
            for children_item_data in self.children:
                children_item = children_item_data.to_dict()
                children.append(children_item)

        rankings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.rankings, Unset):
            rankings = self.rankings.to_dict()

        lagging: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.lagging, Unset):
            lagging = []
            for lagging_item_data in self.lagging:
                lagging_item = lagging_item_data.to_dict()
                lagging.append(lagging_item)

        lagging_rule = self.lagging_rule

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if jurisdiction is not UNSET:
            field_dict["jurisdiction"] = jurisdiction
        if period_start is not UNSET:
            field_dict["period_start"] = period_start
        if period_end is not UNSET:
            field_dict["period_end"] = period_end
        if as_of is not UNSET:
            field_dict["as_of"] = as_of
        if target_rate is not UNSET:
            field_dict["target_rate"] = target_rate
        if end_basis is not UNSET:
            field_dict["end_basis"] = end_basis
        if end_month is not UNSET:
            field_dict["end_month"] = end_month
        if start_month is not UNSET:
            field_dict["start_month"] = start_month
        if totals is not UNSET:
            field_dict["totals"] = totals
        if children is not UNSET:
            field_dict["children"] = children
        if rankings is not UNSET:
            field_dict["rankings"] = rankings
        if lagging is not UNSET:
            field_dict["lagging"] = lagging
        if lagging_rule is not UNSET:
            field_dict["lagging_rule"] = lagging_rule

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.circular_child import CircularChild  # noqa: PLC0415
        from ..models.circular_ref import CircularRef  # noqa: PLC0415
        from ..models.lagging import Lagging  # noqa: PLC0415
        from ..models.rankings import Rankings  # noqa: PLC0415
        from ..models.totals import Totals  # noqa: PLC0415

        d = dict(src_dict)
        _jurisdiction = d.pop("jurisdiction", UNSET)
        jurisdiction: CircularRef | Unset
        if isinstance(_jurisdiction, Unset):
            jurisdiction = UNSET
        else:
            jurisdiction = CircularRef.from_dict(_jurisdiction)

        period_start = d.pop("period_start", UNSET)

        period_end = d.pop("period_end", UNSET)

        as_of = d.pop("as_of", UNSET)

        target_rate = d.pop("target_rate", UNSET)

        end_basis = d.pop("end_basis", UNSET)

        def _parse_end_month(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end_month = _parse_end_month(d.pop("end_month", UNSET))

        def _parse_start_month(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        start_month = _parse_start_month(d.pop("start_month", UNSET))

        _totals = d.pop("totals", UNSET)
        totals: Totals | Unset
        if isinstance(_totals, Unset):
            totals = UNSET
        else:
            totals = Totals.from_dict(_totals)

        _children = d.pop("children", UNSET)
        children: list[CircularChild] | Unset = UNSET
        if _children is not UNSET:
            children = []
            for children_item_data in _children:
                children_item = CircularChild.from_dict(children_item_data)

                children.append(children_item)

        _rankings = d.pop("rankings", UNSET)
        rankings: Rankings | Unset
        if isinstance(_rankings, Unset):
            rankings = UNSET
        else:
            rankings = Rankings.from_dict(_rankings)

        _lagging = d.pop("lagging", UNSET)
        lagging: list[Lagging] | Unset = UNSET
        if _lagging is not UNSET:
            lagging = []
            for lagging_item_data in _lagging:
                lagging_item = Lagging.from_dict(lagging_item_data)

                lagging.append(lagging_item)

        lagging_rule = d.pop("lagging_rule", UNSET)

        circular_figures = cls(
            jurisdiction=jurisdiction,
            period_start=period_start,
            period_end=period_end,
            as_of=as_of,
            target_rate=target_rate,
            end_basis=end_basis,
            end_month=end_month,
            start_month=start_month,
            totals=totals,
            children=children,
            rankings=rankings,
            lagging=lagging,
            lagging_rule=lagging_rule,
        )

        return circular_figures
