from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.history_entry_state_after_type_0 import HistoryEntryStateAfterType0
    from ..models.history_entry_state_before_type_0 import HistoryEntryStateBeforeType0


T = TypeVar("T", bound="HistoryEntry")


@_attrs_define
class HistoryEntry:
    """
    Attributes:
        at (datetime.datetime | Unset):
        actor (str | Unset):
        action (str | Unset):
        comment (None | str | Unset):
        state_before (HistoryEntryStateBeforeType0 | None | Unset):
        state_after (HistoryEntryStateAfterType0 | None | Unset):
    """

    at: datetime.datetime | Unset = UNSET
    actor: str | Unset = UNSET
    action: str | Unset = UNSET
    comment: None | str | Unset = UNSET
    state_before: HistoryEntryStateBeforeType0 | None | Unset = UNSET
    state_after: HistoryEntryStateAfterType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.history_entry_state_after_type_0 import HistoryEntryStateAfterType0  # noqa: PLC0415
        from ..models.history_entry_state_before_type_0 import HistoryEntryStateBeforeType0  # noqa: PLC0415

        at: str | Unset = UNSET
        if not isinstance(self.at, Unset):
            at = self.at.isoformat()

        actor = self.actor

        action = self.action

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        state_before: dict[str, Any] | None | Unset
        if isinstance(self.state_before, Unset):
            state_before = UNSET
        elif isinstance(self.state_before, HistoryEntryStateBeforeType0):
            state_before = self.state_before.to_dict()
        else:
            state_before = self.state_before

        state_after: dict[str, Any] | None | Unset
        if isinstance(self.state_after, Unset):
            state_after = UNSET
        elif isinstance(self.state_after, HistoryEntryStateAfterType0):
            state_after = self.state_after.to_dict()
        else:
            state_after = self.state_after

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if at is not UNSET:
            field_dict["at"] = at
        if actor is not UNSET:
            field_dict["actor"] = actor
        if action is not UNSET:
            field_dict["action"] = action
        if comment is not UNSET:
            field_dict["comment"] = comment
        if state_before is not UNSET:
            field_dict["state_before"] = state_before
        if state_after is not UNSET:
            field_dict["state_after"] = state_after

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.history_entry_state_after_type_0 import HistoryEntryStateAfterType0  # noqa: PLC0415
        from ..models.history_entry_state_before_type_0 import HistoryEntryStateBeforeType0  # noqa: PLC0415

        d = dict(src_dict)
        _at = d.pop("at", UNSET)
        at: datetime.datetime | Unset
        if isinstance(_at, Unset):
            at = UNSET
        else:
            at = datetime.datetime.fromisoformat(_at)

        actor = d.pop("actor", UNSET)

        action = d.pop("action", UNSET)

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        def _parse_state_before(data: object) -> HistoryEntryStateBeforeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                state_before_type_0 = HistoryEntryStateBeforeType0.from_dict(data)

                return state_before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HistoryEntryStateBeforeType0 | None | Unset, data)

        state_before = _parse_state_before(d.pop("state_before", UNSET))

        def _parse_state_after(data: object) -> HistoryEntryStateAfterType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                state_after_type_0 = HistoryEntryStateAfterType0.from_dict(data)

                return state_after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HistoryEntryStateAfterType0 | None | Unset, data)

        state_after = _parse_state_after(d.pop("state_after", UNSET))

        history_entry = cls(
            at=at,
            actor=actor,
            action=action,
            comment=comment,
            state_before=state_before,
            state_after=state_after,
        )

        return history_entry
