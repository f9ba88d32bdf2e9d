from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.manual_case_action import ManualCaseAction, check_manual_case_action
from ..models.manual_case_proposed_form_type_1 import (
    ManualCaseProposedFormType1,
    check_manual_case_proposed_form_type_1,
)
from ..models.manual_case_proposed_form_type_2_type_1 import (
    ManualCaseProposedFormType2Type1,
    check_manual_case_proposed_form_type_2_type_1,
)
from ..models.manual_case_proposed_form_type_3_type_1 import (
    ManualCaseProposedFormType3Type1,
    check_manual_case_proposed_form_type_3_type_1,
)
from ..models.manual_case_trigger import ManualCaseTrigger, check_manual_case_trigger
from ..types import UNSET, Unset

T = TypeVar("T", bound="ManualCase")


@_attrs_define
class ManualCase:
    """
    Attributes:
        party_org_id (int): The organisation to adjust
        trigger (ManualCaseTrigger): merged or split
        action (ManualCaseAction): The action proposed
        note (str): What happened to the unit(s). Not blank, no control characters (tab and line breaks allowed)
        proposed_form (ManualCaseProposedFormType1 | ManualCaseProposedFormType2Type1 | ManualCaseProposedFormType3Type1
            | None | Unset): change_form only
        target_jurisdiction_id (int | None | Unset): transfer only
    """

    party_org_id: int
    trigger: ManualCaseTrigger
    action: ManualCaseAction
    note: str
    proposed_form: (
        ManualCaseProposedFormType1 | ManualCaseProposedFormType2Type1 | ManualCaseProposedFormType3Type1 | None | Unset
    ) = UNSET
    target_jurisdiction_id: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        party_org_id = self.party_org_id

        trigger: str = self.trigger

        action: str = self.action

        note = self.note

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "party_org_id": party_org_id,
                "trigger": trigger,
                "action": action,
                "note": note,
            }
        )
        if proposed_form is not UNSET:
            field_dict["proposed_form"] = proposed_form
        if target_jurisdiction_id is not UNSET:
            field_dict["target_jurisdiction_id"] = target_jurisdiction_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        party_org_id = d.pop("party_org_id")

        trigger = check_manual_case_trigger(d.pop("trigger"))

        action = check_manual_case_action(d.pop("action"))

        note = d.pop("note")

        def _parse_proposed_form(
            data: object,
        ) -> (
            ManualCaseProposedFormType1
            | ManualCaseProposedFormType2Type1
            | ManualCaseProposedFormType3Type1
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
                proposed_form_type_1 = check_manual_case_proposed_form_type_1(data)

                return proposed_form_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                proposed_form_type_2_type_1 = check_manual_case_proposed_form_type_2_type_1(data)

                return proposed_form_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                proposed_form_type_3_type_1 = check_manual_case_proposed_form_type_3_type_1(data)

                return proposed_form_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                ManualCaseProposedFormType1
                | ManualCaseProposedFormType2Type1
                | ManualCaseProposedFormType3Type1
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

        manual_case = cls(
            party_org_id=party_org_id,
            trigger=trigger,
            action=action,
            note=note,
            proposed_form=proposed_form,
            target_jurisdiction_id=target_jurisdiction_id,
        )

        return manual_case
