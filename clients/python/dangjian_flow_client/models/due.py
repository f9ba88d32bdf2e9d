from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.due_open_request_type_0_type_0 import DueOpenRequestType0Type0
    from ..models.open_request import OpenRequest
    from ..models.term_body import TermBody
    from ..models.term_org import TermOrg


T = TypeVar("T", bound="Due")


@_attrs_define
class Due:
    """
    Attributes:
        party_org (TermOrg | Unset):
        jurisdiction (TermBody | Unset):
        term_years (int | None | Unset):
        term_start (datetime.date | None | Unset):
        term_due_on (datetime.date | Unset):
        status (str | Unset): due (within the window) or overdue
        status_label (str | Unset):
        escalation_level (None | str | Unset):
        open_request (DueOpenRequestType0Type0 | None | OpenRequest | Unset):
    """

    party_org: TermOrg | Unset = UNSET
    jurisdiction: TermBody | Unset = UNSET
    term_years: int | None | Unset = UNSET
    term_start: datetime.date | None | Unset = UNSET
    term_due_on: datetime.date | Unset = UNSET
    status: str | Unset = UNSET
    status_label: str | Unset = UNSET
    escalation_level: None | str | Unset = UNSET
    open_request: DueOpenRequestType0Type0 | None | OpenRequest | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.due_open_request_type_0_type_0 import DueOpenRequestType0Type0  # noqa: PLC0415
        from ..models.open_request import OpenRequest  # noqa: PLC0415

        party_org: dict[str, Any] | Unset = UNSET
        if not isinstance(self.party_org, Unset):
            party_org = self.party_org.to_dict()

        jurisdiction: dict[str, Any] | Unset = UNSET
        if not isinstance(self.jurisdiction, Unset):
            jurisdiction = self.jurisdiction.to_dict()

        term_years: int | None | Unset
        if isinstance(self.term_years, Unset):
            term_years = UNSET
        else:
            term_years = self.term_years

        term_start: None | str | Unset
        if isinstance(self.term_start, Unset):
            term_start = UNSET
        elif isinstance(self.term_start, datetime.date):
            term_start = self.term_start.isoformat()
        else:
            term_start = self.term_start

        term_due_on: str | Unset = UNSET
        if not isinstance(self.term_due_on, Unset):
            term_due_on = self.term_due_on.isoformat()

        status = self.status

        status_label = self.status_label

        escalation_level: None | str | Unset
        if isinstance(self.escalation_level, Unset):
            escalation_level = UNSET
        else:
            escalation_level = self.escalation_level

        open_request: dict[str, Any] | None | Unset
        if isinstance(self.open_request, Unset):
            open_request = UNSET
        elif isinstance(self.open_request, DueOpenRequestType0Type0):
            open_request = self.open_request.to_dict()
        elif isinstance(self.open_request, OpenRequest):
            open_request = self.open_request.to_dict()
        else:
            open_request = self.open_request

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if party_org is not UNSET:
            field_dict["party_org"] = party_org
        if jurisdiction is not UNSET:
            field_dict["jurisdiction"] = jurisdiction
        if term_years is not UNSET:
            field_dict["term_years"] = term_years
        if term_start is not UNSET:
            field_dict["term_start"] = term_start
        if term_due_on is not UNSET:
            field_dict["term_due_on"] = term_due_on
        if status is not UNSET:
            field_dict["status"] = status
        if status_label is not UNSET:
            field_dict["status_label"] = status_label
        if escalation_level is not UNSET:
            field_dict["escalation_level"] = escalation_level
        if open_request is not UNSET:
            field_dict["open_request"] = open_request

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.due_open_request_type_0_type_0 import DueOpenRequestType0Type0  # noqa: PLC0415
        from ..models.open_request import OpenRequest  # noqa: PLC0415
        from ..models.term_body import TermBody  # noqa: PLC0415
        from ..models.term_org import TermOrg  # noqa: PLC0415

        d = dict(src_dict)
        _party_org = d.pop("party_org", UNSET)
        party_org: TermOrg | Unset
        if isinstance(_party_org, Unset):
            party_org = UNSET
        else:
            party_org = TermOrg.from_dict(_party_org)

        _jurisdiction = d.pop("jurisdiction", UNSET)
        jurisdiction: TermBody | Unset
        if isinstance(_jurisdiction, Unset):
            jurisdiction = UNSET
        else:
            jurisdiction = TermBody.from_dict(_jurisdiction)

        def _parse_term_years(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        term_years = _parse_term_years(d.pop("term_years", UNSET))

        def _parse_term_start(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                term_start_type_0 = datetime.date.fromisoformat(data)

                return term_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        term_start = _parse_term_start(d.pop("term_start", UNSET))

        _term_due_on = d.pop("term_due_on", UNSET)
        term_due_on: datetime.date | Unset
        if isinstance(_term_due_on, Unset):
            term_due_on = UNSET
        else:
            term_due_on = datetime.date.fromisoformat(_term_due_on)

        status = d.pop("status", UNSET)

        status_label = d.pop("status_label", UNSET)

        def _parse_escalation_level(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        escalation_level = _parse_escalation_level(d.pop("escalation_level", UNSET))

        def _parse_open_request(data: object) -> DueOpenRequestType0Type0 | None | OpenRequest | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                open_request_type_0_type_0 = DueOpenRequestType0Type0.from_dict(data)

                return open_request_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                open_request_type_1 = OpenRequest.from_dict(data)

                return open_request_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DueOpenRequestType0Type0 | None | OpenRequest | Unset, data)

        open_request = _parse_open_request(d.pop("open_request", UNSET))

        due = cls(
            party_org=party_org,
            jurisdiction=jurisdiction,
            term_years=term_years,
            term_start=term_start,
            term_due_on=term_due_on,
            status=status,
            status_label=status_label,
            escalation_level=escalation_level,
            open_request=open_request,
        )

        return due
