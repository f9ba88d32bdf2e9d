from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.must_establish_open_case_type_0_type_0 import MustEstablishOpenCaseType0Type0
    from ..models.open_case import OpenCase
    from ..models.place import Place


T = TypeVar("T", bound="MustEstablish")


@_attrs_define
class MustEstablish:
    """
    Attributes:
        id (int | Unset):
        credit_code (str | Unset):
        name (str | Unset):
        kind (str | Unset):
        kind_label (str | Unset):
        jurisdiction (Place | Unset):
        industry (None | str | Unset):
        employees (int | Unset):
        formal_members (int | Unset):
        probationary_members (int | Unset):
        operating_status (str | Unset):
        operating_status_label (str | Unset):
        no_org_reason (None | str | Unset): The recorded reason (五个清)
        instructor_id (int | None | Unset):
        instructor_name (None | str | Unset):
        instructor_last_visit_on (datetime.date | None | Unset): The instructor's last visit
        open_case (MustEstablishOpenCaseType0Type0 | None | OpenCase | Unset):
    """

    id: int | Unset = UNSET
    credit_code: str | Unset = UNSET
    name: str | Unset = UNSET
    kind: str | Unset = UNSET
    kind_label: str | Unset = UNSET
    jurisdiction: Place | Unset = UNSET
    industry: None | str | Unset = UNSET
    employees: int | Unset = UNSET
    formal_members: int | Unset = UNSET
    probationary_members: int | Unset = UNSET
    operating_status: str | Unset = UNSET
    operating_status_label: str | Unset = UNSET
    no_org_reason: None | str | Unset = UNSET
    instructor_id: int | None | Unset = UNSET
    instructor_name: None | str | Unset = UNSET
    instructor_last_visit_on: datetime.date | None | Unset = UNSET
    open_case: MustEstablishOpenCaseType0Type0 | None | OpenCase | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.must_establish_open_case_type_0_type_0 import MustEstablishOpenCaseType0Type0  # noqa: PLC0415
        from ..models.open_case import OpenCase  # noqa: PLC0415

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

        employees = self.employees

        formal_members = self.formal_members

        probationary_members = self.probationary_members

        operating_status = self.operating_status

        operating_status_label = self.operating_status_label

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

        instructor_name: None | str | Unset
        if isinstance(self.instructor_name, Unset):
            instructor_name = UNSET
        else:
            instructor_name = self.instructor_name

        instructor_last_visit_on: None | str | Unset
        if isinstance(self.instructor_last_visit_on, Unset):
            instructor_last_visit_on = UNSET
        elif isinstance(self.instructor_last_visit_on, datetime.date):
            instructor_last_visit_on = self.instructor_last_visit_on.isoformat()
        else:
            instructor_last_visit_on = self.instructor_last_visit_on

        open_case: dict[str, Any] | None | Unset
        if isinstance(self.open_case, Unset):
            open_case = UNSET
        elif isinstance(self.open_case, MustEstablishOpenCaseType0Type0):
            open_case = self.open_case.to_dict()
        elif isinstance(self.open_case, OpenCase):
            open_case = self.open_case.to_dict()
        else:
            open_case = self.open_case

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
        if employees is not UNSET:
            field_dict["employees"] = employees
        if formal_members is not UNSET:
            field_dict["formal_members"] = formal_members
        if probationary_members is not UNSET:
            field_dict["probationary_members"] = probationary_members
        if operating_status is not UNSET:
            field_dict["operating_status"] = operating_status
        if operating_status_label is not UNSET:
            field_dict["operating_status_label"] = operating_status_label
        if no_org_reason is not UNSET:
            field_dict["no_org_reason"] = no_org_reason
        if instructor_id is not UNSET:
            field_dict["instructor_id"] = instructor_id
        if instructor_name is not UNSET:
            field_dict["instructor_name"] = instructor_name
        if instructor_last_visit_on is not UNSET:
            field_dict["instructor_last_visit_on"] = instructor_last_visit_on
        if open_case is not UNSET:
            field_dict["open_case"] = open_case

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.must_establish_open_case_type_0_type_0 import MustEstablishOpenCaseType0Type0  # noqa: PLC0415
        from ..models.open_case import OpenCase  # noqa: PLC0415
        from ..models.place import Place  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        credit_code = d.pop("credit_code", UNSET)

        name = d.pop("name", UNSET)

        kind = d.pop("kind", UNSET)

        kind_label = d.pop("kind_label", UNSET)

        _jurisdiction = d.pop("jurisdiction", UNSET)
        jurisdiction: Place | Unset
        if isinstance(_jurisdiction, Unset):
            jurisdiction = UNSET
        else:
            jurisdiction = Place.from_dict(_jurisdiction)

        def _parse_industry(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        industry = _parse_industry(d.pop("industry", UNSET))

        employees = d.pop("employees", UNSET)

        formal_members = d.pop("formal_members", UNSET)

        probationary_members = d.pop("probationary_members", UNSET)

        operating_status = d.pop("operating_status", UNSET)

        operating_status_label = d.pop("operating_status_label", UNSET)

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

        def _parse_instructor_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instructor_name = _parse_instructor_name(d.pop("instructor_name", UNSET))

        def _parse_instructor_last_visit_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                instructor_last_visit_on_type_0 = datetime.date.fromisoformat(data)

                return instructor_last_visit_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        instructor_last_visit_on = _parse_instructor_last_visit_on(d.pop("instructor_last_visit_on", UNSET))

        def _parse_open_case(data: object) -> MustEstablishOpenCaseType0Type0 | None | OpenCase | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                open_case_type_0_type_0 = MustEstablishOpenCaseType0Type0.from_dict(data)

                return open_case_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                open_case_type_1 = OpenCase.from_dict(data)

                return open_case_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MustEstablishOpenCaseType0Type0 | None | OpenCase | Unset, data)

        open_case = _parse_open_case(d.pop("open_case", UNSET))

        must_establish = cls(
            id=id,
            credit_code=credit_code,
            name=name,
            kind=kind,
            kind_label=kind_label,
            jurisdiction=jurisdiction,
            industry=industry,
            employees=employees,
            formal_members=formal_members,
            probationary_members=probationary_members,
            operating_status=operating_status,
            operating_status_label=operating_status_label,
            no_org_reason=no_org_reason,
            instructor_id=instructor_id,
            instructor_name=instructor_name,
            instructor_last_visit_on=instructor_last_visit_on,
            open_case=open_case,
        )

        return must_establish
