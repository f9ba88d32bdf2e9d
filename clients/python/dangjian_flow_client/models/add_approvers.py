from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.add_approvers_position_type_1 import AddApproversPositionType1, check_add_approvers_position_type_1
from ..models.add_approvers_position_type_2_type_1 import (
    AddApproversPositionType2Type1,
    check_add_approvers_position_type_2_type_1,
)
from ..models.add_approvers_position_type_3_type_1 import (
    AddApproversPositionType3Type1,
    check_add_approvers_position_type_3_type_1,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="AddApprovers")


@_attrs_define
class AddApprovers:
    """
    Attributes:
        user_ids (list[int]):
        reason (str): Not blank, no control characters (tab and line breaks allowed)
        position (AddApproversPositionType1 | AddApproversPositionType2Type1 | AddApproversPositionType3Type1 | None |
            Unset): Sequential steps: before me (they act first) or after me (default)
    """

    user_ids: list[int]
    reason: str
    position: (
        AddApproversPositionType1 | AddApproversPositionType2Type1 | AddApproversPositionType3Type1 | None | Unset
    ) = UNSET

    def to_dict(self) -> dict[str, Any]:
        user_ids = self.user_ids

        reason = self.reason

        position: None | str | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        elif isinstance(self.position, str):
            position = self.position
        elif isinstance(self.position, str):
            position = self.position
        elif isinstance(self.position, str):
            position = self.position
        else:
            position = self.position

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "user_ids": user_ids,
                "reason": reason,
            }
        )
        if position is not UNSET:
            field_dict["position"] = position

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_ids = cast(list[int], d.pop("user_ids"))

        reason = d.pop("reason")

        def _parse_position(
            data: object,
        ) -> AddApproversPositionType1 | AddApproversPositionType2Type1 | AddApproversPositionType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                position_type_1 = check_add_approvers_position_type_1(data)

                return position_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                position_type_2_type_1 = check_add_approvers_position_type_2_type_1(data)

                return position_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                position_type_3_type_1 = check_add_approvers_position_type_3_type_1(data)

                return position_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                AddApproversPositionType1
                | AddApproversPositionType2Type1
                | AddApproversPositionType3Type1
                | None
                | Unset,
                data,
            )

        position = _parse_position(d.pop("position", UNSET))

        add_approvers = cls(
            user_ids=user_ids,
            reason=reason,
            position=position,
        )

        return add_approvers
