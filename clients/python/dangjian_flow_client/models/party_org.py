from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.covered_unit import CoveredUnit


T = TypeVar("T", bound="PartyOrg")


@_attrs_define
class PartyOrg:
    """
    Attributes:
        id (int | Unset):
        name (str | Unset):
        kind (str | Unset):
        kind_label (Any | Unset):
        jurisdiction_id (int | Unset):
        status (str | Unset):
        founded_on (datetime.date | None | Unset):
        approval_doc_no (None | str | Unset):
        approved_on (datetime.date | None | Unset):
        secretary_name (None | str | Unset):
        committee_size (int | None | Unset):
        term_years (int | None | Unset):
        term_start (datetime.date | None | Unset):
        term_due_on (datetime.date | None | Unset): Re-election due date (换届)
        units (list[CoveredUnit] | Unset): Covered ledger units
        formal_members (int | Unset): Formal members across the covered units
        version (int | Unset):
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
    """

    id: int | Unset = UNSET
    name: str | Unset = UNSET
    kind: str | Unset = UNSET
    kind_label: Any | Unset = UNSET
    jurisdiction_id: int | Unset = UNSET
    status: str | Unset = UNSET
    founded_on: datetime.date | None | Unset = UNSET
    approval_doc_no: None | str | Unset = UNSET
    approved_on: datetime.date | None | Unset = UNSET
    secretary_name: None | str | Unset = UNSET
    committee_size: int | None | Unset = UNSET
    term_years: int | None | Unset = UNSET
    term_start: datetime.date | None | Unset = UNSET
    term_due_on: datetime.date | None | Unset = UNSET
    units: list[CoveredUnit] | Unset = UNSET
    formal_members: int | Unset = UNSET
    version: int | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        kind = self.kind

        kind_label = self.kind_label

        jurisdiction_id = self.jurisdiction_id

        status = self.status

        founded_on: None | str | Unset
        if isinstance(self.founded_on, Unset):
            founded_on = UNSET
        elif isinstance(self.founded_on, datetime.date):
            founded_on = self.founded_on.isoformat()
        else:
            founded_on = self.founded_on

        approval_doc_no: None | str | Unset
        if isinstance(self.approval_doc_no, Unset):
            approval_doc_no = UNSET
        else:
            approval_doc_no = self.approval_doc_no

        approved_on: None | str | Unset
        if isinstance(self.approved_on, Unset):
            approved_on = UNSET
        elif isinstance(self.approved_on, datetime.date):
            approved_on = self.approved_on.isoformat()
        else:
            approved_on = self.approved_on

        secretary_name: None | str | Unset
        if isinstance(self.secretary_name, Unset):
            secretary_name = UNSET
        else:
            secretary_name = self.secretary_name

        committee_size: int | None | Unset
        if isinstance(self.committee_size, Unset):
            committee_size = UNSET
        else:
            committee_size = self.committee_size

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

        term_due_on: None | str | Unset
        if isinstance(self.term_due_on, Unset):
            term_due_on = UNSET
        elif isinstance(self.term_due_on, datetime.date):
            term_due_on = self.term_due_on.isoformat()
        else:
            term_due_on = self.term_due_on

        units: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.units, Unset):
            units = []
            for units_item_data in self.units:
                units_item = units_item_data.to_dict()
                units.append(units_item)

        formal_members = self.formal_members

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
        if name is not UNSET:
            field_dict["name"] = name
        if kind is not UNSET:
            field_dict["kind"] = kind
        if kind_label is not UNSET:
            field_dict["kind_label"] = kind_label
        if jurisdiction_id is not UNSET:
            field_dict["jurisdiction_id"] = jurisdiction_id
        if status is not UNSET:
            field_dict["status"] = status
        if founded_on is not UNSET:
            field_dict["founded_on"] = founded_on
        if approval_doc_no is not UNSET:
            field_dict["approval_doc_no"] = approval_doc_no
        if approved_on is not UNSET:
            field_dict["approved_on"] = approved_on
        if secretary_name is not UNSET:
            field_dict["secretary_name"] = secretary_name
        if committee_size is not UNSET:
            field_dict["committee_size"] = committee_size
        if term_years is not UNSET:
            field_dict["term_years"] = term_years
        if term_start is not UNSET:
            field_dict["term_start"] = term_start
        if term_due_on is not UNSET:
            field_dict["term_due_on"] = term_due_on
        if units is not UNSET:
            field_dict["units"] = units
        if formal_members is not UNSET:
            field_dict["formal_members"] = formal_members
        if version is not UNSET:
            field_dict["version"] = version
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.covered_unit import CoveredUnit  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        kind = d.pop("kind", UNSET)

        kind_label = d.pop("kind_label", UNSET)

        jurisdiction_id = d.pop("jurisdiction_id", UNSET)

        status = d.pop("status", UNSET)

        def _parse_founded_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                founded_on_type_0 = datetime.date.fromisoformat(data)

                return founded_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        founded_on = _parse_founded_on(d.pop("founded_on", UNSET))

        def _parse_approval_doc_no(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        approval_doc_no = _parse_approval_doc_no(d.pop("approval_doc_no", UNSET))

        def _parse_approved_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_on_type_0 = datetime.date.fromisoformat(data)

                return approved_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        approved_on = _parse_approved_on(d.pop("approved_on", UNSET))

        def _parse_secretary_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        secretary_name = _parse_secretary_name(d.pop("secretary_name", UNSET))

        def _parse_committee_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        committee_size = _parse_committee_size(d.pop("committee_size", UNSET))

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

        def _parse_term_due_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                term_due_on_type_0 = datetime.date.fromisoformat(data)

                return term_due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        term_due_on = _parse_term_due_on(d.pop("term_due_on", UNSET))

        _units = d.pop("units", UNSET)
        units: list[CoveredUnit] | Unset = UNSET
        if _units is not UNSET:
            units = []
            for units_item_data in _units:
                units_item = CoveredUnit.from_dict(units_item_data)

                units.append(units_item)

        formal_members = d.pop("formal_members", UNSET)

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

        party_org = cls(
            id=id,
            name=name,
            kind=kind,
            kind_label=kind_label,
            jurisdiction_id=jurisdiction_id,
            status=status,
            founded_on=founded_on,
            approval_doc_no=approval_doc_no,
            approved_on=approved_on,
            secretary_name=secretary_name,
            committee_size=committee_size,
            term_years=term_years,
            term_start=term_start,
            term_due_on=term_due_on,
            units=units,
            formal_members=formal_members,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        return party_org
