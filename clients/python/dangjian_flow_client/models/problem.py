from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Problem")


@_attrs_define
class Problem:
    """
    Attributes:
        id (int | Unset):
        position (int | Unset):
        description (str | Unset):
        measure (str | Unset):
        measures_taken (None | str | Unset):
        evidence (list[str] | None | Unset):
    """

    id: int | Unset = UNSET
    position: int | Unset = UNSET
    description: str | Unset = UNSET
    measure: str | Unset = UNSET
    measures_taken: None | str | Unset = UNSET
    evidence: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        position = self.position

        description = self.description

        measure = self.measure

        measures_taken: None | str | Unset
        if isinstance(self.measures_taken, Unset):
            measures_taken = UNSET
        else:
            measures_taken = self.measures_taken

        evidence: list[str] | None | Unset
        if isinstance(self.evidence, Unset):
            evidence = UNSET
        elif isinstance(self.evidence, list):
            evidence = self.evidence

        else:
            evidence = self.evidence

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if position is not UNSET:
            field_dict["position"] = position
        if description is not UNSET:
            field_dict["description"] = description
        if measure is not UNSET:
            field_dict["measure"] = measure
        if measures_taken is not UNSET:
            field_dict["measures_taken"] = measures_taken
        if evidence is not UNSET:
            field_dict["evidence"] = evidence

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        position = d.pop("position", UNSET)

        description = d.pop("description", UNSET)

        measure = d.pop("measure", UNSET)

        def _parse_measures_taken(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        measures_taken = _parse_measures_taken(d.pop("measures_taken", UNSET))

        def _parse_evidence(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                evidence_type_0 = cast(list[str], data)

                return evidence_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        evidence = _parse_evidence(d.pop("evidence", UNSET))

        problem = cls(
            id=id,
            position=position,
            description=description,
            measure=measure,
            measures_taken=measures_taken,
            evidence=evidence,
        )

        return problem
