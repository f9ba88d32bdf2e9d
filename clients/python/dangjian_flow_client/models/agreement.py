from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.body_ref import BodyRef
    from ..models.duties import Duties
    from ..models.history_entry import HistoryEntry
    from ..models.org_ref import OrgRef


T = TypeVar("T", bound="Agreement")


@_attrs_define
class Agreement:
    """
    Attributes:
        id (int | Unset):
        state (str | Unset):
        state_label (str | Unset):
        title (str | Unset):
        year (int | Unset):
        jurisdiction (BodyRef | Unset):
        org_a (OrgRef | Unset):
        org_b (OrgRef | Unset):
        duties_due_on (datetime.date | Unset):
        planned (Duties | Unset):
        done (Duties | Unset):
        lagging (list[str] | Unset): Duties behind the plan
        signed_on (datetime.date | None | Unset):
        effective_on (datetime.date | None | Unset):
        reviewed_on (datetime.date | None | Unset):
        duties_met (bool | None | Unset):
        review_note (None | str | Unset):
        terminated_reason (None | str | Unset):
        escalation_level (None | str | Unset):
        next_escalation_at (datetime.date | None | Unset):
        next_escalation_level (None | str | Unset):
        history (list[HistoryEntry] | Unset):
        rules_version (None | str | Unset): The rules it started under: a hash of the rule settings and the code version
            (null: created before versions were recorded)
    """

    id: int | Unset = UNSET
    state: str | Unset = UNSET
    state_label: str | Unset = UNSET
    title: str | Unset = UNSET
    year: int | Unset = UNSET
    jurisdiction: BodyRef | Unset = UNSET
    org_a: OrgRef | Unset = UNSET
    org_b: OrgRef | Unset = UNSET
    duties_due_on: datetime.date | Unset = UNSET
    planned: Duties | Unset = UNSET
    done: Duties | Unset = UNSET
    lagging: list[str] | Unset = UNSET
    signed_on: datetime.date | None | Unset = UNSET
    effective_on: datetime.date | None | Unset = UNSET
    reviewed_on: datetime.date | None | Unset = UNSET
    duties_met: bool | None | Unset = UNSET
    review_note: None | str | Unset = UNSET
    terminated_reason: None | str | Unset = UNSET
    escalation_level: None | str | Unset = UNSET
    next_escalation_at: datetime.date | None | Unset = UNSET
    next_escalation_level: None | str | Unset = UNSET
    history: list[HistoryEntry] | Unset = UNSET
    rules_version: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        state = self.state

        state_label = self.state_label

        title = self.title

        year = self.year

        jurisdiction: dict[str, Any] | Unset = UNSET
        if not isinstance(self.jurisdiction, Unset):
            jurisdiction = self.jurisdiction.to_dict()

        org_a: dict[str, Any] | Unset = UNSET
        if not isinstance(self.org_a, Unset):
            org_a = self.org_a.to_dict()

        org_b: dict[str, Any] | Unset = UNSET
        if not isinstance(self.org_b, Unset):
            org_b = self.org_b.to_dict()

        duties_due_on: str | Unset = UNSET
        if not isinstance(self.duties_due_on, Unset):
            duties_due_on = self.duties_due_on.isoformat()

        planned: dict[str, Any] | Unset = UNSET
        if not isinstance(self.planned, Unset):
            planned = self.planned.to_dict()

        done: dict[str, Any] | Unset = UNSET
        if not isinstance(self.done, Unset):
            done = self.done.to_dict()

        lagging: list[str] | Unset = UNSET
        if not isinstance(self.lagging, Unset):
            lagging = self.lagging

        signed_on: None | str | Unset
        if isinstance(self.signed_on, Unset):
            signed_on = UNSET
        elif isinstance(self.signed_on, datetime.date):
            signed_on = self.signed_on.isoformat()
        else:
            signed_on = self.signed_on

        effective_on: None | str | Unset
        if isinstance(self.effective_on, Unset):
            effective_on = UNSET
        elif isinstance(self.effective_on, datetime.date):
            effective_on = self.effective_on.isoformat()
        else:
            effective_on = self.effective_on

        reviewed_on: None | str | Unset
        if isinstance(self.reviewed_on, Unset):
            reviewed_on = UNSET
        elif isinstance(self.reviewed_on, datetime.date):
            reviewed_on = self.reviewed_on.isoformat()
        else:
            reviewed_on = self.reviewed_on

        duties_met: bool | None | Unset
        if isinstance(self.duties_met, Unset):
            duties_met = UNSET
        else:
            duties_met = self.duties_met

        review_note: None | str | Unset
        if isinstance(self.review_note, Unset):
            review_note = UNSET
        else:
            review_note = self.review_note

        terminated_reason: None | str | Unset
        if isinstance(self.terminated_reason, Unset):
            terminated_reason = UNSET
        else:
            terminated_reason = self.terminated_reason

        escalation_level: None | str | Unset
        if isinstance(self.escalation_level, Unset):
            escalation_level = UNSET
        else:
            escalation_level = self.escalation_level

        next_escalation_at: None | str | Unset
        if isinstance(self.next_escalation_at, Unset):
            next_escalation_at = UNSET
        elif isinstance(self.next_escalation_at, datetime.date):
            next_escalation_at = self.next_escalation_at.isoformat()
        else:
            next_escalation_at = self.next_escalation_at

        next_escalation_level: None | str | Unset
        if isinstance(self.next_escalation_level, Unset):
            next_escalation_level = UNSET
        else:
            next_escalation_level = self.next_escalation_level

        history: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.history, Unset):
            history = []
            for history_item_data in self.history:
                history_item = history_item_data.to_dict()
                history.append(history_item)

        rules_version: None | str | Unset
        if isinstance(self.rules_version, Unset):
            rules_version = UNSET
        else:
            rules_version = self.rules_version

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if state is not UNSET:
            field_dict["state"] = state
        if state_label is not UNSET:
            field_dict["state_label"] = state_label
        if title is not UNSET:
            field_dict["title"] = title
        if year is not UNSET:
            field_dict["year"] = year
        if jurisdiction is not UNSET:
            field_dict["jurisdiction"] = jurisdiction
        if org_a is not UNSET:
            field_dict["org_a"] = org_a
        if org_b is not UNSET:
            field_dict["org_b"] = org_b
        if duties_due_on is not UNSET:
            field_dict["duties_due_on"] = duties_due_on
        if planned is not UNSET:
            field_dict["planned"] = planned
        if done is not UNSET:
            field_dict["done"] = done
        if lagging is not UNSET:
            field_dict["lagging"] = lagging
        if signed_on is not UNSET:
            field_dict["signed_on"] = signed_on
        if effective_on is not UNSET:
            field_dict["effective_on"] = effective_on
        if reviewed_on is not UNSET:
            field_dict["reviewed_on"] = reviewed_on
        if duties_met is not UNSET:
            field_dict["duties_met"] = duties_met
        if review_note is not UNSET:
            field_dict["review_note"] = review_note
        if terminated_reason is not UNSET:
            field_dict["terminated_reason"] = terminated_reason
        if escalation_level is not UNSET:
            field_dict["escalation_level"] = escalation_level
        if next_escalation_at is not UNSET:
            field_dict["next_escalation_at"] = next_escalation_at
        if next_escalation_level is not UNSET:
            field_dict["next_escalation_level"] = next_escalation_level
        if history is not UNSET:
            field_dict["history"] = history
        if rules_version is not UNSET:
            field_dict["rules_version"] = rules_version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.body_ref import BodyRef  # noqa: PLC0415
        from ..models.duties import Duties  # noqa: PLC0415
        from ..models.history_entry import HistoryEntry  # noqa: PLC0415
        from ..models.org_ref import OrgRef  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        state = d.pop("state", UNSET)

        state_label = d.pop("state_label", UNSET)

        title = d.pop("title", UNSET)

        year = d.pop("year", UNSET)

        _jurisdiction = d.pop("jurisdiction", UNSET)
        jurisdiction: BodyRef | Unset
        if isinstance(_jurisdiction, Unset):
            jurisdiction = UNSET
        else:
            jurisdiction = BodyRef.from_dict(_jurisdiction)

        _org_a = d.pop("org_a", UNSET)
        org_a: OrgRef | Unset
        if isinstance(_org_a, Unset):
            org_a = UNSET
        else:
            org_a = OrgRef.from_dict(_org_a)

        _org_b = d.pop("org_b", UNSET)
        org_b: OrgRef | Unset
        if isinstance(_org_b, Unset):
            org_b = UNSET
        else:
            org_b = OrgRef.from_dict(_org_b)

        _duties_due_on = d.pop("duties_due_on", UNSET)
        duties_due_on: datetime.date | Unset
        if isinstance(_duties_due_on, Unset):
            duties_due_on = UNSET
        else:
            duties_due_on = datetime.date.fromisoformat(_duties_due_on)

        _planned = d.pop("planned", UNSET)
        planned: Duties | Unset
        if isinstance(_planned, Unset):
            planned = UNSET
        else:
            planned = Duties.from_dict(_planned)

        _done = d.pop("done", UNSET)
        done: Duties | Unset
        if isinstance(_done, Unset):
            done = UNSET
        else:
            done = Duties.from_dict(_done)

        lagging = cast(list[str], d.pop("lagging", UNSET))

        def _parse_signed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signed_on_type_0 = datetime.date.fromisoformat(data)

                return signed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        signed_on = _parse_signed_on(d.pop("signed_on", UNSET))

        def _parse_effective_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_on_type_0 = datetime.date.fromisoformat(data)

                return effective_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        effective_on = _parse_effective_on(d.pop("effective_on", UNSET))

        def _parse_reviewed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reviewed_on_type_0 = datetime.date.fromisoformat(data)

                return reviewed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        reviewed_on = _parse_reviewed_on(d.pop("reviewed_on", UNSET))

        def _parse_duties_met(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        duties_met = _parse_duties_met(d.pop("duties_met", UNSET))

        def _parse_review_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        review_note = _parse_review_note(d.pop("review_note", UNSET))

        def _parse_terminated_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        terminated_reason = _parse_terminated_reason(d.pop("terminated_reason", UNSET))

        def _parse_escalation_level(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        escalation_level = _parse_escalation_level(d.pop("escalation_level", UNSET))

        def _parse_next_escalation_at(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_escalation_at_type_0 = datetime.date.fromisoformat(data)

                return next_escalation_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        next_escalation_at = _parse_next_escalation_at(d.pop("next_escalation_at", UNSET))

        def _parse_next_escalation_level(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_escalation_level = _parse_next_escalation_level(d.pop("next_escalation_level", UNSET))

        _history = d.pop("history", UNSET)
        history: list[HistoryEntry] | Unset = UNSET
        if _history is not UNSET:
            history = []
            for history_item_data in _history:
                history_item = HistoryEntry.from_dict(history_item_data)

                history.append(history_item)

        def _parse_rules_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rules_version = _parse_rules_version(d.pop("rules_version", UNSET))

        agreement = cls(
            id=id,
            state=state,
            state_label=state_label,
            title=title,
            year=year,
            jurisdiction=jurisdiction,
            org_a=org_a,
            org_b=org_b,
            duties_due_on=duties_due_on,
            planned=planned,
            done=done,
            lagging=lagging,
            signed_on=signed_on,
            effective_on=effective_on,
            reviewed_on=reviewed_on,
            duties_met=duties_met,
            review_note=review_note,
            terminated_reason=terminated_reason,
            escalation_level=escalation_level,
            next_escalation_at=next_escalation_at,
            next_escalation_level=next_escalation_level,
            history=history,
            rules_version=rules_version,
        )

        return agreement
