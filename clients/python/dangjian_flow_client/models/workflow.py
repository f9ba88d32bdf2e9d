from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.workflow_states_item import WorkflowStatesItem
    from ..models.workflow_transitions_item import WorkflowTransitionsItem


T = TypeVar("T", bound="Workflow")


@_attrs_define
class Workflow:
    """
    Attributes:
        name (str | Unset):
        label (str | Unset):
        initial (str | Unset):
        states (list[WorkflowStatesItem] | Unset):
        transitions (list[WorkflowTransitionsItem] | Unset):
    """

    name: str | Unset = UNSET
    label: str | Unset = UNSET
    initial: str | Unset = UNSET
    states: list[WorkflowStatesItem] | Unset = UNSET
    transitions: list[WorkflowTransitionsItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        label = self.label

        initial = self.initial

        states: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.states, Unset):
            states = []
            for states_item_data in self.states:
                states_item = states_item_data.to_dict()
                states.append(states_item)

        transitions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.transitions, Unset):
            transitions = []
            for transitions_item_data in self.transitions:
                transitions_item = transitions_item_data.to_dict()
                transitions.append(transitions_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if label is not UNSET:
            field_dict["label"] = label
        if initial is not UNSET:
            field_dict["initial"] = initial
        if states is not UNSET:
            field_dict["states"] = states
        if transitions is not UNSET:
            field_dict["transitions"] = transitions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.workflow_states_item import WorkflowStatesItem  # noqa: PLC0415
        from ..models.workflow_transitions_item import WorkflowTransitionsItem  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        label = d.pop("label", UNSET)

        initial = d.pop("initial", UNSET)

        _states = d.pop("states", UNSET)
        states: list[WorkflowStatesItem] | Unset = UNSET
        if _states is not UNSET:
            states = []
            for states_item_data in _states:
                states_item = WorkflowStatesItem.from_dict(states_item_data)

                states.append(states_item)

        _transitions = d.pop("transitions", UNSET)
        transitions: list[WorkflowTransitionsItem] | Unset = UNSET
        if _transitions is not UNSET:
            transitions = []
            for transitions_item_data in _transitions:
                transitions_item = WorkflowTransitionsItem.from_dict(transitions_item_data)

                transitions.append(transitions_item)

        workflow = cls(
            name=name,
            label=label,
            initial=initial,
            states=states,
            transitions=transitions,
        )

        return workflow
