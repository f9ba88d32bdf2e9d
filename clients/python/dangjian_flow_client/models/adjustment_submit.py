from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.adjustment_submit_action_type_1 import AdjustmentSubmitActionType1, check_adjustment_submit_action_type_1
from ..models.adjustment_submit_action_type_2_type_1 import (
    AdjustmentSubmitActionType2Type1,
    check_adjustment_submit_action_type_2_type_1,
)
from ..models.adjustment_submit_action_type_3_type_1 import (
    AdjustmentSubmitActionType3Type1,
    check_adjustment_submit_action_type_3_type_1,
)
from ..models.adjustment_submit_proposed_form_type_1 import (
    AdjustmentSubmitProposedFormType1,
    check_adjustment_submit_proposed_form_type_1,
)
from ..models.adjustment_submit_proposed_form_type_2_type_1 import (
    AdjustmentSubmitProposedFormType2Type1,
    check_adjustment_submit_proposed_form_type_2_type_1,
)
from ..models.adjustment_submit_proposed_form_type_3_type_1 import (
    AdjustmentSubmitProposedFormType3Type1,
    check_adjustment_submit_proposed_form_type_3_type_1,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="AdjustmentSubmit")


@_attrs_define
class AdjustmentSubmit:
    """
    Attributes:
        action (AdjustmentSubmitActionType1 | AdjustmentSubmitActionType2Type1 | AdjustmentSubmitActionType3Type1 | None
            | Unset): Corrects the action proposed
        proposed_form (AdjustmentSubmitProposedFormType1 | AdjustmentSubmitProposedFormType2Type1 |
            AdjustmentSubmitProposedFormType3Type1 | None | Unset):
        target_jurisdiction_id (int | None | Unset):
        note (str | Unset): No control characters (tab and line breaks allowed)
    """

    action: (
        AdjustmentSubmitActionType1 | AdjustmentSubmitActionType2Type1 | AdjustmentSubmitActionType3Type1 | None | Unset
    ) = UNSET
    proposed_form: (
        AdjustmentSubmitProposedFormType1
        | AdjustmentSubmitProposedFormType2Type1
        | AdjustmentSubmitProposedFormType3Type1
        | None
        | Unset
    ) = UNSET
    target_jurisdiction_id: int | None | Unset = UNSET
    note: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        action: None | str | Unset
        if isinstance(self.action, Unset):
            action = UNSET
        elif isinstance(self.action, str):
            action = self.action
        elif isinstance(self.action, str):
            action = self.action
        elif isinstance(self.action, str):
            action = self.action
        else:
            action = self.action

        proposed_form: None | str | Unset
        if isinstance(self.proposed_form, Unset):
            proposed_form = UNSET
        elif isinstance(self.proposed_form, str):
            proposed_form = self.proposed_form
        elif isinstance(self.proposed_form, str):
            proposed_form = self.proposed_form
        elif isinstance(self.proposed_form, str):
            proposed_form = self.proposed_form
        else:
            proposed_form = self.proposed_form

        target_jurisdiction_id: int | None | Unset
        if isinstance(self.target_jurisdiction_id, Unset):
            target_jurisdiction_id = UNSET
        else:
            target_jurisdiction_id = self.target_jurisdiction_id

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if action is not UNSET:
            field_dict["action"] = action
        if proposed_form is not UNSET:
            field_dict["proposed_form"] = proposed_form
        if target_jurisdiction_id is not UNSET:
            field_dict["target_jurisdiction_id"] = target_jurisdiction_id
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_action(
            data: object,
        ) -> (
            AdjustmentSubmitActionType1
            | AdjustmentSubmitActionType2Type1
            | AdjustmentSubmitActionType3Type1
            | None
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                action_type_1 = check_adjustment_submit_action_type_1(data)

                return action_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                action_type_2_type_1 = check_adjustment_submit_action_type_2_type_1(data)

                return action_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                action_type_3_type_1 = check_adjustment_submit_action_type_3_type_1(data)

                return action_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                AdjustmentSubmitActionType1
                | AdjustmentSubmitActionType2Type1
                | AdjustmentSubmitActionType3Type1
                | None
                | Unset,
                data,
            )

        action = _parse_action(d.pop("action", UNSET))

        def _parse_proposed_form(
            data: object,
        ) -> (
            AdjustmentSubmitProposedFormType1
            | AdjustmentSubmitProposedFormType2Type1
            | AdjustmentSubmitProposedFormType3Type1
            | None
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                proposed_form_type_1 = check_adjustment_submit_proposed_form_type_1(data)

                return proposed_form_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                proposed_form_type_2_type_1 = check_adjustment_submit_proposed_form_type_2_type_1(data)

                return proposed_form_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                proposed_form_type_3_type_1 = check_adjustment_submit_proposed_form_type_3_type_1(data)

                return proposed_form_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                AdjustmentSubmitProposedFormType1
                | AdjustmentSubmitProposedFormType2Type1
                | AdjustmentSubmitProposedFormType3Type1
                | None
                | Unset,
                data,
            )

        proposed_form = _parse_proposed_form(d.pop("proposed_form", UNSET))

        def _parse_target_jurisdiction_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        target_jurisdiction_id = _parse_target_jurisdiction_id(d.pop("target_jurisdiction_id", UNSET))

        note = d.pop("note", UNSET)

        adjustment_submit = cls(
            action=action,
            proposed_form=proposed_form,
            target_jurisdiction_id=target_jurisdiction_id,
            note=note,
        )

        return adjustment_submit
