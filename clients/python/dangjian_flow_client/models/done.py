from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Done")


@_attrs_define
class Done:
    """
    Attributes:
        id (int | Unset): The audit record of the action
        at (datetime.datetime | Unset):
        action (str | Unset):
        action_label (str | Unset):
        workflow (str | Unset):
        workflow_label (str | Unset):
        subject_id (int | Unset):
        title (str | Unset):
        comment (None | str | Unset):
    """

    id: int | Unset = UNSET
    at: datetime.datetime | Unset = UNSET
    action: str | Unset = UNSET
    action_label: str | Unset = UNSET
    workflow: str | Unset = UNSET
    workflow_label: str | Unset = UNSET
    subject_id: int | Unset = UNSET
    title: str | Unset = UNSET
    comment: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        at: str | Unset = UNSET
        if not isinstance(self.at, Unset):
            at = self.at.isoformat()

        action = self.action

        action_label = self.action_label

        workflow = self.workflow

        workflow_label = self.workflow_label

        subject_id = self.subject_id

        title = self.title

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if at is not UNSET:
            field_dict["at"] = at
        if action is not UNSET:
            field_dict["action"] = action
        if action_label is not UNSET:
            field_dict["action_label"] = action_label
        if workflow is not UNSET:
            field_dict["workflow"] = workflow
        if workflow_label is not UNSET:
            field_dict["workflow_label"] = workflow_label
        if subject_id is not UNSET:
            field_dict["subject_id"] = subject_id
        if title is not UNSET:
            field_dict["title"] = title
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _at = d.pop("at", UNSET)
        at: datetime.datetime | Unset
        if isinstance(_at, Unset):
            at = UNSET
        else:
            at = datetime.datetime.fromisoformat(_at)

        action = d.pop("action", UNSET)

        action_label = d.pop("action_label", UNSET)

        workflow = d.pop("workflow", UNSET)

        workflow_label = d.pop("workflow_label", UNSET)

        subject_id = d.pop("subject_id", UNSET)

        title = d.pop("title", UNSET)

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        done = cls(
            id=id,
            at=at,
            action=action,
            action_label=action_label,
            workflow=workflow,
            workflow_label=workflow_label,
            subject_id=subject_id,
            title=title,
            comment=comment,
        )

        return done
