from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.unit_create_kind import UnitCreateKind, check_unit_create_kind
from ..models.unit_create_operating_status import UnitCreateOperatingStatus, check_unit_create_operating_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="UnitCreate")


@_attrs_define
class UnitCreate:
    """
    Attributes:
        name (str): Not blank, no control characters (tab and line breaks allowed)
        credit_code (str): 18-character unified social credit code (GB 32100-2015)
        kind (UnitCreateKind):
        jurisdiction_id (int):
        employees (int):
        formal_members (int):
        industry (None | str | Unset): No control characters (tab and line breaks allowed)
        address (None | str | Unset): No control characters (tab and line breaks allowed)
        investor_or_head (None | str | Unset): No control characters (tab and line breaks allowed)
        no_org_reason (None | str | Unset): No control characters (tab and line breaks allowed)
        instructor_id (int | None | Unset):
        party_members_total (int | Unset): Optional cross-check: must equal formal_members + probationary_members
        probationary_members (int | Unset):  Default: 0.
        mobile_members (int | Unset):  Default: 0.
        operating_status (UnitCreateOperatingStatus | Unset):  Default: 'operating'.
    """

    name: str
    credit_code: str
    kind: UnitCreateKind
    jurisdiction_id: int
    employees: int
    formal_members: int
    industry: None | str | Unset = UNSET
    address: None | str | Unset = UNSET
    investor_or_head: None | str | Unset = UNSET
    no_org_reason: None | str | Unset = UNSET
    instructor_id: int | None | Unset = UNSET
    party_members_total: int | Unset = UNSET
    probationary_members: int | Unset = 0
    mobile_members: int | Unset = 0
    operating_status: UnitCreateOperatingStatus | Unset = "operating"

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        credit_code = self.credit_code

        kind: str = self.kind

        jurisdiction_id = self.jurisdiction_id

        employees = self.employees

        formal_members = self.formal_members

        industry: None | str | Unset
        if isinstance(self.industry, Unset):
            industry = UNSET
        else:
            industry = self.industry

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        investor_or_head: None | str | Unset
        if isinstance(self.investor_or_head, Unset):
            investor_or_head = UNSET
        else:
            investor_or_head = self.investor_or_head

        no_org_reason: None | str | Unset
        if isinstance(self.no_org_reason, Unset):
            no_org_reason = UNSET
        else:
            no_org_reason = self.no_org_reason

        instructor_id: int | None | Unset
        if isinstance(self.instructor_id, Unset):
            instructor_id = UNSET
        else:
            instructor_id = self.instructor_id

        party_members_total = self.party_members_total

        probationary_members = self.probationary_members

        mobile_members = self.mobile_members

        operating_status: str | Unset = UNSET
        if not isinstance(self.operating_status, Unset):
            operating_status = self.operating_status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "credit_code": credit_code,
                "kind": kind,
                "jurisdiction_id": jurisdiction_id,
                "employees": employees,
                "formal_members": formal_members,
            }
        )
        if industry is not UNSET:
            field_dict["industry"] = industry
        if address is not UNSET:
            field_dict["address"] = address
        if investor_or_head is not UNSET:
            field_dict["investor_or_head"] = investor_or_head
        if no_org_reason is not UNSET:
            field_dict["no_org_reason"] = no_org_reason
        if instructor_id is not UNSET:
            field_dict["instructor_id"] = instructor_id
        if party_members_total is not UNSET:
            field_dict["party_members_total"] = party_members_total
        if probationary_members is not UNSET:
            field_dict["probationary_members"] = probationary_members
        if mobile_members is not UNSET:
            field_dict["mobile_members"] = mobile_members
        if operating_status is not UNSET:
            field_dict["operating_status"] = operating_status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        credit_code = d.pop("credit_code")

        kind = check_unit_create_kind(d.pop("kind"))

        jurisdiction_id = d.pop("jurisdiction_id")

        employees = d.pop("employees")

        formal_members = d.pop("formal_members")

        def _parse_industry(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        industry = _parse_industry(d.pop("industry", UNSET))

        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        def _parse_investor_or_head(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        investor_or_head = _parse_investor_or_head(d.pop("investor_or_head", UNSET))

        def _parse_no_org_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        no_org_reason = _parse_no_org_reason(d.pop("no_org_reason", UNSET))

        def _parse_instructor_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        instructor_id = _parse_instructor_id(d.pop("instructor_id", UNSET))

        party_members_total = d.pop("party_members_total", UNSET)

        probationary_members = d.pop("probationary_members", UNSET)

        mobile_members = d.pop("mobile_members", UNSET)

        _operating_status = d.pop("operating_status", UNSET)
        operating_status: UnitCreateOperatingStatus | Unset
        if isinstance(_operating_status, Unset):
            operating_status = UNSET
        else:
            operating_status = check_unit_create_operating_status(_operating_status)

        unit_create = cls(
            name=name,
            credit_code=credit_code,
            kind=kind,
            jurisdiction_id=jurisdiction_id,
            employees=employees,
            formal_members=formal_members,
            industry=industry,
            address=address,
            investor_or_head=investor_or_head,
            no_org_reason=no_org_reason,
            instructor_id=instructor_id,
            party_members_total=party_members_total,
            probationary_members=probationary_members,
            mobile_members=mobile_members,
            operating_status=operating_status,
        )

        return unit_create
