from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketBrief")


@_attrs_define
class TicketBrief:
    """
    Attributes:
        id (int | Unset):
        title (str | Unset):
        state (str | Unset):
        state_label (str | Unset):
        rectify_by (datetime.date | None | Unset):
        post_interview_deadline (datetime.date | None | Unset):
    """

    id: int | Unset = UNSET
    title: str | Unset = UNSET
    state: str | Unset = UNSET
    state_label: str | Unset = UNSET
    rectify_by: datetime.date | None | Unset = UNSET
    post_interview_deadline: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        state = self.state

        state_label = self.state_label

        rectify_by: None | str | Unset
        if isinstance(self.rectify_by, Unset):
            rectify_by = UNSET
        elif isinstance(self.rectify_by, datetime.date):
            rectify_by = self.rectify_by.isoformat()
        else:
            rectify_by = self.rectify_by

        post_interview_deadline: None | str | Unset
        if isinstance(self.post_interview_deadline, Unset):
            post_interview_deadline = UNSET
        elif isinstance(self.post_interview_deadline, datetime.date):
            post_interview_deadline = self.post_interview_deadline.isoformat()
        else:
            post_interview_deadline = self.post_interview_deadline

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if title is not UNSET:
            field_dict["title"] = title
        if state is not UNSET:
            field_dict["state"] = state
        if state_label is not UNSET:
            field_dict["state_label"] = state_label
        if rectify_by is not UNSET:
            field_dict["rectify_by"] = rectify_by
        if post_interview_deadline is not UNSET:
            field_dict["post_interview_deadline"] = post_interview_deadline

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        title = d.pop("title", UNSET)

        state = d.pop("state", UNSET)

        state_label = d.pop("state_label", UNSET)

        def _parse_rectify_by(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rectify_by_type_0 = datetime.date.fromisoformat(data)

                return rectify_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        rectify_by = _parse_rectify_by(d.pop("rectify_by", UNSET))

        def _parse_post_interview_deadline(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                post_interview_deadline_type_0 = datetime.date.fromisoformat(data)

                return post_interview_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        post_interview_deadline = _parse_post_interview_deadline(d.pop("post_interview_deadline", UNSET))

        ticket_brief = cls(
            id=id,
            title=title,
            state=state,
            state_label=state_label,
            rectify_by=rectify_by,
            post_interview_deadline=post_interview_deadline,
        )

        return ticket_brief
