from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.coverage_rank import CoverageRank
    from ..models.party_work_rank import PartyWorkRank
    from ..models.progress_rank import ProgressRank
    from ..models.supervision_rank import SupervisionRank


T = TypeVar("T", bound="Rankings")


@_attrs_define
class Rankings:
    """
    Attributes:
        coverage (list[CoverageRank] | Unset):
        progress (list[ProgressRank] | Unset):
        supervision (list[SupervisionRank] | Unset):
        party_work (list[PartyWorkRank] | Unset): By activity rate, then party-work checked rate (五个同步 4)
    """

    coverage: list[CoverageRank] | Unset = UNSET
    progress: list[ProgressRank] | Unset = UNSET
    supervision: list[SupervisionRank] | Unset = UNSET
    party_work: list[PartyWorkRank] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        coverage: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.coverage, Unset):
            coverage = []
            for coverage_item_data in self.coverage:
                coverage_item = coverage_item_data.to_dict()
                coverage.append(coverage_item)

        progress: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.progress, Unset):
            progress = []
            for progress_item_data in self.progress:
                progress_item = progress_item_data.to_dict()
                progress.append(progress_item)

        supervision: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.supervision, Unset):
            supervision = []
            for supervision_item_data in self.supervision:
                supervision_item = supervision_item_data.to_dict()
                supervision.append(supervision_item)

        party_work: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.party_work, Unset):
            party_work = []
            for party_work_item_data in self.party_work:
                party_work_item = party_work_item_data.to_dict()
                party_work.append(party_work_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if coverage is not UNSET:
            field_dict["coverage"] = coverage
        if progress is not UNSET:
            field_dict["progress"] = progress
        if supervision is not UNSET:
            field_dict["supervision"] = supervision
        if party_work is not UNSET:
            field_dict["party_work"] = party_work

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.coverage_rank import CoverageRank  # noqa: PLC0415
        from ..models.party_work_rank import PartyWorkRank  # noqa: PLC0415
        from ..models.progress_rank import ProgressRank  # noqa: PLC0415
        from ..models.supervision_rank import SupervisionRank  # noqa: PLC0415

        d = dict(src_dict)
        _coverage = d.pop("coverage", UNSET)
        coverage: list[CoverageRank] | Unset = UNSET
        if _coverage is not UNSET:
            coverage = []
            for coverage_item_data in _coverage:
                coverage_item = CoverageRank.from_dict(coverage_item_data)

                coverage.append(coverage_item)

        _progress = d.pop("progress", UNSET)
        progress: list[ProgressRank] | Unset = UNSET
        if _progress is not UNSET:
            progress = []
            for progress_item_data in _progress:
                progress_item = ProgressRank.from_dict(progress_item_data)

                progress.append(progress_item)

        _supervision = d.pop("supervision", UNSET)
        supervision: list[SupervisionRank] | Unset = UNSET
        if _supervision is not UNSET:
            supervision = []
            for supervision_item_data in _supervision:
                supervision_item = SupervisionRank.from_dict(supervision_item_data)

                supervision.append(supervision_item)

        _party_work = d.pop("party_work", UNSET)
        party_work: list[PartyWorkRank] | Unset = UNSET
        if _party_work is not UNSET:
            party_work = []
            for party_work_item_data in _party_work:
                party_work_item = PartyWorkRank.from_dict(party_work_item_data)

                party_work.append(party_work_item)

        rankings = cls(
            coverage=coverage,
            progress=progress,
            supervision=supervision,
            party_work=party_work,
        )

        return rankings
