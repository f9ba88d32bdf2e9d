from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Visit")


@_attrs_define
class Visit:
    """
    Attributes:
        id (int | Unset):
        assignment_id (int | Unset):
        unit_id (int | Unset):
        instructor_id (int | Unset):
        visited_on (datetime.date | Unset):
        kind (str | Unset):
        kind_label (str | Unset):
        done (str | Unset):
        next_step (None | str | Unset):
        created_at (datetime.datetime | Unset):
    """

    id: int | Unset = UNSET
    assignment_id: int | Unset = UNSET
    unit_id: int | Unset = UNSET
    instructor_id: int | Unset = UNSET
    visited_on: datetime.date | Unset = UNSET
    kind: str | Unset = UNSET
    kind_label: str | Unset = UNSET
    done: str | Unset = UNSET
    next_step: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        assignment_id = self.assignment_id

        unit_id = self.unit_id

        instructor_id = self.instructor_id

        visited_on: str | Unset = UNSET
        if not isinstance(self.visited_on, Unset):
            visited_on = self.visited_on.isoformat()

        kind = self.kind

        kind_label = self.kind_label

        done = self.done

        next_step: None | str | Unset
        if isinstance(self.next_step, Unset):
            next_step = UNSET
        else:
            next_step = self.next_step

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if assignment_id is not UNSET:
            field_dict["assignment_id"] = assignment_id
        if unit_id is not UNSET:
            field_dict["unit_id"] = unit_id
        if instructor_id is not UNSET:
            field_dict["instructor_id"] = instructor_id
        if visited_on is not UNSET:
            field_dict["visited_on"] = visited_on
        if kind is not UNSET:
            field_dict["kind"] = kind
        if kind_label is not UNSET:
            field_dict["kind_label"] = kind_label
        if done is not UNSET:
            field_dict["done"] = done
        if next_step is not UNSET:
            field_dict["next_step"] = next_step
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        assignment_id = d.pop("assignment_id", UNSET)

        unit_id = d.pop("unit_id", UNSET)

        instructor_id = d.pop("instructor_id", UNSET)

        _visited_on = d.pop("visited_on", UNSET)
        visited_on: datetime.date | Unset
        if isinstance(_visited_on, Unset):
            visited_on = UNSET
        else:
            visited_on = datetime.date.fromisoformat(_visited_on)

        kind = d.pop("kind", UNSET)

        kind_label = d.pop("kind_label", UNSET)

        done = d.pop("done", UNSET)

        def _parse_next_step(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_step = _parse_next_step(d.pop("next_step", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        visit = cls(
            id=id,
            assignment_id=assignment_id,
            unit_id=unit_id,
            instructor_id=instructor_id,
            visited_on=visited_on,
            kind=kind,
            kind_label=kind_label,
            done=done,
            next_step=next_step,
            created_at=created_at,
        )

        return visit
