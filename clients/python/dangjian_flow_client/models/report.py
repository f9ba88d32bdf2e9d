from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.problem_report_input import ProblemReportInput


T = TypeVar("T", bound="Report")


@_attrs_define
class Report:
    """
    Attributes:
        problems_reported (list[ProblemReportInput]): Every problem of the ticket, once
        summary (str | Unset): No control characters (tab and line breaks allowed)
    """

    problems_reported: list[ProblemReportInput]
    summary: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        problems_reported = []
        for problems_reported_item_data in self.problems_reported:
            problems_reported_item = problems_reported_item_data.to_dict()
            problems_reported.append(problems_reported_item)

        summary = self.summary

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "problems_reported": problems_reported,
            }
        )
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.problem_report_input import ProblemReportInput  # noqa: PLC0415

        d = dict(src_dict)
        problems_reported = []
        _problems_reported = d.pop("problems_reported")
        for problems_reported_item_data in _problems_reported:
            problems_reported_item = ProblemReportInput.from_dict(problems_reported_item_data)

            problems_reported.append(problems_reported_item)

        summary = d.pop("summary", UNSET)

        report = cls(
            problems_reported=problems_reported,
            summary=summary,
        )

        return report
