from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.extension_decide_decision import ExtensionDecideDecision, check_extension_decide_decision
from ..types import UNSET, Unset

T = TypeVar("T", bound="ExtensionDecide")


@_attrs_define
class ExtensionDecide:
    """
    Attributes:
        decision (ExtensionDecideDecision):
        approved_deadline (datetime.date | None | Unset): Grant less than asked (approve only); default: as requested.
            Within the date window 2000-01-01–2100-12-31 (DATE_MIN_YEAR–DATE_MAX_YEAR)
        comment (str | Unset): Required to refuse. No control characters (tab and line breaks allowed)
    """

    decision: ExtensionDecideDecision
    approved_deadline: datetime.date | None | Unset = UNSET
    comment: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        decision: str = self.decision

        approved_deadline: None | str | Unset
        if isinstance(self.approved_deadline, Unset):
            approved_deadline = UNSET
        elif isinstance(self.approved_deadline, datetime.date):
            approved_deadline = self.approved_deadline.isoformat()
        else:
            approved_deadline = self.approved_deadline

        comment = self.comment

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "decision": decision,
            }
        )
        if approved_deadline is not UNSET:
            field_dict["approved_deadline"] = approved_deadline
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        decision = check_extension_decide_decision(d.pop("decision"))

        def _parse_approved_deadline(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_deadline_type_0 = datetime.date.fromisoformat(data)

                return approved_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        approved_deadline = _parse_approved_deadline(d.pop("approved_deadline", UNSET))

        comment = d.pop("comment", UNSET)

        extension_decide = cls(
            decision=decision,
            approved_deadline=approved_deadline,
            comment=comment,
        )

        return extension_decide
