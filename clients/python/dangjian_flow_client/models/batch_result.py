from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_task_result import BatchTaskResult


T = TypeVar("T", bound="BatchResult")


@_attrs_define
class BatchResult:
    """
    Attributes:
        action (str | Unset):
        done (int | Unset): How many tasks were decided
        results (list[BatchTaskResult] | Unset): One per task, as asked
    """

    action: str | Unset = UNSET
    done: int | Unset = UNSET
    results: list[BatchTaskResult] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        done = self.done

        results: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.results, Unset):
            results = []
            for results_item_data in self.results:
                results_item = results_item_data.to_dict()
                results.append(results_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if action is not UNSET:
            field_dict["action"] = action
        if done is not UNSET:
            field_dict["done"] = done
        if results is not UNSET:
            field_dict["results"] = results

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_task_result import BatchTaskResult  # noqa: PLC0415

        d = dict(src_dict)
        action = d.pop("action", UNSET)

        done = d.pop("done", UNSET)

        _results = d.pop("results", UNSET)
        results: list[BatchTaskResult] | Unset = UNSET
        if _results is not UNSET:
            results = []
            for results_item_data in _results:
                results_item = BatchTaskResult.from_dict(results_item_data)

                results.append(results_item)

        batch_result = cls(
            action=action,
            done=done,
            results=results,
        )

        return batch_result
