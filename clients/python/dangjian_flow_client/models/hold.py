from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Hold")


@_attrs_define
class Hold:
    """
    Attributes:
        minutes (str): 约谈记录. Not blank, no control characters (tab and line breaks allowed)
        commitments (list[str]):
        new_deadline (datetime.date): The new rectification deadline. Within the date window 2000-01-01–2100-12-31
            (DATE_MIN_YEAR–DATE_MAX_YEAR)
    """

    minutes: str
    commitments: list[str]
    new_deadline: datetime.date

    def to_dict(self) -> dict[str, Any]:
        minutes = self.minutes

        commitments = self.commitments

        new_deadline = self.new_deadline.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "minutes": minutes,
                "commitments": commitments,
                "new_deadline": new_deadline,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        minutes = d.pop("minutes")

        commitments = cast(list[str], d.pop("commitments"))

        new_deadline = datetime.date.fromisoformat(d.pop("new_deadline"))

        hold = cls(
            minutes=minutes,
            commitments=commitments,
            new_deadline=new_deadline,
        )

        return hold
