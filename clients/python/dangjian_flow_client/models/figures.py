from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Figures")


@_attrs_define
class Figures:
    """
    Attributes:
        units (int | Unset): Units in scope (应建单位), deregistered units excluded
        own_org (int | Unset): Covered by their own party organisation (单独组建)
        joint_org (int | Unset): Covered by a joint organisation (联合组建), each unit once
        instructor_only (int | Unset): No organisation, an instructor (仅选派党建指导员)
        neither (int | Unset): Neither (应建未建)
        org_coverage_rate (float | None | Unset): 组织覆盖率. A fraction (1.0 = 100%) rounded to 4 places; null when the
            jurisdiction has no unit in scope (no rate)
        work_coverage_rate (float | None | Unset): 工作覆盖率. A fraction (1.0 = 100%) rounded to 4 places; null when the
            jurisdiction has no unit in scope (no rate)
        standalone_rate (float | None | Unset): 单独组建率. A fraction (1.0 = 100%) rounded to 4 places; null when the
            jurisdiction has no unit in scope (no rate)
        open_cases (int | None | Unset): Open establishment cases (null in the by-kind breakdown)
        oldest_case_days (int | None | Unset): Days since preparation started
        mean_case_days (float | None | Unset):
        active_units (int | Unset): Units in scope with a party activity in the last year
        activity_rate (float | None | Unset): 党组织活动开展率. A fraction (1.0 = 100%) rounded to 4 places; null when the
            jurisdiction has no unit in scope (no rate)
        inspections (int | Unset): This year's annual inspections (年检) of units in scope
        inspections_checked (int | Unset): Of them, with party work checked
        party_work_checked_rate (float | None | Unset): 年检同步检查党建工作比例. A fraction (1.0 = 100%) rounded to 4 places; null
            when the jurisdiction has no unit in scope (no rate)
    """

    units: int | Unset = UNSET
    own_org: int | Unset = UNSET
    joint_org: int | Unset = UNSET
    instructor_only: int | Unset = UNSET
    neither: int | Unset = UNSET
    org_coverage_rate: float | None | Unset = UNSET
    work_coverage_rate: float | None | Unset = UNSET
    standalone_rate: float | None | Unset = UNSET
    open_cases: int | None | Unset = UNSET
    oldest_case_days: int | None | Unset = UNSET
    mean_case_days: float | None | Unset = UNSET
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

        open_cases: int | None | Unset
        if isinstance(self.open_cases, Unset):
            open_cases = UNSET
        else:
            open_cases = self.open_cases

        oldest_case_days: int | None | Unset
        if isinstance(self.oldest_case_days, Unset):
            oldest_case_days = UNSET
        else:
            oldest_case_days = self.oldest_case_days

        mean_case_days: float | None | Unset
        if isinstance(self.mean_case_days, Unset):
            mean_case_days = UNSET
        else:
            mean_case_days = self.mean_case_days

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
        if open_cases is not UNSET:
            field_dict["open_cases"] = open_cases
        if oldest_case_days is not UNSET:
            field_dict["oldest_case_days"] = oldest_case_days
        if mean_case_days is not UNSET:
            field_dict["mean_case_days"] = mean_case_days
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

        def _parse_open_cases(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        open_cases = _parse_open_cases(d.pop("open_cases", UNSET))

        def _parse_oldest_case_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        oldest_case_days = _parse_oldest_case_days(d.pop("oldest_case_days", UNSET))

        def _parse_mean_case_days(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        mean_case_days = _parse_mean_case_days(d.pop("mean_case_days", UNSET))

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

        figures = cls(
            units=units,
            own_org=own_org,
            joint_org=joint_org,
            instructor_only=instructor_only,
            neither=neither,
            org_coverage_rate=org_coverage_rate,
            work_coverage_rate=work_coverage_rate,
            standalone_rate=standalone_rate,
            open_cases=open_cases,
            oldest_case_days=oldest_case_days,
            mean_case_days=mean_case_days,
            active_units=active_units,
            activity_rate=activity_rate,
            inspections=inspections,
            inspections_checked=inspections_checked,
            party_work_checked_rate=party_work_checked_rate,
        )

        return figures
