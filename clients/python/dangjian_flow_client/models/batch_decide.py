from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.batch_decide_action import BatchDecideAction, check_batch_decide_action
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_decide_comments_type_0 import BatchDecideCommentsType0


T = TypeVar("T", bound="BatchDecide")


@_attrs_define
class BatchDecide:
    """
    Attributes:
        action (BatchDecideAction):
        task_ids (list[int]): The tasks, 1..BATCH_MAX_TASKS (default 50) distinct ids; answered in this order
        comment (str | Unset): The opinion for every task; a return needs one. No control characters (tab and line
            breaks allowed)
        comments (BatchDecideCommentsType0 | None | Unset): A task's own opinion, by task id: replaces `comment` for
            that task
    """

    action: BatchDecideAction
    task_ids: list[int]
    comment: str | Unset = UNSET
    comments: BatchDecideCommentsType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.batch_decide_comments_type_0 import BatchDecideCommentsType0  # noqa: PLC0415

        action: str = self.action

        task_ids = self.task_ids

        comment = self.comment

        comments: dict[str, Any] | None | Unset
        if isinstance(self.comments, Unset):
            comments = UNSET
        elif isinstance(self.comments, BatchDecideCommentsType0):
            comments = self.comments.to_dict()
        else:
            comments = self.comments

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
                "task_ids": task_ids,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment
        if comments is not UNSET:
            field_dict["comments"] = comments

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_decide_comments_type_0 import BatchDecideCommentsType0  # noqa: PLC0415

        d = dict(src_dict)
        action = check_batch_decide_action(d.pop("action"))

        task_ids = cast(list[int], d.pop("task_ids"))

        comment = d.pop("comment", UNSET)

        def _parse_comments(data: object) -> BatchDecideCommentsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                comments_type_0 = BatchDecideCommentsType0.from_dict(data)

                return comments_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BatchDecideCommentsType0 | None | Unset, data)

        comments = _parse_comments(d.pop("comments", UNSET))

        batch_decide = cls(
            action=action,
            task_ids=task_ids,
            comment=comment,
            comments=comments,
        )

        return batch_decide
