from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.body import Body
    from ..models.extension import Extension
    from ..models.history_entry import HistoryEntry
    from ..models.interview_brief import InterviewBrief
    from ..models.problem import Problem
    from ..models.report_out import ReportOut


T = TypeVar("T", bound="Ticket")


@_attrs_define
class Ticket:
    """
    Attributes:
        id (int | Unset):
        state (str | Unset):
        state_label (str | Unset):
        title (str | Unset):
        priority (str | Unset):
        priority_label (str | Unset):
        jurisdiction (Body | Unset):
        issuing_body (Body | Unset):
        issuer_id (int | None | Unset):
        responsible_person (str | Unset):
        responsible_title (None | str | Unset):
        rectification_deadline (datetime.date | None | Unset): As drafted (a date)
        rectification_workdays (int | None | Unset): As drafted (N days)
        issued_on (datetime.date | None | Unset):
        acknowledge_by (datetime.date | None | Unset):
        acknowledge_basis (None | str | Unset):
        acknowledge_basis_label (None | str | Unset):
        rectify_by (datetime.date | None | Unset): The deadline in force
        rectify_basis (None | str | Unset):
        rectify_basis_label (None | str | Unset):
        original_rectify_by (datetime.date | None | Unset): The deadline set at issue
        post_interview_deadline (datetime.date | None | Unset):
        tracked_deadline (datetime.date | None | Unset): The deadline the light follows
        warning_level (None | str | Unset): green / yellow / red; none: no light
        warning_label (None | str | Unset):
        acknowledged_at (datetime.datetime | None | Unset):
        acknowledged_by (int | None | Unset):
        last_report_on (datetime.date | None | Unset):
        closed_at (datetime.datetime | None | Unset):
        closed_on_time (bool | None | Unset):
        return_reason (None | str | Unset):
        cancel_reason (None | str | Unset):
        escalation_deadline (datetime.date | None | Unset): The deadline the ladder runs on
        escalation_level (None | str | Unset):
        escalation_level_label (None | str | Unset):
        next_escalation_level (None | str | Unset):
        next_escalation_level_label (None | str | Unset):
        next_escalation_at (datetime.date | None | Unset):
        accountability_at (datetime.datetime | None | Unset):
        pending_extension (bool | Unset):
        pending_action (None | str | Unset): What the handling body owes next
        pending_action_label (None | str | Unset):
        allowed_actions (list[str] | Unset): what the caller may do now (API names)
        problems (list[Problem] | Unset):
        reports (list[ReportOut] | Unset): Only on the single read
        extensions (list[Extension] | Unset): Only on the single read
        interviews (list[InterviewBrief] | Unset): Only on the single read
        history (list[HistoryEntry] | Unset): Only on the single read
        version (int | Unset):
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
        rules_version (None | str | Unset): The rules it started under: a hash of the rule settings and the code version
            (null: created before versions were recorded)
    """

    id: int | Unset = UNSET
    state: str | Unset = UNSET
    state_label: str | Unset = UNSET
    title: str | Unset = UNSET
    priority: str | Unset = UNSET
    priority_label: str | Unset = UNSET
    jurisdiction: Body | Unset = UNSET
    issuing_body: Body | Unset = UNSET
    issuer_id: int | None | Unset = UNSET
    responsible_person: str | Unset = UNSET
    responsible_title: None | str | Unset = UNSET
    rectification_deadline: datetime.date | None | Unset = UNSET
    rectification_workdays: int | None | Unset = UNSET
    issued_on: datetime.date | None | Unset = UNSET
    acknowledge_by: datetime.date | None | Unset = UNSET
    acknowledge_basis: None | str | Unset = UNSET
    acknowledge_basis_label: None | str | Unset = UNSET
    rectify_by: datetime.date | None | Unset = UNSET
    rectify_basis: None | str | Unset = UNSET
    rectify_basis_label: None | str | Unset = UNSET
    original_rectify_by: datetime.date | None | Unset = UNSET
    post_interview_deadline: datetime.date | None | Unset = UNSET
    tracked_deadline: datetime.date | None | Unset = UNSET
    warning_level: None | str | Unset = UNSET
    warning_label: None | str | Unset = UNSET
    acknowledged_at: datetime.datetime | None | Unset = UNSET
    acknowledged_by: int | None | Unset = UNSET
    last_report_on: datetime.date | None | Unset = UNSET
    closed_at: datetime.datetime | None | Unset = UNSET
    closed_on_time: bool | None | Unset = UNSET
    return_reason: None | str | Unset = UNSET
    cancel_reason: None | str | Unset = UNSET
    escalation_deadline: datetime.date | None | Unset = UNSET
    escalation_level: None | str | Unset = UNSET
    escalation_level_label: None | str | Unset = UNSET
    next_escalation_level: None | str | Unset = UNSET
    next_escalation_level_label: None | str | Unset = UNSET
    next_escalation_at: datetime.date | None | Unset = UNSET
    accountability_at: datetime.datetime | None | Unset = UNSET
    pending_extension: bool | Unset = UNSET
    pending_action: None | str | Unset = UNSET
    pending_action_label: None | str | Unset = UNSET
    allowed_actions: list[str] | Unset = UNSET
    problems: list[Problem] | Unset = UNSET
    reports: list[ReportOut] | Unset = UNSET
    extensions: list[Extension] | Unset = UNSET
    interviews: list[InterviewBrief] | Unset = UNSET
    history: list[HistoryEntry] | Unset = UNSET
    version: int | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    rules_version: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        state = self.state

        state_label = self.state_label

        title = self.title

        priority = self.priority

        priority_label = self.priority_label

        jurisdiction: dict[str, Any] | Unset = UNSET
        if not isinstance(self.jurisdiction, Unset):
            jurisdiction = self.jurisdiction.to_dict()

        issuing_body: dict[str, Any] | Unset = UNSET
        if not isinstance(self.issuing_body, Unset):
            issuing_body = self.issuing_body.to_dict()

        issuer_id: int | None | Unset
        if isinstance(self.issuer_id, Unset):
            issuer_id = UNSET
        else:
            issuer_id = self.issuer_id

        responsible_person = self.responsible_person

        responsible_title: None | str | Unset
        if isinstance(self.responsible_title, Unset):
            responsible_title = UNSET
        else:
            responsible_title = self.responsible_title

        rectification_deadline: None | str | Unset
        if isinstance(self.rectification_deadline, Unset):
            rectification_deadline = UNSET
        elif isinstance(self.rectification_deadline, datetime.date):
            rectification_deadline = self.rectification_deadline.isoformat()
        else:
            rectification_deadline = self.rectification_deadline

        rectification_workdays: int | None | Unset
        if isinstance(self.rectification_workdays, Unset):
            rectification_workdays = UNSET
        else:
            rectification_workdays = self.rectification_workdays

        issued_on: None | str | Unset
        if isinstance(self.issued_on, Unset):
            issued_on = UNSET
        elif isinstance(self.issued_on, datetime.date):
            issued_on = self.issued_on.isoformat()
        else:
            issued_on = self.issued_on

        acknowledge_by: None | str | Unset
        if isinstance(self.acknowledge_by, Unset):
            acknowledge_by = UNSET
        elif isinstance(self.acknowledge_by, datetime.date):
            acknowledge_by = self.acknowledge_by.isoformat()
        else:
            acknowledge_by = self.acknowledge_by

        acknowledge_basis: None | str | Unset
        if isinstance(self.acknowledge_basis, Unset):
            acknowledge_basis = UNSET
        else:
            acknowledge_basis = self.acknowledge_basis

        acknowledge_basis_label: None | str | Unset
        if isinstance(self.acknowledge_basis_label, Unset):
            acknowledge_basis_label = UNSET
        else:
            acknowledge_basis_label = self.acknowledge_basis_label

        rectify_by: None | str | Unset
        if isinstance(self.rectify_by, Unset):
            rectify_by = UNSET
        elif isinstance(self.rectify_by, datetime.date):
            rectify_by = self.rectify_by.isoformat()
        else:
            rectify_by = self.rectify_by

        rectify_basis: None | str | Unset
        if isinstance(self.rectify_basis, Unset):
            rectify_basis = UNSET
        else:
            rectify_basis = self.rectify_basis

        rectify_basis_label: None | str | Unset
        if isinstance(self.rectify_basis_label, Unset):
            rectify_basis_label = UNSET
        else:
            rectify_basis_label = self.rectify_basis_label

        original_rectify_by: None | str | Unset
        if isinstance(self.original_rectify_by, Unset):
            original_rectify_by = UNSET
        elif isinstance(self.original_rectify_by, datetime.date):
            original_rectify_by = self.original_rectify_by.isoformat()
        else:
            original_rectify_by = self.original_rectify_by

        post_interview_deadline: None | str | Unset
        if isinstance(self.post_interview_deadline, Unset):
            post_interview_deadline = UNSET
        elif isinstance(self.post_interview_deadline, datetime.date):
            post_interview_deadline = self.post_interview_deadline.isoformat()
        else:
            post_interview_deadline = self.post_interview_deadline

        tracked_deadline: None | str | Unset
        if isinstance(self.tracked_deadline, Unset):
            tracked_deadline = UNSET
        elif isinstance(self.tracked_deadline, datetime.date):
            tracked_deadline = self.tracked_deadline.isoformat()
        else:
            tracked_deadline = self.tracked_deadline

        warning_level: None | str | Unset
        if isinstance(self.warning_level, Unset):
            warning_level = UNSET
        else:
            warning_level = self.warning_level

        warning_label: None | str | Unset
        if isinstance(self.warning_label, Unset):
            warning_label = UNSET
        else:
            warning_label = self.warning_label

        acknowledged_at: None | str | Unset
        if isinstance(self.acknowledged_at, Unset):
            acknowledged_at = UNSET
        elif isinstance(self.acknowledged_at, datetime.datetime):
            acknowledged_at = self.acknowledged_at.isoformat()
        else:
            acknowledged_at = self.acknowledged_at

        acknowledged_by: int | None | Unset
        if isinstance(self.acknowledged_by, Unset):
            acknowledged_by = UNSET
        else:
            acknowledged_by = self.acknowledged_by

        last_report_on: None | str | Unset
        if isinstance(self.last_report_on, Unset):
            last_report_on = UNSET
        elif isinstance(self.last_report_on, datetime.date):
            last_report_on = self.last_report_on.isoformat()
        else:
            last_report_on = self.last_report_on

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        closed_on_time: bool | None | Unset
        if isinstance(self.closed_on_time, Unset):
            closed_on_time = UNSET
        else:
            closed_on_time = self.closed_on_time

        return_reason: None | str | Unset
        if isinstance(self.return_reason, Unset):
            return_reason = UNSET
        else:
            return_reason = self.return_reason

        cancel_reason: None | str | Unset
        if isinstance(self.cancel_reason, Unset):
            cancel_reason = UNSET
        else:
            cancel_reason = self.cancel_reason

        escalation_deadline: None | str | Unset
        if isinstance(self.escalation_deadline, Unset):
            escalation_deadline = UNSET
        elif isinstance(self.escalation_deadline, datetime.date):
            escalation_deadline = self.escalation_deadline.isoformat()
        else:
            escalation_deadline = self.escalation_deadline

        escalation_level: None | str | Unset
        if isinstance(self.escalation_level, Unset):
            escalation_level = UNSET
        else:
            escalation_level = self.escalation_level

        escalation_level_label: None | str | Unset
        if isinstance(self.escalation_level_label, Unset):
            escalation_level_label = UNSET
        else:
            escalation_level_label = self.escalation_level_label

        next_escalation_level: None | str | Unset
        if isinstance(self.next_escalation_level, Unset):
            next_escalation_level = UNSET
        else:
            next_escalation_level = self.next_escalation_level

        next_escalation_level_label: None | str | Unset
        if isinstance(self.next_escalation_level_label, Unset):
            next_escalation_level_label = UNSET
        else:
            next_escalation_level_label = self.next_escalation_level_label

        next_escalation_at: None | str | Unset
        if isinstance(self.next_escalation_at, Unset):
            next_escalation_at = UNSET
        elif isinstance(self.next_escalation_at, datetime.date):
            next_escalation_at = self.next_escalation_at.isoformat()
        else:
            next_escalation_at = self.next_escalation_at

        accountability_at: None | str | Unset
        if isinstance(self.accountability_at, Unset):
            accountability_at = UNSET
        elif isinstance(self.accountability_at, datetime.datetime):
            accountability_at = self.accountability_at.isoformat()
        else:
            accountability_at = self.accountability_at

        pending_extension = self.pending_extension

        pending_action: None | str | Unset
        if isinstance(self.pending_action, Unset):
            pending_action = UNSET
        else:
            pending_action = self.pending_action

        pending_action_label: None | str | Unset
        if isinstance(self.pending_action_label, Unset):
            pending_action_label = UNSET
        else:
            pending_action_label = self.pending_action_label

        allowed_actions: list[str] | Unset = UNSET
        if not isinstance(self.allowed_actions, Unset):
            allowed_actions = self.allowed_actions

        problems: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.problems, Unset):
            problems = []
            for problems_item_data in self.problems:
                problems_item = problems_item_data.to_dict()
                problems.append(problems_item)

        reports: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.reports, Unset):
            reports = []
            for reports_item_data in self.reports:
                reports_item = reports_item_data.to_dict()
                reports.append(reports_item)

        extensions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.extensions, Unset):
            extensions = []
            for extensions_item_data in self.extensions:
                extensions_item = extensions_item_data.to_dict()
                extensions.append(extensions_item)

        interviews: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.interviews, Unset):
            interviews = []
            for interviews_item_data in self.interviews:
                interviews_item = interviews_item_data.to_dict()
                interviews.append(interviews_item)

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
        if title is not UNSET:
            field_dict["title"] = title
        if priority is not UNSET:
            field_dict["priority"] = priority
        if priority_label is not UNSET:
            field_dict["priority_label"] = priority_label
        if jurisdiction is not UNSET:
            field_dict["jurisdiction"] = jurisdiction
        if issuing_body is not UNSET:
            field_dict["issuing_body"] = issuing_body
        if issuer_id is not UNSET:
            field_dict["issuer_id"] = issuer_id
        if responsible_person is not UNSET:
            field_dict["responsible_person"] = responsible_person
        if responsible_title is not UNSET:
            field_dict["responsible_title"] = responsible_title
        if rectification_deadline is not UNSET:
            field_dict["rectification_deadline"] = rectification_deadline
        if rectification_workdays is not UNSET:
            field_dict["rectification_workdays"] = rectification_workdays
        if issued_on is not UNSET:
            field_dict["issued_on"] = issued_on
        if acknowledge_by is not UNSET:
            field_dict["acknowledge_by"] = acknowledge_by
        if acknowledge_basis is not UNSET:
            field_dict["acknowledge_basis"] = acknowledge_basis
        if acknowledge_basis_label is not UNSET:
            field_dict["acknowledge_basis_label"] = acknowledge_basis_label
        if rectify_by is not UNSET:
            field_dict["rectify_by"] = rectify_by
        if rectify_basis is not UNSET:
            field_dict["rectify_basis"] = rectify_basis
        if rectify_basis_label is not UNSET:
            field_dict["rectify_basis_label"] = rectify_basis_label
        if original_rectify_by is not UNSET:
            field_dict["original_rectify_by"] = original_rectify_by
        if post_interview_deadline is not UNSET:
            field_dict["post_interview_deadline"] = post_interview_deadline
        if tracked_deadline is not UNSET:
            field_dict["tracked_deadline"] = tracked_deadline
        if warning_level is not UNSET:
            field_dict["warning_level"] = warning_level
        if warning_label is not UNSET:
            field_dict["warning_label"] = warning_label
        if acknowledged_at is not UNSET:
            field_dict["acknowledged_at"] = acknowledged_at
        if acknowledged_by is not UNSET:
            field_dict["acknowledged_by"] = acknowledged_by
        if last_report_on is not UNSET:
            field_dict["last_report_on"] = last_report_on
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if closed_on_time is not UNSET:
            field_dict["closed_on_time"] = closed_on_time
        if return_reason is not UNSET:
            field_dict["return_reason"] = return_reason
        if cancel_reason is not UNSET:
            field_dict["cancel_reason"] = cancel_reason
        if escalation_deadline is not UNSET:
            field_dict["escalation_deadline"] = escalation_deadline
        if escalation_level is not UNSET:
            field_dict["escalation_level"] = escalation_level
        if escalation_level_label is not UNSET:
            field_dict["escalation_level_label"] = escalation_level_label
        if next_escalation_level is not UNSET:
            field_dict["next_escalation_level"] = next_escalation_level
        if next_escalation_level_label is not UNSET:
            field_dict["next_escalation_level_label"] = next_escalation_level_label
        if next_escalation_at is not UNSET:
            field_dict["next_escalation_at"] = next_escalation_at
        if accountability_at is not UNSET:
            field_dict["accountability_at"] = accountability_at
        if pending_extension is not UNSET:
            field_dict["pending_extension"] = pending_extension
        if pending_action is not UNSET:
            field_dict["pending_action"] = pending_action
        if pending_action_label is not UNSET:
            field_dict["pending_action_label"] = pending_action_label
        if allowed_actions is not UNSET:
            field_dict["allowed_actions"] = allowed_actions
        if problems is not UNSET:
            field_dict["problems"] = problems
        if reports is not UNSET:
            field_dict["reports"] = reports
        if extensions is not UNSET:
            field_dict["extensions"] = extensions
        if interviews is not UNSET:
            field_dict["interviews"] = interviews
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
        from ..models.body import Body  # noqa: PLC0415
        from ..models.extension import Extension  # noqa: PLC0415
        from ..models.history_entry import HistoryEntry  # noqa: PLC0415
        from ..models.interview_brief import InterviewBrief  # noqa: PLC0415
        from ..models.problem import Problem  # noqa: PLC0415
        from ..models.report_out import ReportOut  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        state = d.pop("state", UNSET)

        state_label = d.pop("state_label", UNSET)

        title = d.pop("title", UNSET)

        priority = d.pop("priority", UNSET)

        priority_label = d.pop("priority_label", UNSET)

        _jurisdiction = d.pop("jurisdiction", UNSET)
        jurisdiction: Body | Unset
        if isinstance(_jurisdiction, Unset):
            jurisdiction = UNSET
        else:
            jurisdiction = Body.from_dict(_jurisdiction)

        _issuing_body = d.pop("issuing_body", UNSET)
        issuing_body: Body | Unset
        if isinstance(_issuing_body, Unset):
            issuing_body = UNSET
        else:
            issuing_body = Body.from_dict(_issuing_body)

        def _parse_issuer_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        issuer_id = _parse_issuer_id(d.pop("issuer_id", UNSET))

        responsible_person = d.pop("responsible_person", UNSET)

        def _parse_responsible_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        responsible_title = _parse_responsible_title(d.pop("responsible_title", UNSET))

        def _parse_rectification_deadline(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rectification_deadline_type_0 = datetime.date.fromisoformat(data)

                return rectification_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        rectification_deadline = _parse_rectification_deadline(d.pop("rectification_deadline", UNSET))

        def _parse_rectification_workdays(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rectification_workdays = _parse_rectification_workdays(d.pop("rectification_workdays", UNSET))

        def _parse_issued_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issued_on_type_0 = datetime.date.fromisoformat(data)

                return issued_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        issued_on = _parse_issued_on(d.pop("issued_on", UNSET))

        def _parse_acknowledge_by(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acknowledge_by_type_0 = datetime.date.fromisoformat(data)

                return acknowledge_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        acknowledge_by = _parse_acknowledge_by(d.pop("acknowledge_by", UNSET))

        def _parse_acknowledge_basis(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        acknowledge_basis = _parse_acknowledge_basis(d.pop("acknowledge_basis", UNSET))

        def _parse_acknowledge_basis_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        acknowledge_basis_label = _parse_acknowledge_basis_label(d.pop("acknowledge_basis_label", UNSET))

        def _parse_rectify_by(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rectify_by_type_0 = datetime.date.fromisoformat(data)

                return rectify_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        rectify_by = _parse_rectify_by(d.pop("rectify_by", UNSET))

        def _parse_rectify_basis(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rectify_basis = _parse_rectify_basis(d.pop("rectify_basis", UNSET))

        def _parse_rectify_basis_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rectify_basis_label = _parse_rectify_basis_label(d.pop("rectify_basis_label", UNSET))

        def _parse_original_rectify_by(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                original_rectify_by_type_0 = datetime.date.fromisoformat(data)

                return original_rectify_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        original_rectify_by = _parse_original_rectify_by(d.pop("original_rectify_by", UNSET))

        def _parse_post_interview_deadline(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                post_interview_deadline_type_0 = datetime.date.fromisoformat(data)

                return post_interview_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        post_interview_deadline = _parse_post_interview_deadline(d.pop("post_interview_deadline", UNSET))

        def _parse_tracked_deadline(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tracked_deadline_type_0 = datetime.date.fromisoformat(data)

                return tracked_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        tracked_deadline = _parse_tracked_deadline(d.pop("tracked_deadline", UNSET))

        def _parse_warning_level(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        warning_level = _parse_warning_level(d.pop("warning_level", UNSET))

        def _parse_warning_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        warning_label = _parse_warning_label(d.pop("warning_label", UNSET))

        def _parse_acknowledged_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acknowledged_at_type_0 = datetime.datetime.fromisoformat(data)

                return acknowledged_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        acknowledged_at = _parse_acknowledged_at(d.pop("acknowledged_at", UNSET))

        def _parse_acknowledged_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        acknowledged_by = _parse_acknowledged_by(d.pop("acknowledged_by", UNSET))

        def _parse_last_report_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_report_on_type_0 = datetime.date.fromisoformat(data)

                return last_report_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        last_report_on = _parse_last_report_on(d.pop("last_report_on", UNSET))

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

        def _parse_closed_on_time(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        closed_on_time = _parse_closed_on_time(d.pop("closed_on_time", UNSET))

        def _parse_return_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        return_reason = _parse_return_reason(d.pop("return_reason", UNSET))

        def _parse_cancel_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cancel_reason = _parse_cancel_reason(d.pop("cancel_reason", UNSET))

        def _parse_escalation_deadline(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                escalation_deadline_type_0 = datetime.date.fromisoformat(data)

                return escalation_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        escalation_deadline = _parse_escalation_deadline(d.pop("escalation_deadline", UNSET))

        def _parse_escalation_level(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        escalation_level = _parse_escalation_level(d.pop("escalation_level", UNSET))

        def _parse_escalation_level_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        escalation_level_label = _parse_escalation_level_label(d.pop("escalation_level_label", UNSET))

        def _parse_next_escalation_level(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_escalation_level = _parse_next_escalation_level(d.pop("next_escalation_level", UNSET))

        def _parse_next_escalation_level_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_escalation_level_label = _parse_next_escalation_level_label(d.pop("next_escalation_level_label", UNSET))

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

        def _parse_accountability_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                accountability_at_type_0 = datetime.datetime.fromisoformat(data)

                return accountability_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        accountability_at = _parse_accountability_at(d.pop("accountability_at", UNSET))

        pending_extension = d.pop("pending_extension", UNSET)

        def _parse_pending_action(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pending_action = _parse_pending_action(d.pop("pending_action", UNSET))

        def _parse_pending_action_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pending_action_label = _parse_pending_action_label(d.pop("pending_action_label", UNSET))

        allowed_actions = cast(list[str], d.pop("allowed_actions", UNSET))

        _problems = d.pop("problems", UNSET)
        problems: list[Problem] | Unset = UNSET
        if _problems is not UNSET:
            problems = []
            for problems_item_data in _problems:
                problems_item = Problem.from_dict(problems_item_data)

                problems.append(problems_item)

        _reports = d.pop("reports", UNSET)
        reports: list[ReportOut] | Unset = UNSET
        if _reports is not UNSET:
            reports = []
            for reports_item_data in _reports:
                reports_item = ReportOut.from_dict(reports_item_data)

                reports.append(reports_item)

        _extensions = d.pop("extensions", UNSET)
        extensions: list[Extension] | Unset = UNSET
        if _extensions is not UNSET:
            extensions = []
            for extensions_item_data in _extensions:
                extensions_item = Extension.from_dict(extensions_item_data)

                extensions.append(extensions_item)

        _interviews = d.pop("interviews", UNSET)
        interviews: list[InterviewBrief] | Unset = UNSET
        if _interviews is not UNSET:
            interviews = []
            for interviews_item_data in _interviews:
                interviews_item = InterviewBrief.from_dict(interviews_item_data)

                interviews.append(interviews_item)

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

        ticket = cls(
            id=id,
            state=state,
            state_label=state_label,
            title=title,
            priority=priority,
            priority_label=priority_label,
            jurisdiction=jurisdiction,
            issuing_body=issuing_body,
            issuer_id=issuer_id,
            responsible_person=responsible_person,
            responsible_title=responsible_title,
            rectification_deadline=rectification_deadline,
            rectification_workdays=rectification_workdays,
            issued_on=issued_on,
            acknowledge_by=acknowledge_by,
            acknowledge_basis=acknowledge_basis,
            acknowledge_basis_label=acknowledge_basis_label,
            rectify_by=rectify_by,
            rectify_basis=rectify_basis,
            rectify_basis_label=rectify_basis_label,
            original_rectify_by=original_rectify_by,
            post_interview_deadline=post_interview_deadline,
            tracked_deadline=tracked_deadline,
            warning_level=warning_level,
            warning_label=warning_label,
            acknowledged_at=acknowledged_at,
            acknowledged_by=acknowledged_by,
            last_report_on=last_report_on,
            closed_at=closed_at,
            closed_on_time=closed_on_time,
            return_reason=return_reason,
            cancel_reason=cancel_reason,
            escalation_deadline=escalation_deadline,
            escalation_level=escalation_level,
            escalation_level_label=escalation_level_label,
            next_escalation_level=next_escalation_level,
            next_escalation_level_label=next_escalation_level_label,
            next_escalation_at=next_escalation_at,
            accountability_at=accountability_at,
            pending_extension=pending_extension,
            pending_action=pending_action,
            pending_action_label=pending_action_label,
            allowed_actions=allowed_actions,
            problems=problems,
            reports=reports,
            extensions=extensions,
            interviews=interviews,
            history=history,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            rules_version=rules_version,
        )

        return ticket
