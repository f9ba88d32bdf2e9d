from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.step_body import StepBody
    from ..models.step_tally_type_0 import StepTallyType0
    from ..models.task_brief import TaskBrief


T = TypeVar("T", bound="Step")


@_attrs_define
class Step:
    """
    Attributes:
        id (int | Unset):
        level (int | Unset):
        level_name (str | Unset):
        body (StepBody | Unset):
        mode (str | Unset):
        mode_label (str | Unset):
        status (str | Unset):
        due_on (datetime.date | Unset):
        due_basis (str | Unset):
        overdue (bool | Unset):
        tally (None | StepTallyType0 | Unset):
        tasks (list[TaskBrief] | Unset):
    """

    id: int | Unset = UNSET
    level: int | Unset = UNSET
    level_name: str | Unset = UNSET
    body: StepBody | Unset = UNSET
    mode: str | Unset = UNSET
    mode_label: str | Unset = UNSET
    status: str | Unset = UNSET
    due_on: datetime.date | Unset = UNSET
    due_basis: str | Unset = UNSET
    overdue: bool | Unset = UNSET
    tally: None | StepTallyType0 | Unset = UNSET
    tasks: list[TaskBrief] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.step_tally_type_0 import StepTallyType0  # noqa: PLC0415

        id = self.id

        level = self.level

        level_name = self.level_name

        body: dict[str, Any] | Unset = UNSET
        if not isinstance(self.body, Unset):
            body = self.body.to_dict()

        mode = self.mode

        mode_label = self.mode_label

        status = self.status

        due_on: str | Unset = UNSET
        if not isinstance(self.due_on, Unset):
            due_on = self.due_on.isoformat()

        due_basis = self.due_basis

        overdue = self.overdue

        tally: dict[str, Any] | None | Unset
        if isinstance(self.tally, Unset):
            tally = UNSET
        elif isinstance(self.tally, StepTallyType0):
            tally = self.tally.to_dict()
        else:
            tally = self.tally

        tasks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tasks, Unset):
            tasks = []
            for tasks_item_data in self.tasks:
                tasks_item = tasks_item_data.to_dict()
                tasks.append(tasks_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if level is not UNSET:
            field_dict["level"] = level
        if level_name is not UNSET:
            field_dict["level_name"] = level_name
        if body is not UNSET:
            field_dict["body"] = body
        if mode is not UNSET:
            field_dict["mode"] = mode
        if mode_label is not UNSET:
            field_dict["mode_label"] = mode_label
        if status is not UNSET:
            field_dict["status"] = status
        if due_on is not UNSET:
            field_dict["due_on"] = due_on
        if due_basis is not UNSET:
            field_dict["due_basis"] = due_basis
        if overdue is not UNSET:
            field_dict["overdue"] = overdue
        if tally is not UNSET:
            field_dict["tally"] = tally
        if tasks is not UNSET:
            field_dict["tasks"] = tasks

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.step_body import StepBody  # noqa: PLC0415
        from ..models.step_tally_type_0 import StepTallyType0  # noqa: PLC0415
        from ..models.task_brief import TaskBrief  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        level = d.pop("level", UNSET)

        level_name = d.pop("level_name", UNSET)

        _body = d.pop("body", UNSET)
        body: StepBody | Unset
        if isinstance(_body, Unset):
            body = UNSET
        else:
            body = StepBody.from_dict(_body)

        mode = d.pop("mode", UNSET)

        mode_label = d.pop("mode_label", UNSET)

        status = d.pop("status", UNSET)

        _due_on = d.pop("due_on", UNSET)
        due_on: datetime.date | Unset
        if isinstance(_due_on, Unset):
            due_on = UNSET
        else:
            due_on = datetime.date.fromisoformat(_due_on)

        due_basis = d.pop("due_basis", UNSET)

        overdue = d.pop("overdue", UNSET)

        def _parse_tally(data: object) -> None | StepTallyType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                tally_type_0 = StepTallyType0.from_dict(data)

                return tally_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StepTallyType0 | Unset, data)

        tally = _parse_tally(d.pop("tally", UNSET))

        _tasks = d.pop("tasks", UNSET)
        tasks: list[TaskBrief] | Unset = UNSET
        if _tasks is not UNSET:
            tasks = []
            for tasks_item_data in _tasks:
                tasks_item = TaskBrief.from_dict(tasks_item_data)

                tasks.append(tasks_item)

        step = cls(
            id=id,
            level=level,
            level_name=level_name,
            body=body,
            mode=mode,
            mode_label=mode_label,
            status=status,
            due_on=due_on,
            due_basis=due_basis,
            overdue=overdue,
            tally=tally,
            tasks=tasks,
        )

        return step
