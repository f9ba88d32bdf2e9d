from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.history_entry import HistoryEntry
    from ..models.request_general_meeting_type_0 import RequestGeneralMeetingType0
    from ..models.step import Step
    from ..models.term_body import TermBody
    from ..models.term_org import TermOrg


T = TypeVar("T", bound="Request")


@_attrs_define
class Request:
    """
    Attributes:
        id (int | Unset):
        state (str | Unset):
        state_label (str | Unset):
        kind (str | Unset):
        kind_label (str | Unset):
        party_org (TermOrg | Unset):
        jurisdiction (TermBody | Unset):
        form (str | Unset):
        formal_members (int | Unset):
        reason (None | str | Unset):
        request_text (None | str | Unset):
        committee_size (int | None | Unset):
        secretary (None | str | Unset):
        candidates (list[str] | None | Unset):
        oversize_reason (None | str | Unset):
        current_due_on (datetime.date | None | Unset):
        new_due_on (datetime.date | None | Unset):
        submitted_at (datetime.datetime | None | Unset):
        return_reason (None | str | Unset):
        approval_doc_no (None | str | Unset):
        approved_on (datetime.date | None | Unset):
        approval_meeting_on (datetime.date | None | Unset):
        approving_body (None | str | Unset):
        decision_reason (None | str | Unset):
        general_meeting (None | RequestGeneralMeetingType0 | Unset):
        held_on (datetime.date | None | Unset):
        term_start (datetime.date | None | Unset):
        term_years (int | None | Unset):
        term_due_on (datetime.date | None | Unset):
        closed_reason (None | str | Unset):
        allowed_actions (list[str] | Unset):
        steps (list[Step] | Unset):
        history (list[HistoryEntry] | Unset):
        version (int | Unset):
        rules_version (None | str | Unset): The rules it started under: a hash of the rule settings and the code version
            (null: created before versions were recorded)
    """

    id: int | Unset = UNSET
    state: str | Unset = UNSET
    state_label: str | Unset = UNSET
    kind: str | Unset = UNSET
    kind_label: str | Unset = UNSET
    party_org: TermOrg | Unset = UNSET
    jurisdiction: TermBody | Unset = UNSET
    form: str | Unset = UNSET
    formal_members: int | Unset = UNSET
    reason: None | str | Unset = UNSET
    request_text: None | str | Unset = UNSET
    committee_size: int | None | Unset = UNSET
    secretary: None | str | Unset = UNSET
    candidates: list[str] | None | Unset = UNSET
    oversize_reason: None | str | Unset = UNSET
    current_due_on: datetime.date | None | Unset = UNSET
    new_due_on: datetime.date | None | Unset = UNSET
    submitted_at: datetime.datetime | None | Unset = UNSET
    return_reason: None | str | Unset = UNSET
    approval_doc_no: None | str | Unset = UNSET
    approved_on: datetime.date | None | Unset = UNSET
    approval_meeting_on: datetime.date | None | Unset = UNSET
    approving_body: None | str | Unset = UNSET
    decision_reason: None | str | Unset = UNSET
    general_meeting: None | RequestGeneralMeetingType0 | Unset = UNSET
    held_on: datetime.date | None | Unset = UNSET
    term_start: datetime.date | None | Unset = UNSET
    term_years: int | None | Unset = UNSET
    term_due_on: datetime.date | None | Unset = UNSET
    closed_reason: None | str | Unset = UNSET
    allowed_actions: list[str] | Unset = UNSET
    steps: list[Step] | Unset = UNSET
    history: list[HistoryEntry] | Unset = UNSET
    version: int | Unset = UNSET
    rules_version: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.request_general_meeting_type_0 import RequestGeneralMeetingType0  # noqa: PLC0415

        id = self.id

        state = self.state

        state_label = self.state_label

        kind = self.kind

        kind_label = self.kind_label

        party_org: dict[str, Any] | Unset = UNSET
        if not isinstance(self.party_org, Unset):
            party_org = self.party_org.to_dict()

        jurisdiction: dict[str, Any] | Unset = UNSET
        if not isinstance(self.jurisdiction, Unset):
            jurisdiction = self.jurisdiction.to_dict()

        form = self.form

        formal_members = self.formal_members

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        request_text: None | str | Unset
        if isinstance(self.request_text, Unset):
            request_text = UNSET
        else:
            request_text = self.request_text

        committee_size: int | None | Unset
        if isinstance(self.committee_size, Unset):
            committee_size = UNSET
        else:
            committee_size = self.committee_size

        secretary: None | str | Unset
        if isinstance(self.secretary, Unset):
            secretary = UNSET
        else:
            secretary = self.secretary

        candidates: list[str] | None | Unset
        if isinstance(self.candidates, Unset):
            candidates = UNSET
        elif isinstance(self.candidates, list):
            candidates = self.candidates

        else:
            candidates = self.candidates

        oversize_reason: None | str | Unset
        if isinstance(self.oversize_reason, Unset):
            oversize_reason = UNSET
        else:
            oversize_reason = self.oversize_reason

        current_due_on: None | str | Unset
        if isinstance(self.current_due_on, Unset):
            current_due_on = UNSET
        elif isinstance(self.current_due_on, datetime.date):
            current_due_on = self.current_due_on.isoformat()
        else:
            current_due_on = self.current_due_on

        new_due_on: None | str | Unset
        if isinstance(self.new_due_on, Unset):
            new_due_on = UNSET
        elif isinstance(self.new_due_on, datetime.date):
            new_due_on = self.new_due_on.isoformat()
        else:
            new_due_on = self.new_due_on

        submitted_at: None | str | Unset
        if isinstance(self.submitted_at, Unset):
            submitted_at = UNSET
        elif isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        return_reason: None | str | Unset
        if isinstance(self.return_reason, Unset):
            return_reason = UNSET
        else:
            return_reason = self.return_reason

        approval_doc_no: None | str | Unset
        if isinstance(self.approval_doc_no, Unset):
            approval_doc_no = UNSET
        else:
            approval_doc_no = self.approval_doc_no

        approved_on: None | str | Unset
        if isinstance(self.approved_on, Unset):
            approved_on = UNSET
        elif isinstance(self.approved_on, datetime.date):
            approved_on = self.approved_on.isoformat()
        else:
            approved_on = self.approved_on

        approval_meeting_on: None | str | Unset
        if isinstance(self.approval_meeting_on, Unset):
            approval_meeting_on = UNSET
        elif isinstance(self.approval_meeting_on, datetime.date):
            approval_meeting_on = self.approval_meeting_on.isoformat()
        else:
            approval_meeting_on = self.approval_meeting_on

        approving_body: None | str | Unset
        if isinstance(self.approving_body, Unset):
            approving_body = UNSET
        else:
            approving_body = self.approving_body

        decision_reason: None | str | Unset
        if isinstance(self.decision_reason, Unset):
            decision_reason = UNSET
        else:
            decision_reason = self.decision_reason

        general_meeting: dict[str, Any] | None | Unset
        if isinstance(self.general_meeting, Unset):
            general_meeting = UNSET
        elif isinstance(self.general_meeting, RequestGeneralMeetingType0):
            general_meeting = self.general_meeting.to_dict()
        else:
            general_meeting = self.general_meeting

        held_on: None | str | Unset
        if isinstance(self.held_on, Unset):
            held_on = UNSET
        elif isinstance(self.held_on, datetime.date):
            held_on = self.held_on.isoformat()
        else:
            held_on = self.held_on

        term_start: None | str | Unset
        if isinstance(self.term_start, Unset):
            term_start = UNSET
        elif isinstance(self.term_start, datetime.date):
            term_start = self.term_start.isoformat()
        else:
            term_start = self.term_start

        term_years: int | None | Unset
        if isinstance(self.term_years, Unset):
            term_years = UNSET
        else:
            term_years = self.term_years

        term_due_on: None | str | Unset
        if isinstance(self.term_due_on, Unset):
            term_due_on = UNSET
        elif isinstance(self.term_due_on, datetime.date):
            term_due_on = self.term_due_on.isoformat()
        else:
            term_due_on = self.term_due_on

        closed_reason: None | str | Unset
        if isinstance(self.closed_reason, Unset):
            closed_reason = UNSET
        else:
            closed_reason = self.closed_reason

        allowed_actions: list[str] | Unset = UNSET
        if not isinstance(self.allowed_actions, Unset):
            allowed_actions = self.allowed_actions

        steps: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.steps, Unset):
            steps = []
            for steps_item_data in self.steps:
                steps_item = steps_item_data.to_dict()
                steps.append(steps_item)

        history: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.history, Unset):
            history = []
            for history_item_data in self.history:
                history_item = history_item_data.to_dict()
                history.append(history_item)

        version = self.version

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
        if kind is not UNSET:
            field_dict["kind"] = kind
        if kind_label is not UNSET:
            field_dict["kind_label"] = kind_label
        if party_org is not UNSET:
            field_dict["party_org"] = party_org
        if jurisdiction is not UNSET:
            field_dict["jurisdiction"] = jurisdiction
        if form is not UNSET:
            field_dict["form"] = form
        if formal_members is not UNSET:
            field_dict["formal_members"] = formal_members
        if reason is not UNSET:
            field_dict["reason"] = reason
        if request_text is not UNSET:
            field_dict["request_text"] = request_text
        if committee_size is not UNSET:
            field_dict["committee_size"] = committee_size
        if secretary is not UNSET:
            field_dict["secretary"] = secretary
        if candidates is not UNSET:
            field_dict["candidates"] = candidates
        if oversize_reason is not UNSET:
            field_dict["oversize_reason"] = oversize_reason
        if current_due_on is not UNSET:
            field_dict["current_due_on"] = current_due_on
        if new_due_on is not UNSET:
            field_dict["new_due_on"] = new_due_on
        if submitted_at is not UNSET:
            field_dict["submitted_at"] = submitted_at
        if return_reason is not UNSET:
            field_dict["return_reason"] = return_reason
        if approval_doc_no is not UNSET:
            field_dict["approval_doc_no"] = approval_doc_no
        if approved_on is not UNSET:
            field_dict["approved_on"] = approved_on
        if approval_meeting_on is not UNSET:
            field_dict["approval_meeting_on"] = approval_meeting_on
        if approving_body is not UNSET:
            field_dict["approving_body"] = approving_body
        if decision_reason is not UNSET:
            field_dict["decision_reason"] = decision_reason
        if general_meeting is not UNSET:
            field_dict["general_meeting"] = general_meeting
        if held_on is not UNSET:
            field_dict["held_on"] = held_on
        if term_start is not UNSET:
            field_dict["term_start"] = term_start
        if term_years is not UNSET:
            field_dict["term_years"] = term_years
        if term_due_on is not UNSET:
            field_dict["term_due_on"] = term_due_on
        if closed_reason is not UNSET:
            field_dict["closed_reason"] = closed_reason
        if allowed_actions is not UNSET:
            field_dict["allowed_actions"] = allowed_actions
        if steps is not UNSET:
            field_dict["steps"] = steps
        if history is not UNSET:
            field_dict["history"] = history
        if version is not UNSET:
            field_dict["version"] = version
        if rules_version is not UNSET:
            field_dict["rules_version"] = rules_version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.history_entry import HistoryEntry  # noqa: PLC0415
        from ..models.request_general_meeting_type_0 import RequestGeneralMeetingType0  # noqa: PLC0415
        from ..models.step import Step  # noqa: PLC0415
        from ..models.term_body import TermBody  # noqa: PLC0415
        from ..models.term_org import TermOrg  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        state = d.pop("state", UNSET)

        state_label = d.pop("state_label", UNSET)

        kind = d.pop("kind", UNSET)

        kind_label = d.pop("kind_label", UNSET)

        _party_org = d.pop("party_org", UNSET)
        party_org: TermOrg | Unset
        if isinstance(_party_org, Unset):
            party_org = UNSET
        else:
            party_org = TermOrg.from_dict(_party_org)

        _jurisdiction = d.pop("jurisdiction", UNSET)
        jurisdiction: TermBody | Unset
        if isinstance(_jurisdiction, Unset):
            jurisdiction = UNSET
        else:
            jurisdiction = TermBody.from_dict(_jurisdiction)

        form = d.pop("form", UNSET)

        formal_members = d.pop("formal_members", UNSET)

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_request_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_text = _parse_request_text(d.pop("request_text", UNSET))

        def _parse_committee_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        committee_size = _parse_committee_size(d.pop("committee_size", UNSET))

        def _parse_secretary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        secretary = _parse_secretary(d.pop("secretary", UNSET))

        def _parse_candidates(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                candidates_type_0 = cast(list[str], data)

                return candidates_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        candidates = _parse_candidates(d.pop("candidates", UNSET))

        def _parse_oversize_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        oversize_reason = _parse_oversize_reason(d.pop("oversize_reason", UNSET))

        def _parse_current_due_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                current_due_on_type_0 = datetime.date.fromisoformat(data)

                return current_due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        current_due_on = _parse_current_due_on(d.pop("current_due_on", UNSET))

        def _parse_new_due_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                new_due_on_type_0 = datetime.date.fromisoformat(data)

                return new_due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        new_due_on = _parse_new_due_on(d.pop("new_due_on", UNSET))

        def _parse_submitted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_at_type_0 = datetime.datetime.fromisoformat(data)

                return submitted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at", UNSET))

        def _parse_return_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        return_reason = _parse_return_reason(d.pop("return_reason", UNSET))

        def _parse_approval_doc_no(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        approval_doc_no = _parse_approval_doc_no(d.pop("approval_doc_no", UNSET))

        def _parse_approved_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_on_type_0 = datetime.date.fromisoformat(data)

                return approved_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        approved_on = _parse_approved_on(d.pop("approved_on", UNSET))

        def _parse_approval_meeting_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approval_meeting_on_type_0 = datetime.date.fromisoformat(data)

                return approval_meeting_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        approval_meeting_on = _parse_approval_meeting_on(d.pop("approval_meeting_on", UNSET))

        def _parse_approving_body(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        approving_body = _parse_approving_body(d.pop("approving_body", UNSET))

        def _parse_decision_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decision_reason = _parse_decision_reason(d.pop("decision_reason", UNSET))

        def _parse_general_meeting(data: object) -> None | RequestGeneralMeetingType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                general_meeting_type_0 = RequestGeneralMeetingType0.from_dict(data)

                return general_meeting_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RequestGeneralMeetingType0 | Unset, data)

        general_meeting = _parse_general_meeting(d.pop("general_meeting", UNSET))

        def _parse_held_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                held_on_type_0 = datetime.date.fromisoformat(data)

                return held_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        held_on = _parse_held_on(d.pop("held_on", UNSET))

        def _parse_term_start(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                term_start_type_0 = datetime.date.fromisoformat(data)

                return term_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        term_start = _parse_term_start(d.pop("term_start", UNSET))

        def _parse_term_years(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        term_years = _parse_term_years(d.pop("term_years", UNSET))

        def _parse_term_due_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                term_due_on_type_0 = datetime.date.fromisoformat(data)

                return term_due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        term_due_on = _parse_term_due_on(d.pop("term_due_on", UNSET))

        def _parse_closed_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        closed_reason = _parse_closed_reason(d.pop("closed_reason", UNSET))

        allowed_actions = cast(list[str], d.pop("allowed_actions", UNSET))

        _steps = d.pop("steps", UNSET)
        steps: list[Step] | Unset = UNSET
        if _steps is not UNSET:
            steps = []
            for steps_item_data in _steps:
                steps_item = Step.from_dict(steps_item_data)

                steps.append(steps_item)

        _history = d.pop("history", UNSET)
        history: list[HistoryEntry] | Unset = UNSET
        if _history is not UNSET:
            history = []
            for history_item_data in _history:
                history_item = HistoryEntry.from_dict(history_item_data)

                history.append(history_item)

        version = d.pop("version", UNSET)

        def _parse_rules_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rules_version = _parse_rules_version(d.pop("rules_version", UNSET))

        request = cls(
            id=id,
            state=state,
            state_label=state_label,
            kind=kind,
            kind_label=kind_label,
            party_org=party_org,
            jurisdiction=jurisdiction,
            form=form,
            formal_members=formal_members,
            reason=reason,
            request_text=request_text,
            committee_size=committee_size,
            secretary=secretary,
            candidates=candidates,
            oversize_reason=oversize_reason,
            current_due_on=current_due_on,
            new_due_on=new_due_on,
            submitted_at=submitted_at,
            return_reason=return_reason,
            approval_doc_no=approval_doc_no,
            approved_on=approved_on,
            approval_meeting_on=approval_meeting_on,
            approving_body=approving_body,
            decision_reason=decision_reason,
            general_meeting=general_meeting,
            held_on=held_on,
            term_start=term_start,
            term_years=term_years,
            term_due_on=term_due_on,
            closed_reason=closed_reason,
            allowed_actions=allowed_actions,
            steps=steps,
            history=history,
            version=version,
            rules_version=rules_version,
        )

        return request
