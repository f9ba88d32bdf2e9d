from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.case_general_meeting_type_0 import CaseGeneralMeetingType0
    from ..models.case_jurisdiction import CaseJurisdiction
    from ..models.case_roster_type_0_item import CaseRosterType0Item
    from ..models.case_unit import CaseUnit
    from ..models.history_entry import HistoryEntry
    from ..models.step import Step


T = TypeVar("T", bound="Case")


@_attrs_define
class Case:
    """
    Attributes:
        id (int | Unset):
        state (str | Unset):
        state_label (str | Unset):
        form (str | Unset):
        form_label (str | Unset):
        jurisdiction (CaseJurisdiction | Unset):
        county_id (int | None | Unset):
        applicant_id (int | None | Unset):
        proposed_name (str | Unset):
        proposed_secretary (None | str | Unset):
        proposed_committee_size (int | None | Unset):
        branch_oversize_reason (None | str | Unset):
        request_text (None | str | Unset):
        roster (list[CaseRosterType0Item] | None | Unset):
        formal_total (int | Unset):
        probationary_total (int | Unset):
        mobile_total (int | Unset):
        preparation_started_on (datetime.date | Unset):
        submitted_at (datetime.datetime | None | Unset):
        return_reason (None | str | Unset):
        decided_at (datetime.datetime | None | Unset):
        decision_reason (None | str | Unset):
        approving_body (None | str | Unset):
        approval_doc_no (None | str | Unset):
        approved_on (datetime.date | None | Unset):
        approval_meeting_on (datetime.date | None | Unset):
        general_meeting (CaseGeneralMeetingType0 | None | Unset):
        founded_on (datetime.date | None | Unset):
        term_years (int | None | Unset):
        term_due_on (datetime.date | None | Unset):
        party_org_id (int | None | Unset):
        closed_reason (None | str | Unset):
        allowed_actions (list[str] | Unset): what the caller may do now (API names)
        units (list[CaseUnit] | Unset):
        steps (list[Step] | Unset):
        history (list[HistoryEntry] | Unset): Only on the single-case read
        version (int | Unset):
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
        rules_version (None | str | Unset): The rules it started under: a hash of the rule settings and the code version
            (null: created before versions were recorded)
    """

    id: int | Unset = UNSET
    state: str | Unset = UNSET
    state_label: str | Unset = UNSET
    form: str | Unset = UNSET
    form_label: str | Unset = UNSET
    jurisdiction: CaseJurisdiction | Unset = UNSET
    county_id: int | None | Unset = UNSET
    applicant_id: int | None | Unset = UNSET
    proposed_name: str | Unset = UNSET
    proposed_secretary: None | str | Unset = UNSET
    proposed_committee_size: int | None | Unset = UNSET
    branch_oversize_reason: None | str | Unset = UNSET
    request_text: None | str | Unset = UNSET
    roster: list[CaseRosterType0Item] | None | Unset = UNSET
    formal_total: int | Unset = UNSET
    probationary_total: int | Unset = UNSET
    mobile_total: int | Unset = UNSET
    preparation_started_on: datetime.date | Unset = UNSET
    submitted_at: datetime.datetime | None | Unset = UNSET
    return_reason: None | str | Unset = UNSET
    decided_at: datetime.datetime | None | Unset = UNSET
    decision_reason: None | str | Unset = UNSET
    approving_body: None | str | Unset = UNSET
    approval_doc_no: None | str | Unset = UNSET
    approved_on: datetime.date | None | Unset = UNSET
    approval_meeting_on: datetime.date | None | Unset = UNSET
    general_meeting: CaseGeneralMeetingType0 | None | Unset = UNSET
    founded_on: datetime.date | None | Unset = UNSET
    term_years: int | None | Unset = UNSET
    term_due_on: datetime.date | None | Unset = UNSET
    party_org_id: int | None | Unset = UNSET
    closed_reason: None | str | Unset = UNSET
    allowed_actions: list[str] | Unset = UNSET
    units: list[CaseUnit] | Unset = UNSET
    steps: list[Step] | Unset = UNSET
    history: list[HistoryEntry] | Unset = UNSET
    version: int | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    rules_version: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.case_general_meeting_type_0 import CaseGeneralMeetingType0  # noqa: PLC0415

        id = self.id

        state = self.state

        state_label = self.state_label

        form = self.form

        form_label = self.form_label

        jurisdiction: dict[str, Any] | Unset = UNSET
        if not isinstance(self.jurisdiction, Unset):
            jurisdiction = self.jurisdiction.to_dict()

        county_id: int | None | Unset
        if isinstance(self.county_id, Unset):
            county_id = UNSET
        else:
            county_id = self.county_id

        applicant_id: int | None | Unset
        if isinstance(self.applicant_id, Unset):
            applicant_id = UNSET
        else:
            applicant_id = self.applicant_id

        proposed_name = self.proposed_name

        proposed_secretary: None | str | Unset
        if isinstance(self.proposed_secretary, Unset):
            proposed_secretary = UNSET
        else:
            proposed_secretary = self.proposed_secretary

        proposed_committee_size: int | None | Unset
        if isinstance(self.proposed_committee_size, Unset):
            proposed_committee_size = UNSET
        else:
            proposed_committee_size = self.proposed_committee_size

        branch_oversize_reason: None | str | Unset
        if isinstance(self.branch_oversize_reason, Unset):
            branch_oversize_reason = UNSET
        else:
            branch_oversize_reason = self.branch_oversize_reason

        request_text: None | str | Unset
        if isinstance(self.request_text, Unset):
            request_text = UNSET
        else:
            request_text = self.request_text

        roster: list[dict[str, Any]] | None | Unset
        if isinstance(self.roster, Unset):
            roster = UNSET
        elif isinstance(self.roster, list):
            roster = []
            for roster_type_0_item_data in self.roster:
                roster_type_0_item = roster_type_0_item_data.to_dict()
                roster.append(roster_type_0_item)

        else:
            roster = self.roster

        formal_total = self.formal_total

        probationary_total = self.probationary_total

        mobile_total = self.mobile_total

        preparation_started_on: str | Unset = UNSET
        if not isinstance(self.preparation_started_on, Unset):
            preparation_started_on = self.preparation_started_on.isoformat()

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

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        elif isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decision_reason: None | str | Unset
        if isinstance(self.decision_reason, Unset):
            decision_reason = UNSET
        else:
            decision_reason = self.decision_reason

        approving_body: None | str | Unset
        if isinstance(self.approving_body, Unset):
            approving_body = UNSET
        else:
            approving_body = self.approving_body

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

        general_meeting: dict[str, Any] | None | Unset
        if isinstance(self.general_meeting, Unset):
            general_meeting = UNSET
        elif isinstance(self.general_meeting, CaseGeneralMeetingType0):
            general_meeting = self.general_meeting.to_dict()
        else:
            general_meeting = self.general_meeting

        founded_on: None | str | Unset
        if isinstance(self.founded_on, Unset):
            founded_on = UNSET
        elif isinstance(self.founded_on, datetime.date):
            founded_on = self.founded_on.isoformat()
        else:
            founded_on = self.founded_on

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

        party_org_id: int | None | Unset
        if isinstance(self.party_org_id, Unset):
            party_org_id = UNSET
        else:
            party_org_id = self.party_org_id

        closed_reason: None | str | Unset
        if isinstance(self.closed_reason, Unset):
            closed_reason = UNSET
        else:
            closed_reason = self.closed_reason

        allowed_actions: list[str] | Unset = UNSET
        if not isinstance(self.allowed_actions, Unset):
            allowed_actions = self.allowed_actions

        units: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.units, Unset):
            units = []
            for units_item_data in self.units:
                units_item = units_item_data.to_dict()
                units.append(units_item)

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

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

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
        if form is not UNSET:
            field_dict["form"] = form
        if form_label is not UNSET:
            field_dict["form_label"] = form_label
        if jurisdiction is not UNSET:
            field_dict["jurisdiction"] = jurisdiction
        if county_id is not UNSET:
            field_dict["county_id"] = county_id
        if applicant_id is not UNSET:
            field_dict["applicant_id"] = applicant_id
        if proposed_name is not UNSET:
            field_dict["proposed_name"] = proposed_name
        if proposed_secretary is not UNSET:
            field_dict["proposed_secretary"] = proposed_secretary
        if proposed_committee_size is not UNSET:
            field_dict["proposed_committee_size"] = proposed_committee_size
        if branch_oversize_reason is not UNSET:
            field_dict["branch_oversize_reason"] = branch_oversize_reason
        if request_text is not UNSET:
            field_dict["request_text"] = request_text
        if roster is not UNSET:
            field_dict["roster"] = roster
        if formal_total is not UNSET:
            field_dict["formal_total"] = formal_total
        if probationary_total is not UNSET:
            field_dict["probationary_total"] = probationary_total
        if mobile_total is not UNSET:
            field_dict["mobile_total"] = mobile_total
        if preparation_started_on is not UNSET:
            field_dict["preparation_started_on"] = preparation_started_on
        if submitted_at is not UNSET:
            field_dict["submitted_at"] = submitted_at
        if return_reason is not UNSET:
            field_dict["return_reason"] = return_reason
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if decision_reason is not UNSET:
            field_dict["decision_reason"] = decision_reason
        if approving_body is not UNSET:
            field_dict["approving_body"] = approving_body
        if approval_doc_no is not UNSET:
            field_dict["approval_doc_no"] = approval_doc_no
        if approved_on is not UNSET:
            field_dict["approved_on"] = approved_on
        if approval_meeting_on is not UNSET:
            field_dict["approval_meeting_on"] = approval_meeting_on
        if general_meeting is not UNSET:
            field_dict["general_meeting"] = general_meeting
        if founded_on is not UNSET:
            field_dict["founded_on"] = founded_on
        if term_years is not UNSET:
            field_dict["term_years"] = term_years
        if term_due_on is not UNSET:
            field_dict["term_due_on"] = term_due_on
        if party_org_id is not UNSET:
            field_dict["party_org_id"] = party_org_id
        if closed_reason is not UNSET:
            field_dict["closed_reason"] = closed_reason
        if allowed_actions is not UNSET:
            field_dict["allowed_actions"] = allowed_actions
        if units is not UNSET:
            field_dict["units"] = units
        if steps is not UNSET:
            field_dict["steps"] = steps
        if history is not UNSET:
            field_dict["history"] = history
        if version is not UNSET:
            field_dict["version"] = version
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if rules_version is not UNSET:
            field_dict["rules_version"] = rules_version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.case_general_meeting_type_0 import CaseGeneralMeetingType0  # noqa: PLC0415
        from ..models.case_jurisdiction import CaseJurisdiction  # noqa: PLC0415
        from ..models.case_roster_type_0_item import CaseRosterType0Item  # noqa: PLC0415
        from ..models.case_unit import CaseUnit  # noqa: PLC0415
        from ..models.history_entry import HistoryEntry  # noqa: PLC0415
        from ..models.step import Step  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        state = d.pop("state", UNSET)

        state_label = d.pop("state_label", UNSET)

        form = d.pop("form", UNSET)

        form_label = d.pop("form_label", UNSET)

        _jurisdiction = d.pop("jurisdiction", UNSET)
        jurisdiction: CaseJurisdiction | Unset
        if isinstance(_jurisdiction, Unset):
            jurisdiction = UNSET
        else:
            jurisdiction = CaseJurisdiction.from_dict(_jurisdiction)

        def _parse_county_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        county_id = _parse_county_id(d.pop("county_id", UNSET))

        def _parse_applicant_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        applicant_id = _parse_applicant_id(d.pop("applicant_id", UNSET))

        proposed_name = d.pop("proposed_name", UNSET)

        def _parse_proposed_secretary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        proposed_secretary = _parse_proposed_secretary(d.pop("proposed_secretary", UNSET))

        def _parse_proposed_committee_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        proposed_committee_size = _parse_proposed_committee_size(d.pop("proposed_committee_size", UNSET))

        def _parse_branch_oversize_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        branch_oversize_reason = _parse_branch_oversize_reason(d.pop("branch_oversize_reason", UNSET))

        def _parse_request_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_text = _parse_request_text(d.pop("request_text", UNSET))

        def _parse_roster(data: object) -> list[CaseRosterType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                roster_type_0 = []
                _roster_type_0 = data
                for roster_type_0_item_data in _roster_type_0:
                    roster_type_0_item = CaseRosterType0Item.from_dict(roster_type_0_item_data)

                    roster_type_0.append(roster_type_0_item)

                return roster_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[CaseRosterType0Item] | None | Unset, data)

        roster = _parse_roster(d.pop("roster", UNSET))

        formal_total = d.pop("formal_total", UNSET)

        probationary_total = d.pop("probationary_total", UNSET)

        mobile_total = d.pop("mobile_total", UNSET)

        _preparation_started_on = d.pop("preparation_started_on", UNSET)
        preparation_started_on: datetime.date | Unset
        if isinstance(_preparation_started_on, Unset):
            preparation_started_on = UNSET
        else:
            preparation_started_on = datetime.date.fromisoformat(_preparation_started_on)

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

        def _parse_decided_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))

        def _parse_decision_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decision_reason = _parse_decision_reason(d.pop("decision_reason", UNSET))

        def _parse_approving_body(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        approving_body = _parse_approving_body(d.pop("approving_body", UNSET))

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

        def _parse_general_meeting(data: object) -> CaseGeneralMeetingType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                general_meeting_type_0 = CaseGeneralMeetingType0.from_dict(data)

                return general_meeting_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CaseGeneralMeetingType0 | None | Unset, data)

        general_meeting = _parse_general_meeting(d.pop("general_meeting", UNSET))

        def _parse_founded_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                founded_on_type_0 = datetime.date.fromisoformat(data)

                return founded_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        founded_on = _parse_founded_on(d.pop("founded_on", UNSET))

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

        def _parse_party_org_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        party_org_id = _parse_party_org_id(d.pop("party_org_id", UNSET))

        def _parse_closed_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        closed_reason = _parse_closed_reason(d.pop("closed_reason", UNSET))

        allowed_actions = cast(list[str], d.pop("allowed_actions", UNSET))

        _units = d.pop("units", UNSET)
        units: list[CaseUnit] | Unset = UNSET
        if _units is not UNSET:
            units = []
            for units_item_data in _units:
                units_item = CaseUnit.from_dict(units_item_data)

                units.append(units_item)

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

        def _parse_rules_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rules_version = _parse_rules_version(d.pop("rules_version", UNSET))

        case = cls(
            id=id,
            state=state,
            state_label=state_label,
            form=form,
            form_label=form_label,
            jurisdiction=jurisdiction,
            county_id=county_id,
            applicant_id=applicant_id,
            proposed_name=proposed_name,
            proposed_secretary=proposed_secretary,
            proposed_committee_size=proposed_committee_size,
            branch_oversize_reason=branch_oversize_reason,
            request_text=request_text,
            roster=roster,
            formal_total=formal_total,
            probationary_total=probationary_total,
            mobile_total=mobile_total,
            preparation_started_on=preparation_started_on,
            submitted_at=submitted_at,
            return_reason=return_reason,
            decided_at=decided_at,
            decision_reason=decision_reason,
            approving_body=approving_body,
            approval_doc_no=approval_doc_no,
            approved_on=approved_on,
            approval_meeting_on=approval_meeting_on,
            general_meeting=general_meeting,
            founded_on=founded_on,
            term_years=term_years,
            term_due_on=term_due_on,
            party_org_id=party_org_id,
            closed_reason=closed_reason,
            allowed_actions=allowed_actions,
            units=units,
            steps=steps,
            history=history,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            rules_version=rules_version,
        )

        return case
