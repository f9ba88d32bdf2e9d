from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.batch_task_result_result import BatchTaskResultResult, check_batch_task_result_result
from ..types import UNSET, Unset

T = TypeVar("T", bound="BatchTaskResult")


@_attrs_define
class BatchTaskResult:
    """
    Attributes:
        task_id (int | Unset):
        result (BatchTaskResultResult | Unset): done: decided; conflict: someone acted first or not your turn
            (409-class); refused: a rule, out of scope (not_found) or not yours (forbidden); error: the database was away or
            busy (503-class)
        code (None | str | Unset): The refusal's or conflict's code
        message (None | str | Unset):
        field (None | str | Unset): The input field a refusal is about
        task_status (None | str | Unset): The task's status now
        step_status (None | str | Unset):
        workflow (None | str | Unset):
        subject_id (int | None | Unset):
        subject_title (None | str | Unset):
        subject_state (None | str | Unset): The case's state now
        subject_state_label (None | str | Unset):
        acted_by (None | str | Unset): conflict: who acted on the task or decided its step (display name)
    """

    task_id: int | Unset = UNSET
    result: BatchTaskResultResult | Unset = UNSET
    code: None | str | Unset = UNSET
    message: None | str | Unset = UNSET
    field: None | str | Unset = UNSET
    task_status: None | str | Unset = UNSET
    step_status: None | str | Unset = UNSET
    workflow: None | str | Unset = UNSET
    subject_id: int | None | Unset = UNSET
    subject_title: None | str | Unset = UNSET
    subject_state: None | str | Unset = UNSET
    subject_state_label: None | str | Unset = UNSET
    acted_by: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        result: str | Unset = UNSET
        if not isinstance(self.result, Unset):
            result = self.result

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        field: None | str | Unset
        if isinstance(self.field, Unset):
            field = UNSET
        else:
            field = self.field

        task_status: None | str | Unset
        if isinstance(self.task_status, Unset):
            task_status = UNSET
        else:
            task_status = self.task_status

        step_status: None | str | Unset
        if isinstance(self.step_status, Unset):
            step_status = UNSET
        else:
            step_status = self.step_status

        workflow: None | str | Unset
        if isinstance(self.workflow, Unset):
            workflow = UNSET
        else:
            workflow = self.workflow

        subject_id: int | None | Unset
        if isinstance(self.subject_id, Unset):
            subject_id = UNSET
        else:
            subject_id = self.subject_id

        subject_title: None | str | Unset
        if isinstance(self.subject_title, Unset):
            subject_title = UNSET
        else:
            subject_title = self.subject_title

        subject_state: None | str | Unset
        if isinstance(self.subject_state, Unset):
            subject_state = UNSET
        else:
            subject_state = self.subject_state

        subject_state_label: None | str | Unset
        if isinstance(self.subject_state_label, Unset):
            subject_state_label = UNSET
        else:
            subject_state_label = self.subject_state_label

        acted_by: None | str | Unset
        if isinstance(self.acted_by, Unset):
            acted_by = UNSET
        else:
            acted_by = self.acted_by

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if result is not UNSET:
            field_dict["result"] = result
        if code is not UNSET:
            field_dict["code"] = code
        if message is not UNSET:
            field_dict["message"] = message
        if field is not UNSET:
            field_dict["field"] = field
        if task_status is not UNSET:
            field_dict["task_status"] = task_status
        if step_status is not UNSET:
            field_dict["step_status"] = step_status
        if workflow is not UNSET:
            field_dict["workflow"] = workflow
        if subject_id is not UNSET:
            field_dict["subject_id"] = subject_id
        if subject_title is not UNSET:
            field_dict["subject_title"] = subject_title
        if subject_state is not UNSET:
            field_dict["subject_state"] = subject_state
        if subject_state_label is not UNSET:
            field_dict["subject_state_label"] = subject_state_label
        if acted_by is not UNSET:
            field_dict["acted_by"] = acted_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        task_id = d.pop("task_id", UNSET)

        _result = d.pop("result", UNSET)
        result: BatchTaskResultResult | Unset
        if isinstance(_result, Unset):
            result = UNSET
        else:
            result = check_batch_task_result_result(_result)

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        def _parse_field(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        field = _parse_field(d.pop("field", UNSET))

        def _parse_task_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        task_status = _parse_task_status(d.pop("task_status", UNSET))

        def _parse_step_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        step_status = _parse_step_status(d.pop("step_status", UNSET))

        def _parse_workflow(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        workflow = _parse_workflow(d.pop("workflow", UNSET))

        def _parse_subject_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        subject_id = _parse_subject_id(d.pop("subject_id", UNSET))

        def _parse_subject_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject_title = _parse_subject_title(d.pop("subject_title", UNSET))

        def _parse_subject_state(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject_state = _parse_subject_state(d.pop("subject_state", UNSET))

        def _parse_subject_state_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject_state_label = _parse_subject_state_label(d.pop("subject_state_label", UNSET))

        def _parse_acted_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        acted_by = _parse_acted_by(d.pop("acted_by", UNSET))

        batch_task_result = cls(
            task_id=task_id,
            result=result,
            code=code,
            message=message,
            field=field,
            task_status=task_status,
            step_status=step_status,
            workflow=workflow,
            subject_id=subject_id,
            subject_title=subject_title,
            subject_state=subject_state,
            subject_state_label=subject_state_label,
            acted_by=acted_by,
        )

        return batch_task_result
