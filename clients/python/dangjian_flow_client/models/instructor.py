from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.assignment import Assignment
    from ..models.instructor_profile_type_0_type_0 import InstructorProfileType0Type0
    from ..models.profile_out import ProfileOut
    from ..models.ref import Ref


T = TypeVar("T", bound="Instructor")


@_attrs_define
class Instructor:
    """
    Attributes:
        id (int | Unset):
        username (str | Unset):
        display_name (str | Unset):
        jurisdiction (Ref | Unset):
        profile (InstructorProfileType0Type0 | None | ProfileOut | Unset):
        serving (int | Unset): Units served now
        overdue (int | Unset): Of them, with the visit overdue
        cap (int | Unset):
        flags (list[str] | Unset): over_cap, no_units, overdue_visits
        assignments (list[Assignment] | Unset):
    """

    id: int | Unset = UNSET
    username: str | Unset = UNSET
    display_name: str | Unset = UNSET
    jurisdiction: Ref | Unset = UNSET
    profile: InstructorProfileType0Type0 | None | ProfileOut | Unset = UNSET
    serving: int | Unset = UNSET
    overdue: int | Unset = UNSET
    cap: int | Unset = UNSET
    flags: list[str] | Unset = UNSET
    assignments: list[Assignment] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.instructor_profile_type_0_type_0 import InstructorProfileType0Type0  # noqa: PLC0415
        from ..models.profile_out import ProfileOut  # noqa: PLC0415

        id = self.id

        username = self.username

        display_name = self.display_name

        jurisdiction: dict[str, Any] | Unset = UNSET
        if not isinstance(self.jurisdiction, Unset):
            jurisdiction = self.jurisdiction.to_dict()

        profile: dict[str, Any] | None | Unset
        if isinstance(self.profile, Unset):
            profile = UNSET
        elif isinstance(self.profile, InstructorProfileType0Type0):
            profile = self.profile.to_dict()
        elif isinstance(self.profile, ProfileOut):
            profile = self.profile.to_dict()
        else:
            profile = self.profile

        serving = self.serving

        overdue = self.overdue

        cap = self.cap

        flags: list[str] | Unset = UNSET
        if not isinstance(self.flags, Unset):
            flags = self.flags

        assignments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.assignments, Unset):
            assignments = []
            for assignments_item_data in self.assignments:
                assignments_item = assignments_item_data.to_dict()
                assignments.append(assignments_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if username is not UNSET:
            field_dict["username"] = username
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if jurisdiction is not UNSET:
            field_dict["jurisdiction"] = jurisdiction
        if profile is not UNSET:
            field_dict["profile"] = profile
        if serving is not UNSET:
            field_dict["serving"] = serving
        if overdue is not UNSET:
            field_dict["overdue"] = overdue
        if cap is not UNSET:
            field_dict["cap"] = cap
        if flags is not UNSET:
            field_dict["flags"] = flags
        if assignments is not UNSET:
            field_dict["assignments"] = assignments

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assignment import Assignment  # noqa: PLC0415
        from ..models.instructor_profile_type_0_type_0 import InstructorProfileType0Type0  # noqa: PLC0415
        from ..models.profile_out import ProfileOut  # noqa: PLC0415
        from ..models.ref import Ref  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        username = d.pop("username", UNSET)

        display_name = d.pop("display_name", UNSET)

        _jurisdiction = d.pop("jurisdiction", UNSET)
        jurisdiction: Ref | Unset
        if isinstance(_jurisdiction, Unset):
            jurisdiction = UNSET
        else:
            jurisdiction = Ref.from_dict(_jurisdiction)

        def _parse_profile(data: object) -> InstructorProfileType0Type0 | None | ProfileOut | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                profile_type_0_type_0 = InstructorProfileType0Type0.from_dict(data)

                return profile_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                profile_type_1 = ProfileOut.from_dict(data)

                return profile_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InstructorProfileType0Type0 | None | ProfileOut | Unset, data)

        profile = _parse_profile(d.pop("profile", UNSET))

        serving = d.pop("serving", UNSET)

        overdue = d.pop("overdue", UNSET)

        cap = d.pop("cap", UNSET)

        flags = cast(list[str], d.pop("flags", UNSET))

        _assignments = d.pop("assignments", UNSET)
        assignments: list[Assignment] | Unset = UNSET
        if _assignments is not UNSET:
            assignments = []
            for assignments_item_data in _assignments:
                assignments_item = Assignment.from_dict(assignments_item_data)

                assignments.append(assignments_item)

        instructor = cls(
            id=id,
            username=username,
            display_name=display_name,
            jurisdiction=jurisdiction,
            profile=profile,
            serving=serving,
            overdue=overdue,
            cap=cap,
            flags=flags,
            assignments=assignments,
        )

        return instructor
