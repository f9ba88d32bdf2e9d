from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.task_step import TaskStep
    from ..models.task_summary import TaskSummary


T = TypeVar("T", bound="Task")


@_attrs_define
class Task:
    """
    Attributes:
        id (int | Unset):
        workflow (str | Unset):
        subject_id (int | Unset):
        step (TaskStep | Unset): level_name, mode, mode_label, body
        status (str | Unset):
        assignee_id (int | None | Unset):
        offered_to_group (bool | Unset):
        claimed_at (datetime.datetime | None | Unset):
        due_on (datetime.date | Unset):
        overdue (bool | Unset):
        outcome (None | str | Unset):
        comment (None | str | Unset):
        decided_at (datetime.datetime | None | Unset):
        summary (TaskSummary | Unset): The case: title, state, form, jurisdiction…
        kind (str | Unset): approval (a part in deciding the step) or consult (委派: an opinion is asked)
        version (int | Unset):
        urge_count (int | Unset): How often the task was urged (催办)
        last_urged_at (datetime.datetime | None | Unset): When it was last urged
    """

    id: int | Unset = UNSET
    workflow: str | Unset = UNSET
    subject_id: int | Unset = UNSET
    step: TaskStep | Unset = UNSET
    status: str | Unset = UNSET
    assignee_id: int | None | Unset = UNSET
    offered_to_group: bool | Unset = UNSET
    claimed_at: datetime.datetime | None | Unset = UNSET
    due_on: datetime.date | Unset = UNSET
    overdue: bool | Unset = UNSET
    outcome: None | str | Unset = UNSET
    comment: None | str | Unset = UNSET
    decided_at: datetime.datetime | None | Unset = UNSET
    summary: TaskSummary | Unset = UNSET
    kind: str | Unset = UNSET
    version: int | Unset = UNSET
    urge_count: int | Unset = UNSET
    last_urged_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        workflow = self.workflow

        subject_id = self.subject_id

        step: dict[str, Any] | Unset = UNSET
        if not isinstance(self.step, Unset):
            step = self.step.to_dict()

        status = self.status

        assignee_id: int | None | Unset
        if isinstance(self.assignee_id, Unset):
            assignee_id = UNSET
        else:
            assignee_id = self.assignee_id

        offered_to_group = self.offered_to_group

        claimed_at: None | str | Unset
        if isinstance(self.claimed_at, Unset):
            claimed_at = UNSET
        elif isinstance(self.claimed_at, datetime.datetime):
            claimed_at = self.claimed_at.isoformat()
        else:
            claimed_at = self.claimed_at

        due_on: str | Unset = UNSET
        if not isinstance(self.due_on, Unset):
            due_on = self.due_on.isoformat()

        overdue = self.overdue

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

        summary: dict[str, Any] | Unset = UNSET
        if not isinstance(self.summary, Unset):
            summary = self.summary.to_dict()

        kind = self.kind

        version = self.version

        urge_count = self.urge_count

        last_urged_at: None | str | Unset
        if isinstance(self.last_urged_at, Unset):
            last_urged_at = UNSET
        elif isinstance(self.last_urged_at, datetime.datetime):
            last_urged_at = self.last_urged_at.isoformat()
        else:
            last_urged_at = self.last_urged_at

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if workflow is not UNSET:
            field_dict["workflow"] = workflow
        if subject_id is not UNSET:
            field_dict["subject_id"] = subject_id
        if step is not UNSET:
            field_dict["step"] = step
        if status is not UNSET:
            field_dict["status"] = status
        if assignee_id is not UNSET:
            field_dict["assignee_id"] = assignee_id
        if offered_to_group is not UNSET:
            field_dict["offered_to_group"] = offered_to_group
        if claimed_at is not UNSET:
            field_dict["claimed_at"] = claimed_at
        if due_on is not UNSET:
            field_dict["due_on"] = due_on
        if overdue is not UNSET:
            field_dict["overdue"] = overdue
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if comment is not UNSET:
            field_dict["comment"] = comment
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if summary is not UNSET:
            field_dict["summary"] = summary
        if kind is not UNSET:
            field_dict["kind"] = kind
        if version is not UNSET:
            field_dict["version"] = version
        if urge_count is not UNSET:
            field_dict["urge_count"] = urge_count
        if last_urged_at is not UNSET:
            field_dict["last_urged_at"] = last_urged_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.task_step import TaskStep  # noqa: PLC0415
        from ..models.task_summary import TaskSummary  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        workflow = d.pop("workflow", UNSET)

        subject_id = d.pop("subject_id", UNSET)

        _step = d.pop("step", UNSET)
        step: TaskStep | Unset
        if isinstance(_step, Unset):
            step = UNSET
        else:
            step = TaskStep.from_dict(_step)

        status = d.pop("status", UNSET)

        def _parse_assignee_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        assignee_id = _parse_assignee_id(d.pop("assignee_id", UNSET))

        offered_to_group = d.pop("offered_to_group", UNSET)

        def _parse_claimed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                claimed_at_type_0 = datetime.datetime.fromisoformat(data)

                return claimed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        claimed_at = _parse_claimed_at(d.pop("claimed_at", UNSET))

        _due_on = d.pop("due_on", UNSET)
        due_on: datetime.date | Unset
        if isinstance(_due_on, Unset):
            due_on = UNSET
        else:
            due_on = datetime.date.fromisoformat(_due_on)

        overdue = d.pop("overdue", UNSET)

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

        _summary = d.pop("summary", UNSET)
        summary: TaskSummary | Unset
        if isinstance(_summary, Unset):
            summary = UNSET
        else:
            summary = TaskSummary.from_dict(_summary)

        kind = d.pop("kind", UNSET)

        version = d.pop("version", UNSET)

        urge_count = d.pop("urge_count", UNSET)

        def _parse_last_urged_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_urged_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_urged_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_urged_at = _parse_last_urged_at(d.pop("last_urged_at", UNSET))

        task = cls(
            id=id,
            workflow=workflow,
            subject_id=subject_id,
            step=step,
            status=status,
            assignee_id=assignee_id,
            offered_to_group=offered_to_group,
            claimed_at=claimed_at,
            due_on=due_on,
            overdue=overdue,
            outcome=outcome,
            comment=comment,
            decided_at=decided_at,
            summary=summary,
            kind=kind,
            version=version,
            urge_count=urge_count,
            last_urged_at=last_urged_at,
        )

        return task
