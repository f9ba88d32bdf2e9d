from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.candidate import Candidate


T = TypeVar("T", bound="Election")


@_attrs_define
class Election:
    """
    Attributes:
        held_on (datetime.date): Date of the re-election general meeting. Within the date window 2000-01-01–2100-12-31
            (DATE_MIN_YEAR–DATE_MAX_YEAR)
        entitled (int):
        present (int):
        secretary (str): Not blank, no control characters (tab and line breaks allowed)
        elected (list[Candidate]):
        term_start (datetime.date | None | Unset): Within the date window 2000-01-01–2100-12-31
            (DATE_MIN_YEAR–DATE_MAX_YEAR)
    """

    held_on: datetime.date
    entitled: int
    present: int
    secretary: str
    elected: list[Candidate]
    term_start: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        held_on = self.held_on.isoformat()

        entitled = self.entitled

        present = self.present

        secretary = self.secretary

        elected = []
        for elected_item_data in self.elected:
            elected_item = elected_item_data.to_dict()
            elected.append(elected_item)

        term_start: None | str | Unset
        if isinstance(self.term_start, Unset):
            term_start = UNSET
        elif isinstance(self.term_start, datetime.date):
            term_start = self.term_start.isoformat()
        else:
            term_start = self.term_start

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "held_on": held_on,
                "entitled": entitled,
                "present": present,
                "secretary": secretary,
                "elected": elected,
            }
        )
        if term_start is not UNSET:
            field_dict["term_start"] = term_start

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.candidate import Candidate  # noqa: PLC0415

        d = dict(src_dict)
        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        entitled = d.pop("entitled")

        present = d.pop("present")

        secretary = d.pop("secretary")

        elected = []
        _elected = d.pop("elected")
        for elected_item_data in _elected:
            elected_item = Candidate.from_dict(elected_item_data)

            elected.append(elected_item)

        def _parse_term_start(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                term_start_type_0 = datetime.date.fromisoformat(data)

                return term_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        term_start = _parse_term_start(d.pop("term_start", UNSET))

        election = cls(
            held_on=held_on,
            entitled=entitled,
            present=present,
            secretary=secretary,
            elected=elected,
            term_start=term_start,
        )

        return election
