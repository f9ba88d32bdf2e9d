from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.route_level_name import RouteLevelName, check_route_level_name
from ..models.route_mode import RouteMode, check_route_mode
from ..models.route_workflow import RouteWorkflow, check_route_workflow
from ..types import UNSET, Unset

T = TypeVar("T", bound="Route")


@_attrs_define
class Route:
    """
    Attributes:
        body_id (int):
        workflow (RouteWorkflow):
        level_name (RouteLevelName):
        mode (RouteMode):
        id (int | Unset):
        approver_ids (list[int] | None | Unset): Named approvers in order; empty: the body's approvers
        version (int | Unset):
    """

    body_id: int
    workflow: RouteWorkflow
    level_name: RouteLevelName
    mode: RouteMode
    id: int | Unset = UNSET
    approver_ids: list[int] | None | Unset = UNSET
    version: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        body_id = self.body_id

        workflow: str = self.workflow

        level_name: str = self.level_name

        mode: str = self.mode

        id = self.id

        approver_ids: list[int] | None | Unset
        if isinstance(self.approver_ids, Unset):
            approver_ids = UNSET
        elif isinstance(self.approver_ids, list):
            approver_ids = self.approver_ids

        else:
            approver_ids = self.approver_ids

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "body_id": body_id,
                "workflow": workflow,
                "level_name": level_name,
                "mode": mode,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if approver_ids is not UNSET:
            field_dict["approver_ids"] = approver_ids
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body_id = d.pop("body_id")

        workflow = check_route_workflow(d.pop("workflow"))

        level_name = check_route_level_name(d.pop("level_name"))

        mode = check_route_mode(d.pop("mode"))

        id = d.pop("id", UNSET)

        def _parse_approver_ids(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                approver_ids_type_0 = cast(list[int], data)

                return approver_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        approver_ids = _parse_approver_ids(d.pop("approver_ids", UNSET))

        version = d.pop("version", UNSET)

        route = cls(
            body_id=body_id,
            workflow=workflow,
            level_name=level_name,
            mode=mode,
            id=id,
            approver_ids=approver_ids,
            version=version,
        )

        return route
