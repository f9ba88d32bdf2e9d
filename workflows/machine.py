"""A small wrapper around `transitions` shared by every workflow.

Each `WorkflowDefinition` builds ONE module-level `transitions.Machine(model=None, ...)` and fires events on
any object with a `state` attribute through `machine.events[event].trigger(obj, **kwargs)`. Objects are never
added to the machine: a Machine per row costs ~150 µs and a reference cycle, and `add_model` without
`remove_model` leaks every row (the machine keeps each model it was given, and checks them all, O(n), on
every addition).

Calling convention for service code::

    case = session.get(Establishment, case_id, with_for_update=True)   # the row is the model
    check_...(...)                       # rule functions first, for specific messages and fields
    ESTABLISHMENT.fire(case, "approve")  # only changes `case.state`; raises RuleViolation / Conflict
    session.commit()                     # on any exception: session.rollback()

`fire` never commits, never stores anything but `state`, and runs no `after`/`on_enter` callbacks, so a failed
`fire` leaves the object untouched. Transition conditions get `(model, kwargs)`; they should raise
`RuleViolation` with a specific reason and otherwise return True. A condition returning anything but True
makes `fire` raise `RuleViolation("transition_condition_failed")`, never a silent no-op.

The shared machine keeps no per-model data and `queued=False`, so it is safe to use from several threads;
concurrent updates of the same row must be serialised by the database (row lock or version column).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import Any

from transitions import Machine, MachineError

from workflows.deadlines import EscalationLadder
from workflows.errors import Conflict, RuleViolation

# A guard receives the model and the keyword arguments given to `fire`.
Condition = Callable[[Any, Mapping[str, Any]], bool]

STATE_ATTRIBUTE = "state"


class _ValueMachine(Machine):
    """Machine that looks states up by VALUE when a row holds a StrEnum member.

    transitions resolves Enum states by member name ("PREPARING"), but our states are plain strings and
    services will naturally assign `EstablishmentState.PREPARING`; without this the lookup fails.
    """

    def get_state(self, state: Any) -> Any:
        if isinstance(state, Enum):
            state = state.value
        return super().get_state(state)


@dataclass(frozen=True)
class StateDef:
    name: str
    label_zh: str
    terminal: bool = False

    def __post_init__(self) -> None:
        # transitions treats Enum states by member NAME; store plain strings so `state` keeps the value.
        object.__setattr__(self, "name", str(self.name))


@dataclass(frozen=True)
class TransitionDef:
    event: str
    sources: tuple[str, ...]
    dest: str
    label_zh: str
    conditions: tuple[Condition, ...] = ()

    def __post_init__(self) -> None:
        # Accept a single source or any sequence, store a tuple so the definition stays immutable.
        sources = (self.sources,) if isinstance(self.sources, str) else tuple(self.sources)
        object.__setattr__(self, "sources", tuple(str(s) for s in sources))
        object.__setattr__(self, "dest", str(self.dest))
        object.__setattr__(self, "event", str(self.event))
        object.__setattr__(self, "conditions", tuple(self.conditions))


@dataclass(frozen=True, eq=False)
class WorkflowDefinition:
    """A named workflow and its single shared state machine (identity equality: one object per workflow)."""

    name: str
    label_zh: str
    states: Sequence[StateDef]
    transitions: Sequence[TransitionDef]
    initial: str
    # What the rest of the service reads from the declaration (the workflow kit):
    webhook_events: Sequence[str] = ()  # events the workflow publishes, e.g. "establishment.founded"
    # The escalation ladder its rows climb (item type, levels, delays, effects' names), if any; settings
    # override its numbers by the naming rule in workflows.deadlines (ESCALATION_SETTINGS).
    escalation: EscalationLadder | None = None
    runs_approvals: bool = False  # its cases go through the approval engine (steps, tasks, the inbox)
    # Its rule settings' defaults (a frozen dataclass), overridden by the JSON variable `<NAME>_SETTINGS`
    # (service.config.workflow_settings); None for workflows whose settings are older explicit fields.
    settings: Any = None
    # Its role groups (group name -> role values), for workflows whose groups are not older entries of
    # service/roles.py; service.roles.of(workflow, group) reads and checks them.
    roles: Mapping[str, Sequence[str]] = field(default_factory=dict)
    _machine: Machine = field(init=False, repr=False)

    @property
    def escalation_item(self) -> str | None:
        """The item type its ladder runs under (the escalation engine's key)."""
        return self.escalation.item_type if self.escalation else None

    @property
    def settings_variable(self) -> str:
        """The environment variable overriding its rule settings (see `settings`)."""
        return f"{self.name.upper()}_SETTINGS"

    @property
    def subject_type(self) -> str:
        """The audit subject its rows are recorded under."""
        return self.name

    def __post_init__(self) -> None:
        object.__setattr__(self, "states", tuple(self.states))
        object.__setattr__(self, "transitions", tuple(self.transitions))
        object.__setattr__(self, "initial", str(self.initial))
        object.__setattr__(self, "webhook_events", tuple(self.webhook_events))
        object.__setattr__(self, "roles", {group: tuple(roles) for group, roles in self.roles.items()})
        self._validate()
        machine = _ValueMachine(
            model=None,
            states=[s.name for s in self.states],
            transitions=[self._machine_transition(t) for t in self.transitions],
            initial=self.initial,
            auto_transitions=False,
            model_attribute=STATE_ATTRIBUTE,
            send_event=True,
            name=self.name,
        )
        object.__setattr__(self, "_machine", machine)

    def _validate(self) -> None:
        foreign = [e for e in self.webhook_events if not e.startswith(f"{self.name}.")]
        if foreign:
            raise ValueError(f"{self.name}: webhook events must be named '{self.name}.<what>': {foreign}")
        names = [s.name for s in self.states]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.name}: duplicate state names")
        if self.initial not in names:
            raise ValueError(f"{self.name}: initial state {self.initial!r} is not defined")
        events = [t.event for t in self.transitions]
        # One TransitionDef per event keeps labels and describe() unambiguous.
        if len(set(events)) != len(events):
            raise ValueError(f"{self.name}: duplicate events")
        terminal = {s.name for s in self.states if s.terminal}
        for t in self.transitions:
            unknown = {*t.sources, t.dest} - set(names)
            if unknown:
                raise ValueError(f"{self.name}.{t.event}: unknown states {sorted(unknown)}")
            if not t.sources:
                raise ValueError(f"{self.name}.{t.event}: no source state")
            if terminal & set(t.sources):
                raise ValueError(f"{self.name}.{t.event}: leaves a terminal state")

    def _machine_transition(self, t: TransitionDef) -> dict[str, Any]:
        spec: dict[str, Any] = {"trigger": t.event, "source": list(t.sources), "dest": t.dest}
        if t.conditions:
            spec["conditions"] = [self._guard(t, cond) for cond in t.conditions]
        return spec

    def _guard(self, t: TransitionDef, cond: Condition) -> Callable[[Any], bool]:
        def check(event_data: Any) -> bool:
            if cond(event_data.model, event_data.kwargs) is True:
                return True
            # Raise here so the user learns which transition was blocked instead of a bare False.
            raise RuleViolation(
                "transition_condition_failed",
                f"不满足「{t.label_zh}」的条件",
            )

        return check

    # -- labels ------------------------------------------------------------------------------------------

    @cached_property
    def _state_labels(self) -> dict[str, str]:
        return {s.name: s.label_zh for s in self.states}

    @cached_property
    def _event_labels(self) -> dict[str, str]:
        return {t.event: t.label_zh for t in self.transitions}

    def state_label(self, state: str) -> str:
        return self._state_labels.get(state, state)

    def event_label(self, event: str) -> str:
        return self._event_labels.get(event, event)

    def is_terminal(self, state: str) -> bool:
        self._require_state(state)
        return any(s.name == state and s.terminal for s in self.states)

    # -- firing ------------------------------------------------------------------------------------------

    @property
    def machine(self) -> Machine:
        return self._machine

    def _require_state(self, state: str) -> None:
        if state not in self._state_labels:
            raise ValueError(f"{self.name}: unknown state {state!r}")

    def fire(self, model: Any, event: str, **kwargs: Any) -> None:
        """Move `model.state` along `event`; raise instead of returning False.

        Conflict("transition_not_allowed") when the event does not exist or does not start from the current
        state; RuleViolation from a condition (or "transition_condition_failed" when it only returned False).
        """
        current = getattr(model, STATE_ATTRIBUTE)
        if current not in self._state_labels:
            # Corrupt or foreign data: refuse rather than let transitions raise a bare ValueError.
            raise Conflict("unknown_state", f"当前状态「{current}」无法识别", field=STATE_ATTRIBUTE)
        ev = self._machine.events.get(event)
        if ev is None:
            raise self._not_allowed(current, event)
        try:
            done = ev.trigger(model, **kwargs)
        except MachineError:
            raise self._not_allowed(current, event) from None
        if not done:
            # Only reachable if a condition slipped past the guard wrapper; never report success silently.
            raise RuleViolation("transition_condition_failed", f"不满足「{self.event_label(event)}」的条件")

    def require(self, state: str, event: str) -> None:
        """Raise the same Conflict as `fire` would, before any work is done for an event that cannot fire."""
        if not self.can_fire(state, event):
            raise self._not_allowed(state, event)

    def _not_allowed(self, current: str, event: str) -> Conflict:
        return Conflict(
            "transition_not_allowed",
            f"当前状态「{self.state_label(current)}」不能执行「{self.event_label(event)}」",
        )

    def allowed_events(self, state: str) -> list[str]:
        """Events whose source includes `state`, in definition order (conditions are not evaluated)."""
        self._require_state(state)
        return [t.event for t in self.transitions if state in t.sources]

    def can_fire(self, state: str, event: str) -> bool:
        return event in self.allowed_events(state)

    # -- description -------------------------------------------------------------------------------------

    def describe(self) -> dict[str, Any]:
        """JSON-ready description for `GET /api/v1/workflows`."""
        return {
            "name": self.name,
            "label": self.label_zh,
            "initial": self.initial,
            "states": [
                {
                    "name": s.name,
                    "label": s.label_zh,
                    "terminal": s.terminal,
                    "initial": s.name == self.initial,
                }
                for s in self.states
            ],
            "transitions": [
                {
                    "event": t.event,
                    "label": t.label_zh,
                    "sources": list(t.sources),
                    "dest": t.dest,
                    "guarded": bool(t.conditions),
                }
                for t in self.transitions
            ],
        }

    @cached_property
    def _mermaid(self) -> str:
        # Imported lazily: diagrams are off the request path and GraphMachine is heavier than Machine.
        from transitions.core import State
        from transitions.extensions.diagrams import GraphMachine
        from transitions.extensions.diagrams_mermaid import DigraphMock

        class _LabelledState(State):  # GraphMachine.state_cls is the plain State
            # The markup reads a `label` attribute; plain State does not accept one.
            def __init__(self, *args: Any, label: str | None = None, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                if label:
                    self.label = label

        class _DiagramMachine(GraphMachine):
            state_cls = _LabelledState

        diagram = _DiagramMachine(
            model=None,
            states=[{"name": s.name, "label": s.label_zh} for s in self.states],
            transitions=[
                {"trigger": t.event, "source": list(t.sources), "dest": t.dest, "label": t.label_zh}
                for t in self.transitions
            ],
            initial=self.initial,
            auto_transitions=False,
            graph_engine="mermaid",
            title=self.label_zh,
        )
        # A fresh graph object has no "active" styling, unlike a model's get_graph().
        graph = diagram.graph_cls(diagram).get_graph(title=self.label_zh)
        assert isinstance(graph, DigraphMock)  # graph_engine="mermaid"; the stubs only promise GraphProtocol
        text = graph.source
        finals = [f"  {s.name} --> [*]" for s in self.states if s.terminal]
        return "\n".join([text, *finals])

    def mermaid(self) -> str:
        """Mermaid `stateDiagram-v2` text (built once, then cached)."""
        return self._mermaid
