from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.projection import Projection


T = TypeVar("T", bound="Projections")


@_attrs_define
class Projections:
    """
    Attributes:
        org_coverage (Projection | Unset):
        work_coverage (Projection | Unset):
    """

    org_coverage: Projection | Unset = UNSET
    work_coverage: Projection | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        org_coverage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.org_coverage, Unset):
            org_coverage = self.org_coverage.to_dict()

        work_coverage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.work_coverage, Unset):
            work_coverage = self.work_coverage.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if org_coverage is not UNSET:
            field_dict["org_coverage"] = org_coverage
        if work_coverage is not UNSET:
            field_dict["work_coverage"] = work_coverage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.projection import Projection  # noqa: PLC0415

        d = dict(src_dict)
        _org_coverage = d.pop("org_coverage", UNSET)
        org_coverage: Projection | Unset
        if isinstance(_org_coverage, Unset):
            org_coverage = UNSET
        else:
            org_coverage = Projection.from_dict(_org_coverage)

        _work_coverage = d.pop("work_coverage", UNSET)
        work_coverage: Projection | Unset
        if isinstance(_work_coverage, Unset):
            work_coverage = UNSET
        else:
            work_coverage = Projection.from_dict(_work_coverage)

        projections = cls(
            org_coverage=org_coverage,
            work_coverage=work_coverage,
        )

        return projections
