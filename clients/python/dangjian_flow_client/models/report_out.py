from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.report_out_items_item import ReportOutItemsItem


T = TypeVar("T", bound="ReportOut")


@_attrs_define
class ReportOut:
    """
    Attributes:
        id (int | Unset):
        submitted_by (int | None | Unset):
        submitted_at (datetime.datetime | Unset):
        summary (None | str | Unset):
        items (list[ReportOutItemsItem] | Unset):
        review_outcome (None | str | Unset):
        review_outcome_label (None | str | Unset):
        review_comment (None | str | Unset):
    """

    id: int | Unset = UNSET
    submitted_by: int | None | Unset = UNSET
    submitted_at: datetime.datetime | Unset = UNSET
    summary: None | str | Unset = UNSET
    items: list[ReportOutItemsItem] | Unset = UNSET
    review_outcome: None | str | Unset = UNSET
    review_outcome_label: None | str | Unset = UNSET
    review_comment: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        submitted_by: int | None | Unset
        if isinstance(self.submitted_by, Unset):
            submitted_by = UNSET
        else:
            submitted_by = self.submitted_by

        submitted_at: str | Unset = UNSET
        if not isinstance(self.submitted_at, Unset):
            submitted_at = self.submitted_at.isoformat()

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        review_outcome: None | str | Unset
        if isinstance(self.review_outcome, Unset):
            review_outcome = UNSET
        else:
            review_outcome = self.review_outcome

        review_outcome_label: None | str | Unset
        if isinstance(self.review_outcome_label, Unset):
            review_outcome_label = UNSET
        else:
            review_outcome_label = self.review_outcome_label

        review_comment: None | str | Unset
        if isinstance(self.review_comment, Unset):
            review_comment = UNSET
        else:
            review_comment = self.review_comment

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if submitted_by is not UNSET:
            field_dict["submitted_by"] = submitted_by
        if submitted_at is not UNSET:
            field_dict["submitted_at"] = submitted_at
        if summary is not UNSET:
            field_dict["summary"] = summary
        if items is not UNSET:
            field_dict["items"] = items
        if review_outcome is not UNSET:
            field_dict["review_outcome"] = review_outcome
        if review_outcome_label is not UNSET:
            field_dict["review_outcome_label"] = review_outcome_label
        if review_comment is not UNSET:
            field_dict["review_comment"] = review_comment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.report_out_items_item import ReportOutItemsItem  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        def _parse_submitted_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        submitted_by = _parse_submitted_by(d.pop("submitted_by", UNSET))

        _submitted_at = d.pop("submitted_at", UNSET)
        submitted_at: datetime.datetime | Unset
        if isinstance(_submitted_at, Unset):
            submitted_at = UNSET
        else:
            submitted_at = datetime.datetime.fromisoformat(_submitted_at)

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        _items = d.pop("items", UNSET)
        items: list[ReportOutItemsItem] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = ReportOutItemsItem.from_dict(items_item_data)

                items.append(items_item)

        def _parse_review_outcome(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        review_outcome = _parse_review_outcome(d.pop("review_outcome", UNSET))

        def _parse_review_outcome_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        review_outcome_label = _parse_review_outcome_label(d.pop("review_outcome_label", UNSET))

        def _parse_review_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        review_comment = _parse_review_comment(d.pop("review_comment", UNSET))

        report_out = cls(
            id=id,
            submitted_by=submitted_by,
            submitted_at=submitted_at,
            summary=summary,
            items=items,
            review_outcome=review_outcome,
            review_outcome_label=review_outcome_label,
            review_comment=review_comment,
        )

        return report_out
