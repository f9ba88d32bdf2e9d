from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="AgreementCreate")


@_attrs_define
class AgreementCreate:
    """
    Attributes:
        org_a_id (int): One party organisation
        org_b_id (int): The other party organisation
        title (str): Not blank, no control characters (tab and line breaks allowed)
        year (int):
        duties_due_on (datetime.date): The year's duties are due by this day. Within the date window
            2000-01-01–2100-12-31 (DATE_MIN_YEAR–DATE_MAX_YEAR)
        planned_visits (int):
        planned_trainings (int):
        planned_activists (int):
    """

    org_a_id: int
    org_b_id: int
    title: str
    year: int
    duties_due_on: datetime.date
    planned_visits: int
    planned_trainings: int
    planned_activists: int

    def to_dict(self) -> dict[str, Any]:
        org_a_id = self.org_a_id

        org_b_id = self.org_b_id

        title = self.title

        year = self.year

        duties_due_on = self.duties_due_on.isoformat()

        planned_visits = self.planned_visits

        planned_trainings = self.planned_trainings

        planned_activists = self.planned_activists

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "org_a_id": org_a_id,
                "org_b_id": org_b_id,
                "title": title,
                "year": year,
                "duties_due_on": duties_due_on,
                "planned_visits": planned_visits,
                "planned_trainings": planned_trainings,
                "planned_activists": planned_activists,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        org_a_id = d.pop("org_a_id")

        org_b_id = d.pop("org_b_id")

        title = d.pop("title")

        year = d.pop("year")

        duties_due_on = datetime.date.fromisoformat(d.pop("duties_due_on"))

        planned_visits = d.pop("planned_visits")

        planned_trainings = d.pop("planned_trainings")

        planned_activists = d.pop("planned_activists")

        agreement_create = cls(
            org_a_id=org_a_id,
            org_b_id=org_b_id,
            title=title,
            year=year,
            duties_due_on=duties_due_on,
            planned_visits=planned_visits,
            planned_trainings=planned_trainings,
            planned_activists=planned_activists,
        )

        return agreement_create
