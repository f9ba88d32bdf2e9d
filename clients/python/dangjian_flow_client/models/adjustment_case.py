from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.adjusted_org import AdjustedOrg
    from ..models.adjustment_case_target_jurisdiction_type_0_type_0 import AdjustmentCaseTargetJurisdictionType0Type0
    from ..models.adjustment_case_unit_type_1_type_0 import AdjustmentCaseUnitType1Type0
    from ..models.adjustment_ref import AdjustmentRef
    from ..models.adjustment_trigger import AdjustmentTrigger
    from ..models.history_entry import HistoryEntry


T = TypeVar("T", bound="AdjustmentCase")


@_attrs_define
class AdjustmentCase:
    """
    Attributes:
        id (int | Unset):
        state (str | Unset):
        state_label (str | Unset):
        party_org (AdjustedOrg | Unset):
        jurisdiction (AdjustmentRef | Unset):
        unit (AdjustmentCaseUnitType1Type0 | AdjustmentRef | None | Unset): The unit whose change opened it
        trigger (str | Unset):
        trigger_label (str | Unset):
        action (str | Unset):
        action_label (str | Unset):
        proposed_form (None | str | Unset):
        proposed_form_label (None | str | Unset):
        target_jurisdiction (AdjustmentCaseTargetJurisdictionType0Type0 | AdjustmentRef | None | Unset):
        reason (str | Unset):
        note (None | str | Unset):
        triggers (list[AdjustmentTrigger] | Unset):
        opened_on (datetime.date | Unset):
        submitted_at (datetime.datetime | None | Unset):
        decided_at (datetime.datetime | None | Unset):
        approving_body (None | str | Unset):
        approval_doc_no (None | str | Unset):
        approved_on (datetime.date | None | Unset):
        decision_reason (None | str | Unset):
        return_reason (None | str | Unset):
        closed_reason (None | str | Unset):
        escalation_level (None | str | Unset):
        next_escalation_at (datetime.date | None | Unset):
        next_escalation_level (None | str | Unset):
        version (int | Unset):
        history (list[HistoryEntry] | Unset):
        rules_version (None | str | Unset): The rules it started under: a hash of the rule settings and the code version
            (null: created before versions were recorded)
    """

    id: int | Unset = UNSET
    state: str | Unset = UNSET
    state_label: str | Unset = UNSET
    party_org: AdjustedOrg | Unset = UNSET
    jurisdiction: AdjustmentRef | Unset = UNSET
    unit: AdjustmentCaseUnitType1Type0 | AdjustmentRef | None | Unset = UNSET
    trigger: str | Unset = UNSET
    trigger_label: str | Unset = UNSET
    action: str | Unset = UNSET
    action_label: str | Unset = UNSET
    proposed_form: None | str | Unset = UNSET
    proposed_form_label: None | str | Unset = UNSET
    target_jurisdiction: AdjustmentCaseTargetJurisdictionType0Type0 | AdjustmentRef | None | Unset = UNSET
    reason: str | Unset = UNSET
    note: None | str | Unset = UNSET
    triggers: list[AdjustmentTrigger] | Unset = UNSET
    opened_on: datetime.date | Unset = UNSET
    submitted_at: datetime.datetime | None | Unset = UNSET
    decided_at: datetime.datetime | None | Unset = UNSET
    approving_body: None | str | Unset = UNSET
    approval_doc_no: None | str | Unset = UNSET
    approved_on: datetime.date | None | Unset = UNSET
    decision_reason: None | str | Unset = UNSET
    return_reason: None | str | Unset = UNSET
    closed_reason: None | str | Unset = UNSET
    escalation_level: None | str | Unset = UNSET
    next_escalation_at: datetime.date | None | Unset = UNSET
    next_escalation_level: None | str | Unset = UNSET
    version: int | Unset = UNSET
    history: list[HistoryEntry] | Unset = UNSET
    rules_version: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.adjustment_case_target_jurisdiction_type_0_type_0 import (
            AdjustmentCaseTargetJurisdictionType0Type0,  # noqa: PLC0415
        )
        from ..models.adjustment_case_unit_type_1_type_0 import AdjustmentCaseUnitType1Type0  # noqa: PLC0415
        from ..models.adjustment_ref import AdjustmentRef  # noqa: PLC0415

        id = self.id

        state = self.state

        state_label = self.state_label

        party_org: dict[str, Any] | Unset = UNSET
        if not isinstance(self.party_org, Unset):
            party_org = self.party_org.to_dict()

        jurisdiction: dict[str, Any] | Unset = UNSET
        if not isinstance(self.jurisdiction, Unset):
            jurisdiction = self.jurisdiction.to_dict()

        unit: dict[str, Any] | None | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        elif isinstance(self.unit, AdjustmentRef):
            unit = self.unit.to_dict()
        elif isinstance(self.unit, AdjustmentCaseUnitType1Type0):
            unit = self.unit.to_dict()
        else:
            unit = self.unit

        trigger = self.trigger

        trigger_label = self.trigger_label

        action = self.action

        action_label = self.action_label

        proposed_form: None | str | Unset
        if isinstance(self.proposed_form, Unset):
            proposed_form = UNSET
        else:
            proposed_form = self.proposed_form

        proposed_form_label: None | str | Unset
        if isinstance(self.proposed_form_label, Unset):
            proposed_form_label = UNSET
        else:
            proposed_form_label = self.proposed_form_label

        target_jurisdiction: dict[str, Any] | None | Unset
        if isinstance(self.target_jurisdiction, Unset):
            target_jurisdiction = UNSET
        elif isinstance(self.target_jurisdiction, AdjustmentCaseTargetJurisdictionType0Type0):
            target_jurisdiction = self.target_jurisdiction.to_dict()
        elif isinstance(self.target_jurisdiction, AdjustmentRef):
            target_jurisdiction = self.target_jurisdiction.to_dict()
        else:
            target_jurisdiction = self.target_jurisdiction

        reason = self.reason

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        triggers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.triggers, Unset):
            triggers = []
            for triggers_item_data in self.triggers:
                triggers_item = triggers_item_data.to_dict()
                triggers.append(triggers_item)

        opened_on: str | Unset = UNSET
        if not isinstance(self.opened_on, Unset):
            opened_on = self.opened_on.isoformat()

        submitted_at: None | str | Unset
        if isinstance(self.submitted_at, Unset):
            submitted_at = UNSET
        elif isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        elif isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

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

        decision_reason: None | str | Unset
        if isinstance(self.decision_reason, Unset):
            decision_reason = UNSET
        else:
            decision_reason = self.decision_reason

        return_reason: None | str | Unset
        if isinstance(self.return_reason, Unset):
            return_reason = UNSET
        else:
            return_reason = self.return_reason

        closed_reason: None | str | Unset
        if isinstance(self.closed_reason, Unset):
            closed_reason = UNSET
        else:
            closed_reason = self.closed_reason

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

        version = self.version

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
        if party_org is not UNSET:
            field_dict["party_org"] = party_org
        if jurisdiction is not UNSET:
            field_dict["jurisdiction"] = jurisdiction
        if unit is not UNSET:
            field_dict["unit"] = unit
        if trigger is not UNSET:
            field_dict["trigger"] = trigger
        if trigger_label is not UNSET:
            field_dict["trigger_label"] = trigger_label
        if action is not UNSET:
            field_dict["action"] = action
        if action_label is not UNSET:
            field_dict["action_label"] = action_label
        if proposed_form is not UNSET:
            field_dict["proposed_form"] = proposed_form
        if proposed_form_label is not UNSET:
            field_dict["proposed_form_label"] = proposed_form_label
        if target_jurisdiction is not UNSET:
            field_dict["target_jurisdiction"] = target_jurisdiction
        if reason is not UNSET:
            field_dict["reason"] = reason
        if note is not UNSET:
            field_dict["note"] = note
        if triggers is not UNSET:
            field_dict["triggers"] = triggers
        if opened_on is not UNSET:
            field_dict["opened_on"] = opened_on
        if submitted_at is not UNSET:
            field_dict["submitted_at"] = submitted_at
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if approving_body is not UNSET:
            field_dict["approving_body"] = approving_body
        if approval_doc_no is not UNSET:
            field_dict["approval_doc_no"] = approval_doc_no
        if approved_on is not UNSET:
            field_dict["approved_on"] = approved_on
        if decision_reason is not UNSET:
            field_dict["decision_reason"] = decision_reason
        if return_reason is not UNSET:
            field_dict["return_reason"] = return_reason
        if closed_reason is not UNSET:
            field_dict["closed_reason"] = closed_reason
        if escalation_level is not UNSET:
            field_dict["escalation_level"] = escalation_level
        if next_escalation_at is not UNSET:
            field_dict["next_escalation_at"] = next_escalation_at
        if next_escalation_level is not UNSET:
            field_dict["next_escalation_level"] = next_escalation_level
        if version is not UNSET:
            field_dict["version"] = version
        if history is not UNSET:
            field_dict["history"] = history
        if rules_version is not UNSET:
            field_dict["rules_version"] = rules_version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.adjusted_org import AdjustedOrg  # noqa: PLC0415
        from ..models.adjustment_case_target_jurisdiction_type_0_type_0 import (
            AdjustmentCaseTargetJurisdictionType0Type0,  # noqa: PLC0415
        )
        from ..models.adjustment_case_unit_type_1_type_0 import AdjustmentCaseUnitType1Type0  # noqa: PLC0415
        from ..models.adjustment_ref import AdjustmentRef  # noqa: PLC0415
        from ..models.adjustment_trigger import AdjustmentTrigger  # noqa: PLC0415
        from ..models.history_entry import HistoryEntry  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        state = d.pop("state", UNSET)

        state_label = d.pop("state_label", UNSET)

        _party_org = d.pop("party_org", UNSET)
        party_org: AdjustedOrg | Unset
        if isinstance(_party_org, Unset):
            party_org = UNSET
        else:
            party_org = AdjustedOrg.from_dict(_party_org)

        _jurisdiction = d.pop("jurisdiction", UNSET)
        jurisdiction: AdjustmentRef | Unset
        if isinstance(_jurisdiction, Unset):
            jurisdiction = UNSET
        else:
            jurisdiction = AdjustmentRef.from_dict(_jurisdiction)

        def _parse_unit(data: object) -> AdjustmentCaseUnitType1Type0 | AdjustmentRef | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                unit_type_0 = AdjustmentRef.from_dict(data)

                return unit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                unit_type_1_type_0 = AdjustmentCaseUnitType1Type0.from_dict(data)

                return unit_type_1_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdjustmentCaseUnitType1Type0 | AdjustmentRef | None | Unset, data)

        unit = _parse_unit(d.pop("unit", UNSET))

        trigger = d.pop("trigger", UNSET)

        trigger_label = d.pop("trigger_label", UNSET)

        action = d.pop("action", UNSET)

        action_label = d.pop("action_label", UNSET)

        def _parse_proposed_form(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        proposed_form = _parse_proposed_form(d.pop("proposed_form", UNSET))

        def _parse_proposed_form_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        proposed_form_label = _parse_proposed_form_label(d.pop("proposed_form_label", UNSET))

        def _parse_target_jurisdiction(
            data: object,
        ) -> AdjustmentCaseTargetJurisdictionType0Type0 | AdjustmentRef | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                target_jurisdiction_type_0_type_0 = AdjustmentCaseTargetJurisdictionType0Type0.from_dict(data)

                return target_jurisdiction_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                target_jurisdiction_type_1 = AdjustmentRef.from_dict(data)

                return target_jurisdiction_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdjustmentCaseTargetJurisdictionType0Type0 | AdjustmentRef | None | Unset, data)

        target_jurisdiction = _parse_target_jurisdiction(d.pop("target_jurisdiction", UNSET))

        reason = d.pop("reason", UNSET)

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        _triggers = d.pop("triggers", UNSET)
        triggers: list[AdjustmentTrigger] | Unset = UNSET
        if _triggers is not UNSET:
            triggers = []
            for triggers_item_data in _triggers:
                triggers_item = AdjustmentTrigger.from_dict(triggers_item_data)

                triggers.append(triggers_item)

        _opened_on = d.pop("opened_on", UNSET)
        opened_on: datetime.date | Unset
        if isinstance(_opened_on, Unset):
            opened_on = UNSET
        else:
            opened_on = datetime.date.fromisoformat(_opened_on)

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

        def _parse_decision_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decision_reason = _parse_decision_reason(d.pop("decision_reason", UNSET))

        def _parse_return_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        return_reason = _parse_return_reason(d.pop("return_reason", UNSET))

        def _parse_closed_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        closed_reason = _parse_closed_reason(d.pop("closed_reason", UNSET))

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

        version = d.pop("version", UNSET)

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

        adjustment_case = cls(
            id=id,
            state=state,
            state_label=state_label,
            party_org=party_org,
            jurisdiction=jurisdiction,
            unit=unit,
            trigger=trigger,
            trigger_label=trigger_label,
            action=action,
            action_label=action_label,
            proposed_form=proposed_form,
            proposed_form_label=proposed_form_label,
            target_jurisdiction=target_jurisdiction,
            reason=reason,
            note=note,
            triggers=triggers,
            opened_on=opened_on,
            submitted_at=submitted_at,
            decided_at=decided_at,
            approving_body=approving_body,
            approval_doc_no=approval_doc_no,
            approved_on=approved_on,
            decision_reason=decision_reason,
            return_reason=return_reason,
            closed_reason=closed_reason,
            escalation_level=escalation_level,
            next_escalation_at=next_escalation_at,
            next_escalation_level=next_escalation_level,
            version=version,
            history=history,
            rules_version=rules_version,
        )

        return adjustment_case
