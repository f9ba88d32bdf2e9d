from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.jurisdiction_ref import JurisdictionRef


T = TypeVar("T", bound="Unit")


@_attrs_define
class Unit:
    """
    Attributes:
        id (int | Unset):
        credit_code (str | Unset):
        name (str | Unset):
        kind (str | Unset):
        kind_label (Any | Unset):
        jurisdiction (JurisdictionRef | Unset):
        industry (None | str | Unset):
        address (None | str | Unset):
        employees (int | Unset):
        formal_members (int | Unset):
        probationary_members (int | Unset):
        mobile_members (int | Unset):
        investor_or_head (None | str | Unset):
        operating_status (str | Unset):
        operating_status_label (Any | Unset):
        no_org_reason (None | str | Unset):
        party_org_id (int | None | Unset):
        instructor_id (int | None | Unset):
        in_scope (bool | Unset): Must-establish scope (应建), derived from the thresholds
        missing_clears (Any | Unset): Which of the five clears (五个清) the row does not answer yet
        deregistered_at (datetime.datetime | None | Unset):
        version (int | Unset):
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
    """

    id: int | Unset = UNSET
    credit_code: str | Unset = UNSET
    name: str | Unset = UNSET
    kind: str | Unset = UNSET
    kind_label: Any | Unset = UNSET
    jurisdiction: JurisdictionRef | Unset = UNSET
    industry: None | str | Unset = UNSET
    address: None | str | Unset = UNSET
    employees: int | Unset = UNSET
    formal_members: int | Unset = UNSET
    probationary_members: int | Unset = UNSET
    mobile_members: int | Unset = UNSET
    investor_or_head: None | str | Unset = UNSET
    operating_status: str | Unset = UNSET
    operating_status_label: Any | Unset = UNSET
    no_org_reason: None | str | Unset = UNSET
    party_org_id: int | None | Unset = UNSET
    instructor_id: int | None | Unset = UNSET
    in_scope: bool | Unset = UNSET
    missing_clears: Any | Unset = UNSET
    deregistered_at: datetime.datetime | None | Unset = UNSET
    version: int | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        credit_code = self.credit_code

        name = self.name

        kind = self.kind

        kind_label = self.kind_label

        jurisdiction: dict[str, Any] | Unset = UNSET
        if not isinstance(self.jurisdiction, Unset):
            jurisdiction = self.jurisdiction.to_dict()

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

        employees = self.employees

        formal_members = self.formal_members

        probationary_members = self.probationary_members

        mobile_members = self.mobile_members

        investor_or_head: None | str | Unset
        if isinstance(self.investor_or_head, Unset):
            investor_or_head = UNSET
        else:
            investor_or_head = self.investor_or_head

        operating_status = self.operating_status

        operating_status_label = self.operating_status_label

        no_org_reason: None | str | Unset
        if isinstance(self.no_org_reason, Unset):
            no_org_reason = UNSET
        else:
            no_org_reason = self.no_org_reason

        party_org_id: int | None | Unset
        if isinstance(self.party_org_id, Unset):
            party_org_id = UNSET
        else:
            party_org_id = self.party_org_id

        instructor_id: int | None | Unset
        if isinstance(self.instructor_id, Unset):
            instructor_id = UNSET
        else:
            instructor_id = self.instructor_id

        in_scope = self.in_scope

        missing_clears = self.missing_clears

        deregistered_at: None | str | Unset
        if isinstance(self.deregistered_at, Unset):
            deregistered_at = UNSET
        elif isinstance(self.deregistered_at, datetime.datetime):
            deregistered_at = self.deregistered_at.isoformat()
        else:
            deregistered_at = self.deregistered_at

        version = self.version

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if credit_code is not UNSET:
            field_dict["credit_code"] = credit_code
        if name is not UNSET:
            field_dict["name"] = name
        if kind is not UNSET:
            field_dict["kind"] = kind
        if kind_label is not UNSET:
            field_dict["kind_label"] = kind_label
        if jurisdiction is not UNSET:
            field_dict["jurisdiction"] = jurisdiction
        if industry is not UNSET:
            field_dict["industry"] = industry
        if address is not UNSET:
            field_dict["address"] = address
        if employees is not UNSET:
            field_dict["employees"] = employees
        if formal_members is not UNSET:
            field_dict["formal_members"] = formal_members
        if probationary_members is not UNSET:
            field_dict["probationary_members"] = probationary_members
        if mobile_members is not UNSET:
            field_dict["mobile_members"] = mobile_members
        if investor_or_head is not UNSET:
            field_dict["investor_or_head"] = investor_or_head
        if operating_status is not UNSET:
            field_dict["operating_status"] = operating_status
        if operating_status_label is not UNSET:
            field_dict["operating_status_label"] = operating_status_label
        if no_org_reason is not UNSET:
            field_dict["no_org_reason"] = no_org_reason
        if party_org_id is not UNSET:
            field_dict["party_org_id"] = party_org_id
        if instructor_id is not UNSET:
            field_dict["instructor_id"] = instructor_id
        if in_scope is not UNSET:
            field_dict["in_scope"] = in_scope
        if missing_clears is not UNSET:
            field_dict["missing_clears"] = missing_clears
        if deregistered_at is not UNSET:
            field_dict["deregistered_at"] = deregistered_at
        if version is not UNSET:
            field_dict["version"] = version
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.jurisdiction_ref import JurisdictionRef  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        credit_code = d.pop("credit_code", UNSET)

        name = d.pop("name", UNSET)

        kind = d.pop("kind", UNSET)

        kind_label = d.pop("kind_label", UNSET)

        _jurisdiction = d.pop("jurisdiction", UNSET)
        jurisdiction: JurisdictionRef | Unset
        if isinstance(_jurisdiction, Unset):
            jurisdiction = UNSET
        else:
            jurisdiction = JurisdictionRef.from_dict(_jurisdiction)

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

        employees = d.pop("employees", UNSET)

        formal_members = d.pop("formal_members", UNSET)

        probationary_members = d.pop("probationary_members", UNSET)

        mobile_members = d.pop("mobile_members", UNSET)

        def _parse_investor_or_head(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        investor_or_head = _parse_investor_or_head(d.pop("investor_or_head", UNSET))

        operating_status = d.pop("operating_status", UNSET)

        operating_status_label = d.pop("operating_status_label", UNSET)

        def _parse_no_org_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        no_org_reason = _parse_no_org_reason(d.pop("no_org_reason", UNSET))

        def _parse_party_org_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        party_org_id = _parse_party_org_id(d.pop("party_org_id", UNSET))

        def _parse_instructor_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        instructor_id = _parse_instructor_id(d.pop("instructor_id", UNSET))

        in_scope = d.pop("in_scope", UNSET)

        missing_clears = d.pop("missing_clears", UNSET)

        def _parse_deregistered_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deregistered_at_type_0 = datetime.datetime.fromisoformat(data)

                return deregistered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        deregistered_at = _parse_deregistered_at(d.pop("deregistered_at", UNSET))

        version = d.pop("version", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        unit = cls(
            id=id,
            credit_code=credit_code,
            name=name,
            kind=kind,
            kind_label=kind_label,
            jurisdiction=jurisdiction,
            industry=industry,
            address=address,
            employees=employees,
            formal_members=formal_members,
            probationary_members=probationary_members,
            mobile_members=mobile_members,
            investor_or_head=investor_or_head,
            operating_status=operating_status,
            operating_status_label=operating_status_label,
            no_org_reason=no_org_reason,
            party_org_id=party_org_id,
            instructor_id=instructor_id,
            in_scope=in_scope,
            missing_clears=missing_clears,
            deregistered_at=deregistered_at,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        return unit
