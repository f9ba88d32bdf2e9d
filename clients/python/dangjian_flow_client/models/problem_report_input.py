from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProblemReportInput")


@_attrs_define
class ProblemReportInput:
    """
    Attributes:
        problem_id (int):
        measures_taken (str): Not blank, no control characters (tab and line breaks allowed)
        evidence (list[str] | Unset): File references or URLs (佐证材料)
    """

    problem_id: int
    measures_taken: str
    evidence: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        problem_id = self.problem_id

        measures_taken = self.measures_taken

        evidence: list[str] | Unset = UNSET
        if not isinstance(self.evidence, Unset):
            evidence = self.evidence

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "problem_id": problem_id,
                "measures_taken": measures_taken,
            }
        )
        if evidence is not UNSET:
            field_dict["evidence"] = evidence

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        problem_id = d.pop("problem_id")

        measures_taken = d.pop("measures_taken")

        evidence = cast(list[str], d.pop("evidence", UNSET))

        problem_report_input = cls(
            problem_id=problem_id,
            measures_taken=measures_taken,
            evidence=evidence,
        )

        return problem_report_input
