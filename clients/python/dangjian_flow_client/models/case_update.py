from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.case_update_form import CaseUpdateForm, check_case_update_form
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.roster_member import RosterMember


T = TypeVar("T", bound="CaseUpdate")


@_attrs_define
class CaseUpdate:
    """
    Attributes:
        proposed_secretary (None | str | Unset): No control characters (tab and line breaks allowed)
        proposed_committee_size (int | None | Unset):
        branch_oversize_reason (None | str | Unset): No control characters (tab and line breaks allowed)
        request_text (None | str | Unset): The request (请示) text. No control characters (tab and line breaks allowed)
        roster (list[RosterMember] | None | Unset): Member roster (花名册); when given it must match the ledger
        unit_ids (list[int] | Unset):
        form (CaseUpdateForm | Unset):
        proposed_name (str | Unset): Not blank, no control characters (tab and line breaks allowed)
    """

    proposed_secretary: None | str | Unset = UNSET
    proposed_committee_size: int | None | Unset = UNSET
    branch_oversize_reason: None | str | Unset = UNSET
    request_text: None | str | Unset = UNSET
    roster: list[RosterMember] | None | Unset = UNSET
    unit_ids: list[int] | Unset = UNSET
    form: CaseUpdateForm | Unset = UNSET
    proposed_name: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        proposed_secretary: None | str | Unset
        if isinstance(self.proposed_secretary, Unset):
            proposed_secretary = UNSET
        else:
            proposed_secretary = self.proposed_secretary

        proposed_committee_size: int | None | Unset
        if isinstance(self.proposed_committee_size, Unset):
            proposed_committee_size = UNSET
        else:
            proposed_committee_size = self.proposed_committee_size

        branch_oversize_reason: None | str | Unset
        if isinstance(self.branch_oversize_reason, Unset):
            branch_oversize_reason = UNSET
        else:
            branch_oversize_reason = self.branch_oversize_reason

        request_text: None | str | Unset
        if isinstance(self.request_text, Unset):
            request_text = UNSET
        else:
            request_text = self.request_text

        roster: list[dict[str, Any]] | None | Unset
        if isinstance(self.roster, Unset):
            roster = UNSET
        elif isinstance(self.roster, list):
            roster = []
            for roster_type_0_item_data in self.roster:
                roster_type_0_item = roster_type_0_item_data.to_dict()
                roster.append(roster_type_0_item)

        else:
            roster = self.roster

        unit_ids: list[int] | Unset = UNSET
        if not isinstance(self.unit_ids, Unset):
            unit_ids = self.unit_ids

        form: str | Unset = UNSET
        if not isinstance(self.form, Unset):
            form = self.form

        proposed_name = self.proposed_name

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if proposed_secretary is not UNSET:
            field_dict["proposed_secretary"] = proposed_secretary
        if proposed_committee_size is not UNSET:
            field_dict["proposed_committee_size"] = proposed_committee_size
        if branch_oversize_reason is not UNSET:
            field_dict["branch_oversize_reason"] = branch_oversize_reason
        if request_text is not UNSET:
            field_dict["request_text"] = request_text
        if roster is not UNSET:
            field_dict["roster"] = roster
        if unit_ids is not UNSET:
            field_dict["unit_ids"] = unit_ids
        if form is not UNSET:
            field_dict["form"] = form
        if proposed_name is not UNSET:
            field_dict["proposed_name"] = proposed_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.roster_member import RosterMember  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_proposed_secretary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        proposed_secretary = _parse_proposed_secretary(d.pop("proposed_secretary", UNSET))

        def _parse_proposed_committee_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        proposed_committee_size = _parse_proposed_committee_size(d.pop("proposed_committee_size", UNSET))

        def _parse_branch_oversize_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        branch_oversize_reason = _parse_branch_oversize_reason(d.pop("branch_oversize_reason", UNSET))

        def _parse_request_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_text = _parse_request_text(d.pop("request_text", UNSET))

        def _parse_roster(data: object) -> list[RosterMember] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                roster_type_0 = []
                _roster_type_0 = data
                for roster_type_0_item_data in _roster_type_0:
                    roster_type_0_item = RosterMember.from_dict(roster_type_0_item_data)

                    roster_type_0.append(roster_type_0_item)

                return roster_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[RosterMember] | None | Unset, data)

        roster = _parse_roster(d.pop("roster", UNSET))

        unit_ids = cast(list[int], d.pop("unit_ids", UNSET))

        _form = d.pop("form", UNSET)
        form: CaseUpdateForm | Unset
        if isinstance(_form, Unset):
            form = UNSET
        else:
            form = check_case_update_form(_form)

        proposed_name = d.pop("proposed_name", UNSET)

        case_update = cls(
            proposed_secretary=proposed_secretary,
            proposed_committee_size=proposed_committee_size,
            branch_oversize_reason=branch_oversize_reason,
            request_text=request_text,
            roster=roster,
            unit_ids=unit_ids,
            form=form,
            proposed_name=proposed_name,
        )

        return case_update
