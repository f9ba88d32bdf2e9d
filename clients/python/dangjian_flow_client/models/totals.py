from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Totals")


@_attrs_define
class Totals:
    """
    Attributes:
        units (int | Unset):
        own_org (int | Unset):
        joint_org (int | Unset):
        instructor_only (int | Unset):
        neither (int | Unset):
        org_coverage_rate (float | None | Unset):
        work_coverage_rate (float | None | Unset):
        standalone_rate (float | None | Unset):
        active_units (int | Unset):
        activity_rate (float | None | Unset):
        inspections (int | Unset):
        inspections_checked (int | Unset):
        party_work_checked_rate (float | None | Unset):
    """

    units: int | Unset = UNSET
    own_org: int | Unset = UNSET
    joint_org: int | Unset = UNSET
    instructor_only: int | Unset = UNSET
    neither: int | Unset = UNSET
    org_coverage_rate: float | None | Unset = UNSET
    work_coverage_rate: float | None | Unset = UNSET
    standalone_rate: float | None | Unset = UNSET
    active_units: int | Unset = UNSET
    activity_rate: float | None | Unset = UNSET
    inspections: int | Unset = UNSET
    inspections_checked: int | Unset = UNSET
    party_work_checked_rate: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        units = self.units

        own_org = self.own_org

        joint_org = self.joint_org

        instructor_only = self.instructor_only

        neither = self.neither

        org_coverage_rate: float | None | Unset
        if isinstance(self.org_coverage_rate, Unset):
            org_coverage_rate = UNSET
        else:
            org_coverage_rate = self.org_coverage_rate

        work_coverage_rate: float | None | Unset
        if isinstance(self.work_coverage_rate, Unset):
            work_coverage_rate = UNSET
        else:
            work_coverage_rate = self.work_coverage_rate

        standalone_rate: float | None | Unset
        if isinstance(self.standalone_rate, Unset):
            standalone_rate = UNSET
        else:
            standalone_rate = self.standalone_rate

        active_units = self.active_units

        activity_rate: float | None | Unset
        if isinstance(self.activity_rate, Unset):
            activity_rate = UNSET
        else:
            activity_rate = self.activity_rate

        inspections = self.inspections

        inspections_checked = self.inspections_checked

        party_work_checked_rate: float | None | Unset
        if isinstance(self.party_work_checked_rate, Unset):
            party_work_checked_rate = UNSET
        else:
            party_work_checked_rate = self.party_work_checked_rate

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if units is not UNSET:
            field_dict["units"] = units
        if own_org is not UNSET:
            field_dict["own_org"] = own_org
        if joint_org is not UNSET:
            field_dict["joint_org"] = joint_org
        if instructor_only is not UNSET:
            field_dict["instructor_only"] = instructor_only
        if neither is not UNSET:
            field_dict["neither"] = neither
        if org_coverage_rate is not UNSET:
            field_dict["org_coverage_rate"] = org_coverage_rate
        if work_coverage_rate is not UNSET:
            field_dict["work_coverage_rate"] = work_coverage_rate
        if standalone_rate is not UNSET:
            field_dict["standalone_rate"] = standalone_rate
        if active_units is not UNSET:
            field_dict["active_units"] = active_units
        if activity_rate is not UNSET:
            field_dict["activity_rate"] = activity_rate
        if inspections is not UNSET:
            field_dict["inspections"] = inspections
        if inspections_checked is not UNSET:
            field_dict["inspections_checked"] = inspections_checked
        if party_work_checked_rate is not UNSET:
            field_dict["party_work_checked_rate"] = party_work_checked_rate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        units = d.pop("units", UNSET)

        own_org = d.pop("own_org", UNSET)

        joint_org = d.pop("joint_org", UNSET)

        instructor_only = d.pop("instructor_only", UNSET)

        neither = d.pop("neither", UNSET)

        def _parse_org_coverage_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        org_coverage_rate = _parse_org_coverage_rate(d.pop("org_coverage_rate", UNSET))

        def _parse_work_coverage_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        work_coverage_rate = _parse_work_coverage_rate(d.pop("work_coverage_rate", UNSET))

        def _parse_standalone_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        standalone_rate = _parse_standalone_rate(d.pop("standalone_rate", UNSET))

        active_units = d.pop("active_units", UNSET)

        def _parse_activity_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        activity_rate = _parse_activity_rate(d.pop("activity_rate", UNSET))

        inspections = d.pop("inspections", UNSET)

        inspections_checked = d.pop("inspections_checked", UNSET)

        def _parse_party_work_checked_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        party_work_checked_rate = _parse_party_work_checked_rate(d.pop("party_work_checked_rate", UNSET))

        totals = cls(
            units=units,
            own_org=own_org,
            joint_org=joint_org,
            instructor_only=instructor_only,
            neither=neither,
            org_coverage_rate=org_coverage_rate,
            work_coverage_rate=work_coverage_rate,
            standalone_rate=standalone_rate,
            active_units=active_units,
            activity_rate=activity_rate,
            inspections=inspections,
            inspections_checked=inspections_checked,
            party_work_checked_rate=party_work_checked_rate,
        )

        return totals
