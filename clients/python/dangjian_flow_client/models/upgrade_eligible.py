from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.adjustment_ref import AdjustmentRef
    from ..models.eligible_org import EligibleOrg


T = TypeVar("T", bound="UpgradeEligible")


@_attrs_define
class UpgradeEligible:
    """
    Attributes:
        unit (AdjustmentRef | Unset):
        party_org (EligibleOrg | Unset):
        jurisdiction (AdjustmentRef | Unset):
        formal_members (int | Unset):
        eligible_form (str | Unset):
        eligible_form_label (str | Unset):
    """

    unit: AdjustmentRef | Unset = UNSET
    party_org: EligibleOrg | Unset = UNSET
    jurisdiction: AdjustmentRef | Unset = UNSET
    formal_members: int | Unset = UNSET
    eligible_form: str | Unset = UNSET
    eligible_form_label: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        unit: dict[str, Any] | Unset = UNSET
        if not isinstance(self.unit, Unset):
            unit = self.unit.to_dict()

        party_org: dict[str, Any] | Unset = UNSET
        if not isinstance(self.party_org, Unset):
            party_org = self.party_org.to_dict()

        jurisdiction: dict[str, Any] | Unset = UNSET
        if not isinstance(self.jurisdiction, Unset):
            jurisdiction = self.jurisdiction.to_dict()

        formal_members = self.formal_members

        eligible_form = self.eligible_form

        eligible_form_label = self.eligible_form_label

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if unit is not UNSET:
            field_dict["unit"] = unit
        if party_org is not UNSET:
            field_dict["party_org"] = party_org
        if jurisdiction is not UNSET:
            field_dict["jurisdiction"] = jurisdiction
        if formal_members is not UNSET:
            field_dict["formal_members"] = formal_members
        if eligible_form is not UNSET:
            field_dict["eligible_form"] = eligible_form
        if eligible_form_label is not UNSET:
            field_dict["eligible_form_label"] = eligible_form_label

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.adjustment_ref import AdjustmentRef  # noqa: PLC0415
        from ..models.eligible_org import EligibleOrg  # noqa: PLC0415

        d = dict(src_dict)
        _unit = d.pop("unit", UNSET)
        unit: AdjustmentRef | Unset
        if isinstance(_unit, Unset):
            unit = UNSET
        else:
            unit = AdjustmentRef.from_dict(_unit)

        _party_org = d.pop("party_org", UNSET)
        party_org: EligibleOrg | Unset
        if isinstance(_party_org, Unset):
            party_org = UNSET
        else:
            party_org = EligibleOrg.from_dict(_party_org)

        _jurisdiction = d.pop("jurisdiction", UNSET)
        jurisdiction: AdjustmentRef | Unset
        if isinstance(_jurisdiction, Unset):
            jurisdiction = UNSET
        else:
            jurisdiction = AdjustmentRef.from_dict(_jurisdiction)

        formal_members = d.pop("formal_members", UNSET)

        eligible_form = d.pop("eligible_form", UNSET)

        eligible_form_label = d.pop("eligible_form_label", UNSET)

        upgrade_eligible = cls(
            unit=unit,
            party_org=party_org,
            jurisdiction=jurisdiction,
            formal_members=formal_members,
            eligible_form=eligible_form,
            eligible_form_label=eligible_form_label,
        )

        return upgrade_eligible
