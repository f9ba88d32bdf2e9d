from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Resubmit")


@_attrs_define
class Resubmit:
    """
    Attributes:
        reason (str | Unset): Why (required to postpone or bring forward). No control characters (tab and line breaks
            allowed)
        request_text (str | Unset): The request (换届请示) text. No control characters (tab and line breaks allowed)
        committee_size (int | None | Unset): Seats of the committee to elect; 0: a secretary alone
        secretary (str | Unset): The proposed secretary, among the candidates. No control characters (tab and line
            breaks allowed)
        candidates (list[str] | None | Unset):
        oversize_reason (str | Unset): No control characters (tab and line breaks allowed)
        new_due_on (datetime.date | None | Unset): The new due date asked for (postponement or advance). Within the date
            window 2000-01-01–2100-12-31 (DATE_MIN_YEAR–DATE_MAX_YEAR)
    """

    reason: str | Unset = UNSET
    request_text: str | Unset = UNSET
    committee_size: int | None | Unset = UNSET
    secretary: str | Unset = UNSET
    candidates: list[str] | None | Unset = UNSET
    oversize_reason: str | Unset = UNSET
    new_due_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        request_text = self.request_text

        committee_size: int | None | Unset
        if isinstance(self.committee_size, Unset):
            committee_size = UNSET
        else:
            committee_size = self.committee_size

        secretary = self.secretary

        candidates: list[str] | None | Unset
        if isinstance(self.candidates, Unset):
            candidates = UNSET
        elif isinstance(self.candidates, list):
            candidates = self.candidates

        else:
            candidates = self.candidates

        oversize_reason = self.oversize_reason

        new_due_on: None | str | Unset
        if isinstance(self.new_due_on, Unset):
            new_due_on = UNSET
        elif isinstance(self.new_due_on, datetime.date):
            new_due_on = self.new_due_on.isoformat()
        else:
            new_due_on = self.new_due_on

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if reason is not UNSET:
            field_dict["reason"] = reason
        if request_text is not UNSET:
            field_dict["request_text"] = request_text
        if committee_size is not UNSET:
            field_dict["committee_size"] = committee_size
        if secretary is not UNSET:
            field_dict["secretary"] = secretary
        if candidates is not UNSET:
            field_dict["candidates"] = candidates
        if oversize_reason is not UNSET:
            field_dict["oversize_reason"] = oversize_reason
        if new_due_on is not UNSET:
            field_dict["new_due_on"] = new_due_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason", UNSET)

        request_text = d.pop("request_text", UNSET)

        def _parse_committee_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        committee_size = _parse_committee_size(d.pop("committee_size", UNSET))

        secretary = d.pop("secretary", UNSET)

        def _parse_candidates(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                candidates_type_0 = cast(list[str], data)

                return candidates_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        candidates = _parse_candidates(d.pop("candidates", UNSET))

        oversize_reason = d.pop("oversize_reason", UNSET)

        def _parse_new_due_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                new_due_on_type_0 = datetime.date.fromisoformat(data)

                return new_due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        new_due_on = _parse_new_due_on(d.pop("new_due_on", UNSET))

        resubmit = cls(
            reason=reason,
            request_text=request_text,
            committee_size=committee_size,
            secretary=secretary,
            candidates=candidates,
            oversize_reason=oversize_reason,
            new_due_on=new_due_on,
        )

        return resubmit
