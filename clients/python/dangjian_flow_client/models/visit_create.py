from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.visit_create_kind import VisitCreateKind, check_visit_create_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="VisitCreate")


@_attrs_define
class VisitCreate:
    """
    Attributes:
        visited_on (datetime.date): Within the date window 2000-01-01–2100-12-31 (DATE_MIN_YEAR–DATE_MAX_YEAR)
        kind (VisitCreateKind): visit (走访) or guidance (指导)
        done (str): What was done. Not blank, no control characters (tab and line breaks allowed)
        next_step (None | str | Unset): No control characters (tab and line breaks allowed)
    """

    visited_on: datetime.date
    kind: VisitCreateKind
    done: str
    next_step: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        visited_on = self.visited_on.isoformat()

        kind: str = self.kind

        done = self.done

        next_step: None | str | Unset
        if isinstance(self.next_step, Unset):
            next_step = UNSET
        else:
            next_step = self.next_step

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "visited_on": visited_on,
                "kind": kind,
                "done": done,
            }
        )
        if next_step is not UNSET:
            field_dict["next_step"] = next_step

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        visited_on = datetime.date.fromisoformat(d.pop("visited_on"))

        kind = check_visit_create_kind(d.pop("kind"))

        done = d.pop("done")

        def _parse_next_step(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_step = _parse_next_step(d.pop("next_step", UNSET))

        visit_create = cls(
            visited_on=visited_on,
            kind=kind,
            done=done,
            next_step=next_step,
        )

        return visit_create
