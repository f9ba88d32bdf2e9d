from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TaskBrief")


@_attrs_define
class TaskBrief:
    """
    Attributes:
        id (int | Unset):
        position (int | Unset):
        assignee_id (int | None | Unset):
        offered_to_group (bool | Unset):
        status (str | Unset):
        kind (str | Unset): approval, or consult (委派: an opinion asked of a colleague)
        outcome (None | str | Unset):
        comment (None | str | Unset):
        decided_at (datetime.datetime | None | Unset):
    """

    id: int | Unset = UNSET
    position: int | Unset = UNSET
    assignee_id: int | None | Unset = UNSET
    offered_to_group: bool | Unset = UNSET
    status: str | Unset = UNSET
    kind: str | Unset = UNSET
    outcome: None | str | Unset = UNSET
    comment: None | str | Unset = UNSET
    decided_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        position = self.position

        assignee_id: int | None | Unset
        if isinstance(self.assignee_id, Unset):
            assignee_id = UNSET
        else:
            assignee_id = self.assignee_id

        offered_to_group = self.offered_to_group

        status = self.status

        kind = self.kind

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        else:
            outcome = self.outcome

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        elif isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if position is not UNSET:
            field_dict["position"] = position
        if assignee_id is not UNSET:
            field_dict["assignee_id"] = assignee_id
        if offered_to_group is not UNSET:
            field_dict["offered_to_group"] = offered_to_group
        if status is not UNSET:
            field_dict["status"] = status
        if kind is not UNSET:
            field_dict["kind"] = kind
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if comment is not UNSET:
            field_dict["comment"] = comment
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        position = d.pop("position", UNSET)

        def _parse_assignee_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        assignee_id = _parse_assignee_id(d.pop("assignee_id", UNSET))

        offered_to_group = d.pop("offered_to_group", UNSET)

        status = d.pop("status", UNSET)

        kind = d.pop("kind", UNSET)

        def _parse_outcome(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        def _parse_decided_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))

        task_brief = cls(
            id=id,
            position=position,
            assignee_id=assignee_id,
            offered_to_group=offered_to_group,
            status=status,
            kind=kind,
            outcome=outcome,
            comment=comment,
            decided_at=decided_at,
        )

        return task_brief
