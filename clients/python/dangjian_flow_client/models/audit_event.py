from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audit_event_state_after_type_0 import AuditEventStateAfterType0
    from ..models.audit_event_state_before_type_0 import AuditEventStateBeforeType0


T = TypeVar("T", bound="AuditEvent")


@_attrs_define
class AuditEvent:
    """
    Attributes:
        id (int | Unset):
        occurred_at (datetime.datetime | Unset):
        actor_id (int | None | Unset):
        actor_label (str | Unset):
        action (str | Unset):
        subject_type (str | Unset):
        subject_id (int | Unset):
        jurisdiction_id (int | None | Unset):
        state_before (AuditEventStateBeforeType0 | None | Unset):
        state_after (AuditEventStateAfterType0 | None | Unset):
        comment (None | str | Unset):
        request_id (None | str | Unset):
    """

    id: int | Unset = UNSET
    occurred_at: datetime.datetime | Unset = UNSET
    actor_id: int | None | Unset = UNSET
    actor_label: str | Unset = UNSET
    action: str | Unset = UNSET
    subject_type: str | Unset = UNSET
    subject_id: int | Unset = UNSET
    jurisdiction_id: int | None | Unset = UNSET
    state_before: AuditEventStateBeforeType0 | None | Unset = UNSET
    state_after: AuditEventStateAfterType0 | None | Unset = UNSET
    comment: None | str | Unset = UNSET
    request_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_event_state_after_type_0 import AuditEventStateAfterType0  # noqa: PLC0415
        from ..models.audit_event_state_before_type_0 import AuditEventStateBeforeType0  # noqa: PLC0415

        id = self.id

        occurred_at: str | Unset = UNSET
        if not isinstance(self.occurred_at, Unset):
            occurred_at = self.occurred_at.isoformat()

        actor_id: int | None | Unset
        if isinstance(self.actor_id, Unset):
            actor_id = UNSET
        else:
            actor_id = self.actor_id

        actor_label = self.actor_label

        action = self.action

        subject_type = self.subject_type

        subject_id = self.subject_id

        jurisdiction_id: int | None | Unset
        if isinstance(self.jurisdiction_id, Unset):
            jurisdiction_id = UNSET
        else:
            jurisdiction_id = self.jurisdiction_id

        state_before: dict[str, Any] | None | Unset
        if isinstance(self.state_before, Unset):
            state_before = UNSET
        elif isinstance(self.state_before, AuditEventStateBeforeType0):
            state_before = self.state_before.to_dict()
        else:
            state_before = self.state_before

        state_after: dict[str, Any] | None | Unset
        if isinstance(self.state_after, Unset):
            state_after = UNSET
        elif isinstance(self.state_after, AuditEventStateAfterType0):
            state_after = self.state_after.to_dict()
        else:
            state_after = self.state_after

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        else:
            request_id = self.request_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id
        if actor_label is not UNSET:
            field_dict["actor_label"] = actor_label
        if action is not UNSET:
            field_dict["action"] = action
        if subject_type is not UNSET:
            field_dict["subject_type"] = subject_type
        if subject_id is not UNSET:
            field_dict["subject_id"] = subject_id
        if jurisdiction_id is not UNSET:
            field_dict["jurisdiction_id"] = jurisdiction_id
        if state_before is not UNSET:
            field_dict["state_before"] = state_before
        if state_after is not UNSET:
            field_dict["state_after"] = state_after
        if comment is not UNSET:
            field_dict["comment"] = comment
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_event_state_after_type_0 import AuditEventStateAfterType0  # noqa: PLC0415
        from ..models.audit_event_state_before_type_0 import AuditEventStateBeforeType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _occurred_at = d.pop("occurred_at", UNSET)
        occurred_at: datetime.datetime | Unset
        if isinstance(_occurred_at, Unset):
            occurred_at = UNSET
        else:
            occurred_at = datetime.datetime.fromisoformat(_occurred_at)

        def _parse_actor_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        actor_id = _parse_actor_id(d.pop("actor_id", UNSET))

        actor_label = d.pop("actor_label", UNSET)

        action = d.pop("action", UNSET)

        subject_type = d.pop("subject_type", UNSET)

        subject_id = d.pop("subject_id", UNSET)

        def _parse_jurisdiction_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        jurisdiction_id = _parse_jurisdiction_id(d.pop("jurisdiction_id", UNSET))

        def _parse_state_before(data: object) -> AuditEventStateBeforeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                state_before_type_0 = AuditEventStateBeforeType0.from_dict(data)

                return state_before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEventStateBeforeType0 | None | Unset, data)

        state_before = _parse_state_before(d.pop("state_before", UNSET))

        def _parse_state_after(data: object) -> AuditEventStateAfterType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                state_after_type_0 = AuditEventStateAfterType0.from_dict(data)

                return state_after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEventStateAfterType0 | None | Unset, data)

        state_after = _parse_state_after(d.pop("state_after", UNSET))

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))

        audit_event = cls(
            id=id,
            occurred_at=occurred_at,
            actor_id=actor_id,
            actor_label=actor_label,
            action=action,
            subject_type=subject_type,
            subject_id=subject_id,
            jurisdiction_id=jurisdiction_id,
            state_before=state_before,
            state_after=state_after,
            comment=comment,
            request_id=request_id,
        )

        return audit_event
