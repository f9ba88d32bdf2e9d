from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.body import Body
    from ..models.history_entry import HistoryEntry
    from ..models.interview_interviewer_body_type_0_type_0 import InterviewInterviewerBodyType0Type0
    from ..models.interview_ticket_type_1_type_0 import InterviewTicketType1Type0
    from ..models.ticket_brief import TicketBrief


T = TypeVar("T", bound="Interview")


@_attrs_define
class Interview:
    """
    Attributes:
        id (int | Unset):
        state (str | Unset):
        state_label (str | Unset):
        subject_type (str | Unset):
        subject_id (int | Unset):
        ticket (InterviewTicketType1Type0 | None | TicketBrief | Unset): The linked ticket
        jurisdiction (Body | Unset):
        interviewer_body (Body | InterviewInterviewerBodyType0Type0 | None | Unset):
        interviewer_id (int | None | Unset):
        responsible_person (str | Unset):
        by_escalation (bool | Unset):
        reason (None | str | Unset):
        scheduled_at (datetime.datetime | None | Unset):
        place (None | str | Unset):
        held_at (datetime.datetime | None | Unset):
        minutes (None | str | Unset):
        commitments (list[str] | None | Unset):
        new_deadline (datetime.date | None | Unset):
        follow_up_note (None | str | Unset):
        closed_at (datetime.datetime | None | Unset):
        cancel_reason (None | str | Unset):
        allowed_actions (list[str] | Unset): what the caller may do now (API names)
        history (list[HistoryEntry] | Unset): Only on the single read
        version (int | Unset):
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
    """

    id: int | Unset = UNSET
    state: str | Unset = UNSET
    state_label: str | Unset = UNSET
    subject_type: str | Unset = UNSET
    subject_id: int | Unset = UNSET
    ticket: InterviewTicketType1Type0 | None | TicketBrief | Unset = UNSET
    jurisdiction: Body | Unset = UNSET
    interviewer_body: Body | InterviewInterviewerBodyType0Type0 | None | Unset = UNSET
    interviewer_id: int | None | Unset = UNSET
    responsible_person: str | Unset = UNSET
    by_escalation: bool | Unset = UNSET
    reason: None | str | Unset = UNSET
    scheduled_at: datetime.datetime | None | Unset = UNSET
    place: None | str | Unset = UNSET
    held_at: datetime.datetime | None | Unset = UNSET
    minutes: None | str | Unset = UNSET
    commitments: list[str] | None | Unset = UNSET
    new_deadline: datetime.date | None | Unset = UNSET
    follow_up_note: None | str | Unset = UNSET
    closed_at: datetime.datetime | None | Unset = UNSET
    cancel_reason: None | str | Unset = UNSET
    allowed_actions: list[str] | Unset = UNSET
    history: list[HistoryEntry] | Unset = UNSET
    version: int | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.body import Body  # noqa: PLC0415
        from ..models.interview_interviewer_body_type_0_type_0 import InterviewInterviewerBodyType0Type0  # noqa: PLC0415
        from ..models.interview_ticket_type_1_type_0 import InterviewTicketType1Type0  # noqa: PLC0415
        from ..models.ticket_brief import TicketBrief  # noqa: PLC0415

        id = self.id

        state = self.state

        state_label = self.state_label

        subject_type = self.subject_type

        subject_id = self.subject_id

        ticket: dict[str, Any] | None | Unset
        if isinstance(self.ticket, Unset):
            ticket = UNSET
        elif isinstance(self.ticket, TicketBrief):
            ticket = self.ticket.to_dict()
        elif isinstance(self.ticket, InterviewTicketType1Type0):
            ticket = self.ticket.to_dict()
        else:
            ticket = self.ticket

        jurisdiction: dict[str, Any] | Unset = UNSET
        if not isinstance(self.jurisdiction, Unset):
            jurisdiction = self.jurisdiction.to_dict()

        interviewer_body: dict[str, Any] | None | Unset
        if isinstance(self.interviewer_body, Unset):
            interviewer_body = UNSET
        elif isinstance(self.interviewer_body, InterviewInterviewerBodyType0Type0):
            interviewer_body = self.interviewer_body.to_dict()
        elif isinstance(self.interviewer_body, Body):
            interviewer_body = self.interviewer_body.to_dict()
        else:
            interviewer_body = self.interviewer_body

        interviewer_id: int | None | Unset
        if isinstance(self.interviewer_id, Unset):
            interviewer_id = UNSET
        else:
            interviewer_id = self.interviewer_id

        responsible_person = self.responsible_person

        by_escalation = self.by_escalation

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        scheduled_at: None | str | Unset
        if isinstance(self.scheduled_at, Unset):
            scheduled_at = UNSET
        elif isinstance(self.scheduled_at, datetime.datetime):
            scheduled_at = self.scheduled_at.isoformat()
        else:
            scheduled_at = self.scheduled_at

        place: None | str | Unset
        if isinstance(self.place, Unset):
            place = UNSET
        else:
            place = self.place

        held_at: None | str | Unset
        if isinstance(self.held_at, Unset):
            held_at = UNSET
        elif isinstance(self.held_at, datetime.datetime):
            held_at = self.held_at.isoformat()
        else:
            held_at = self.held_at

        minutes: None | str | Unset
        if isinstance(self.minutes, Unset):
            minutes = UNSET
        else:
            minutes = self.minutes

        commitments: list[str] | None | Unset
        if isinstance(self.commitments, Unset):
            commitments = UNSET
        elif isinstance(self.commitments, list):
            commitments = self.commitments

        else:
            commitments = self.commitments

        new_deadline: None | str | Unset
        if isinstance(self.new_deadline, Unset):
            new_deadline = UNSET
        elif isinstance(self.new_deadline, datetime.date):
            new_deadline = self.new_deadline.isoformat()
        else:
            new_deadline = self.new_deadline

        follow_up_note: None | str | Unset
        if isinstance(self.follow_up_note, Unset):
            follow_up_note = UNSET
        else:
            follow_up_note = self.follow_up_note

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        cancel_reason: None | str | Unset
        if isinstance(self.cancel_reason, Unset):
            cancel_reason = UNSET
        else:
            cancel_reason = self.cancel_reason

        allowed_actions: list[str] | Unset = UNSET
        if not isinstance(self.allowed_actions, Unset):
            allowed_actions = self.allowed_actions

        history: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.history, Unset):
            history = []
            for history_item_data in self.history:
                history_item = history_item_data.to_dict()
                history.append(history_item)

        version = self.version

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if state is not UNSET:
            field_dict["state"] = state
        if state_label is not UNSET:
            field_dict["state_label"] = state_label
        if subject_type is not UNSET:
            field_dict["subject_type"] = subject_type
        if subject_id is not UNSET:
            field_dict["subject_id"] = subject_id
        if ticket is not UNSET:
            field_dict["ticket"] = ticket
        if jurisdiction is not UNSET:
            field_dict["jurisdiction"] = jurisdiction
        if interviewer_body is not UNSET:
            field_dict["interviewer_body"] = interviewer_body
        if interviewer_id is not UNSET:
            field_dict["interviewer_id"] = interviewer_id
        if responsible_person is not UNSET:
            field_dict["responsible_person"] = responsible_person
        if by_escalation is not UNSET:
            field_dict["by_escalation"] = by_escalation
        if reason is not UNSET:
            field_dict["reason"] = reason
        if scheduled_at is not UNSET:
            field_dict["scheduled_at"] = scheduled_at
        if place is not UNSET:
            field_dict["place"] = place
        if held_at is not UNSET:
            field_dict["held_at"] = held_at
        if minutes is not UNSET:
            field_dict["minutes"] = minutes
        if commitments is not UNSET:
            field_dict["commitments"] = commitments
        if new_deadline is not UNSET:
            field_dict["new_deadline"] = new_deadline
        if follow_up_note is not UNSET:
            field_dict["follow_up_note"] = follow_up_note
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if cancel_reason is not UNSET:
            field_dict["cancel_reason"] = cancel_reason
        if allowed_actions is not UNSET:
            field_dict["allowed_actions"] = allowed_actions
        if history is not UNSET:
            field_dict["history"] = history
        if version is not UNSET:
            field_dict["version"] = version
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.body import Body  # noqa: PLC0415
        from ..models.history_entry import HistoryEntry  # noqa: PLC0415
        from ..models.interview_interviewer_body_type_0_type_0 import InterviewInterviewerBodyType0Type0  # noqa: PLC0415
        from ..models.interview_ticket_type_1_type_0 import InterviewTicketType1Type0  # noqa: PLC0415
        from ..models.ticket_brief import TicketBrief  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        state = d.pop("state", UNSET)

        state_label = d.pop("state_label", UNSET)

        subject_type = d.pop("subject_type", UNSET)

        subject_id = d.pop("subject_id", UNSET)

        def _parse_ticket(data: object) -> InterviewTicketType1Type0 | None | TicketBrief | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ticket_type_0 = TicketBrief.from_dict(data)

                return ticket_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ticket_type_1_type_0 = InterviewTicketType1Type0.from_dict(data)

                return ticket_type_1_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InterviewTicketType1Type0 | None | TicketBrief | Unset, data)

        ticket = _parse_ticket(d.pop("ticket", UNSET))

        _jurisdiction = d.pop("jurisdiction", UNSET)
        jurisdiction: Body | Unset
        if isinstance(_jurisdiction, Unset):
            jurisdiction = UNSET
        else:
            jurisdiction = Body.from_dict(_jurisdiction)

        def _parse_interviewer_body(data: object) -> Body | InterviewInterviewerBodyType0Type0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                interviewer_body_type_0_type_0 = InterviewInterviewerBodyType0Type0.from_dict(data)

                return interviewer_body_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                interviewer_body_type_1 = Body.from_dict(data)

                return interviewer_body_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Body | InterviewInterviewerBodyType0Type0 | None | Unset, data)

        interviewer_body = _parse_interviewer_body(d.pop("interviewer_body", UNSET))

        def _parse_interviewer_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        interviewer_id = _parse_interviewer_id(d.pop("interviewer_id", UNSET))

        responsible_person = d.pop("responsible_person", UNSET)

        by_escalation = d.pop("by_escalation", UNSET)

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_scheduled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scheduled_at_type_0 = datetime.datetime.fromisoformat(data)

                return scheduled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        scheduled_at = _parse_scheduled_at(d.pop("scheduled_at", UNSET))

        def _parse_place(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        place = _parse_place(d.pop("place", UNSET))

        def _parse_held_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                held_at_type_0 = datetime.datetime.fromisoformat(data)

                return held_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        held_at = _parse_held_at(d.pop("held_at", UNSET))

        def _parse_minutes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        minutes = _parse_minutes(d.pop("minutes", UNSET))

        def _parse_commitments(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                commitments_type_0 = cast(list[str], data)

                return commitments_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        commitments = _parse_commitments(d.pop("commitments", UNSET))

        def _parse_new_deadline(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                new_deadline_type_0 = datetime.date.fromisoformat(data)

                return new_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        new_deadline = _parse_new_deadline(d.pop("new_deadline", UNSET))

        def _parse_follow_up_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        follow_up_note = _parse_follow_up_note(d.pop("follow_up_note", UNSET))

        def _parse_closed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        closed_at = _parse_closed_at(d.pop("closed_at", UNSET))

        def _parse_cancel_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cancel_reason = _parse_cancel_reason(d.pop("cancel_reason", UNSET))

        allowed_actions = cast(list[str], d.pop("allowed_actions", UNSET))

        _history = d.pop("history", UNSET)
        history: list[HistoryEntry] | Unset = UNSET
        if _history is not UNSET:
            history = []
            for history_item_data in _history:
                history_item = HistoryEntry.from_dict(history_item_data)

                history.append(history_item)

        version = d.pop("version", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        interview = cls(
            id=id,
            state=state,
            state_label=state_label,
            subject_type=subject_type,
            subject_id=subject_id,
            ticket=ticket,
            jurisdiction=jurisdiction,
            interviewer_body=interviewer_body,
            interviewer_id=interviewer_id,
            responsible_person=responsible_person,
            by_escalation=by_escalation,
            reason=reason,
            scheduled_at=scheduled_at,
            place=place,
            held_at=held_at,
            minutes=minutes,
            commitments=commitments,
            new_deadline=new_deadline,
            follow_up_note=follow_up_note,
            closed_at=closed_at,
            cancel_reason=cancel_reason,
            allowed_actions=allowed_actions,
            history=history,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        return interview
