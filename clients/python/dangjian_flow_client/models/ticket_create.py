from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.ticket_create_priority import TicketCreatePriority, check_ticket_create_priority
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.problem_input import ProblemInput


T = TypeVar("T", bound="TicketCreate")


@_attrs_define
class TicketCreate:
    """
    Attributes:
        title (str): Not blank, no control characters (tab and line breaks allowed)
        jurisdiction_id (int): The handling (supervised) body
        responsible_person (str): Not blank, no control characters (tab and line breaks allowed)
        problems (list[ProblemInput]):
        responsible_title (None | str | Unset): No control characters (tab and line breaks allowed)
        rectification_deadline (datetime.date | None | Unset): Rectification deadline as a date (or
            rectification_workdays). Within the date window 2000-01-01–2100-12-31 (DATE_MIN_YEAR–DATE_MAX_YEAR)
        rectification_workdays (int | None | Unset): Rectification deadline as N working days after the issue day
        priority (TicketCreatePriority | Unset):  Default: 'normal'.
    """

    title: str
    jurisdiction_id: int
    responsible_person: str
    problems: list[ProblemInput]
    responsible_title: None | str | Unset = UNSET
    rectification_deadline: datetime.date | None | Unset = UNSET
    rectification_workdays: int | None | Unset = UNSET
    priority: TicketCreatePriority | Unset = "normal"

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        jurisdiction_id = self.jurisdiction_id

        responsible_person = self.responsible_person

        problems = []
        for problems_item_data in self.problems:
            problems_item = problems_item_data.to_dict()
            problems.append(problems_item)

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

        priority: str | Unset = UNSET
        if not isinstance(self.priority, Unset):
            priority = self.priority

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "jurisdiction_id": jurisdiction_id,
                "responsible_person": responsible_person,
                "problems": problems,
            }
        )
        if responsible_title is not UNSET:
            field_dict["responsible_title"] = responsible_title
        if rectification_deadline is not UNSET:
            field_dict["rectification_deadline"] = rectification_deadline
        if rectification_workdays is not UNSET:
            field_dict["rectification_workdays"] = rectification_workdays
        if priority is not UNSET:
            field_dict["priority"] = priority

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.problem_input import ProblemInput  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        jurisdiction_id = d.pop("jurisdiction_id")

        responsible_person = d.pop("responsible_person")

        problems = []
        _problems = d.pop("problems")
        for problems_item_data in _problems:
            problems_item = ProblemInput.from_dict(problems_item_data)

            problems.append(problems_item)

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

        _priority = d.pop("priority", UNSET)
        priority: TicketCreatePriority | Unset
        if isinstance(_priority, Unset):
            priority = UNSET
        else:
            priority = check_ticket_create_priority(_priority)

        ticket_create = cls(
            title=title,
            jurisdiction_id=jurisdiction_id,
            responsible_person=responsible_person,
            problems=problems,
            responsible_title=responsible_title,
            rectification_deadline=rectification_deadline,
            rectification_workdays=rectification_workdays,
            priority=priority,
        )

        return ticket_create
