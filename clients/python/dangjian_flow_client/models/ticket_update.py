from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.ticket_update_priority import TicketUpdatePriority, check_ticket_update_priority
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.problem_input import ProblemInput


T = TypeVar("T", bound="TicketUpdate")


@_attrs_define
class TicketUpdate:
    """
    Attributes:
        responsible_title (None | str | Unset): No control characters (tab and line breaks allowed)
        rectification_deadline (datetime.date | None | Unset): Rectification deadline as a date (or
            rectification_workdays). Within the date window 2000-01-01–2100-12-31 (DATE_MIN_YEAR–DATE_MAX_YEAR)
        rectification_workdays (int | None | Unset): Rectification deadline as N working days after the issue day
        title (str | Unset): Not blank, no control characters (tab and line breaks allowed)
        jurisdiction_id (int | Unset):
        responsible_person (str | Unset): Not blank, no control characters (tab and line breaks allowed)
        priority (TicketUpdatePriority | Unset):
        problems (list[ProblemInput] | Unset):
    """

    responsible_title: None | str | Unset = UNSET
    rectification_deadline: datetime.date | None | Unset = UNSET
    rectification_workdays: int | None | Unset = UNSET
    title: str | Unset = UNSET
    jurisdiction_id: int | Unset = UNSET
    responsible_person: str | Unset = UNSET
    priority: TicketUpdatePriority | Unset = UNSET
    problems: list[ProblemInput] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        responsible_title: None | str | Unset
        if isinstance(self.responsible_title, Unset):
            responsible_title = UNSET
        else:
            responsible_title = self.responsible_title

        rectification_deadline: None | str | Unset
        if isinstance(self.rectification_deadline, Unset):
            rectification_deadline = UNSET
        elif isinstance(self.rectification_deadline, datetime.date):
            rectification_deadline = self.rectification_deadline.isoformat()
        else:
            rectification_deadline = self.rectification_deadline

        rectification_workdays: int | None | Unset
        if isinstance(self.rectification_workdays, Unset):
            rectification_workdays = UNSET
        else:
            rectification_workdays = self.rectification_workdays

        title = self.title

        jurisdiction_id = self.jurisdiction_id

        responsible_person = self.responsible_person

        priority: str | Unset = UNSET
        if not isinstance(self.priority, Unset):
            priority = self.priority

        problems: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.problems, Unset):
            problems = []
            for problems_item_data in self.problems:
                problems_item = problems_item_data.to_dict()
                problems.append(problems_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if responsible_title is not UNSET:
            field_dict["responsible_title"] = responsible_title
        if rectification_deadline is not UNSET:
            field_dict["rectification_deadline"] = rectification_deadline
        if rectification_workdays is not UNSET:
            field_dict["rectification_workdays"] = rectification_workdays
        if title is not UNSET:
            field_dict["title"] = title
        if jurisdiction_id is not UNSET:
            field_dict["jurisdiction_id"] = jurisdiction_id
        if responsible_person is not UNSET:
            field_dict["responsible_person"] = responsible_person
        if priority is not UNSET:
            field_dict["priority"] = priority
        if problems is not UNSET:
            field_dict["problems"] = problems

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.problem_input import ProblemInput  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_responsible_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        responsible_title = _parse_responsible_title(d.pop("responsible_title", UNSET))

        def _parse_rectification_deadline(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rectification_deadline_type_0 = datetime.date.fromisoformat(data)

                return rectification_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        rectification_deadline = _parse_rectification_deadline(d.pop("rectification_deadline", UNSET))

        def _parse_rectification_workdays(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rectification_workdays = _parse_rectification_workdays(d.pop("rectification_workdays", UNSET))

        title = d.pop("title", UNSET)

        jurisdiction_id = d.pop("jurisdiction_id", UNSET)

        responsible_person = d.pop("responsible_person", UNSET)

        _priority = d.pop("priority", UNSET)
        priority: TicketUpdatePriority | Unset
        if isinstance(_priority, Unset):
            priority = UNSET
        else:
            priority = check_ticket_update_priority(_priority)

        _problems = d.pop("problems", UNSET)
        problems: list[ProblemInput] | Unset = UNSET
        if _problems is not UNSET:
            problems = []
            for problems_item_data in _problems:
                problems_item = ProblemInput.from_dict(problems_item_data)

                problems.append(problems_item)

        ticket_update = cls(
            responsible_title=responsible_title,
            rectification_deadline=rectification_deadline,
            rectification_workdays=rectification_workdays,
            title=title,
            jurisdiction_id=jurisdiction_id,
            responsible_person=responsible_person,
            priority=priority,
            problems=problems,
        )

        return ticket_update
