"""Cost of one transition: shared machine vs a Machine per row vs add_model/remove_model.

Run: .venv/bin/python bench/bench_machine.py [rows]   (default 20,000 plain objects; ~10 s)
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable

from transitions import Machine

from workflows.establishment import ESTABLISHMENT  # the project is installed in the venv (editable)

STATES = [s.name for s in ESTABLISHMENT.states]
TRANSITIONS = [
    {"trigger": t.event, "source": list(t.sources), "dest": t.dest}
    for t in ESTABLISHMENT.transitions
    if not t.conditions  # keep the comparison about machine overhead, not the founding checks
]


class Row:
    def __init__(self) -> None:
        self.state = "preparing"


def shared_machine() -> Machine:
    return Machine(
        model=None,
        states=STATES,
        transitions=TRANSITIONS,
        initial="preparing",
        auto_transitions=False,
        model_attribute="state",
        send_event=True,
    )


def run(label: str, n: int, step: Callable[[Row], None]) -> float:
    """Time `step` on n fresh rows; each row is dropped afterwards, as at the end of a request."""
    gc.collect()
    done = 0
    start = time.perf_counter()
    for _ in range(n):
        row = Row()
        step(row)
        done += row.state == "submitted"
    elapsed = time.perf_counter() - start
    assert done == n, label
    per_op = elapsed / n * 1e6
    print(f"{label:<60} {per_op:8.2f} µs/op   ({elapsed:6.3f} s for {n:,})")
    return per_op


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    machine = shared_machine()
    event = machine.events["submit"]

    def via_trigger(row: Row) -> None:
        event.trigger(row)

    def via_lookup(row: Row) -> None:
        machine.events["submit"].trigger(row)

    def via_fire(row: Row) -> None:
        ESTABLISHMENT.fire(row, "submit")

    def via_add_remove(row: Row) -> None:
        machine.add_model(row, initial=row.state)
        try:
            row.submit()  # type: ignore[attr-defined]
        finally:
            machine.remove_model(row)

    def machine_per_row(auto: bool) -> Callable[[Row], None]:
        def step(row: Row) -> None:
            m = Machine(
                model=row,
                states=STATES,
                transitions=TRANSITIONS,
                initial=row.state,
                auto_transitions=auto,
                model_attribute="state",
                send_event=True,
            )
            m.events["submit"].trigger(row)

        return step

    print(f"transitions benchmark, {n:,} plain objects, one 'submit' transition each (Python {sys.version.split()[0]})")
    results = {
        "trigger": run("shared machine: events['submit'].trigger(row)", n, via_trigger),
        "lookup": run("shared machine: machine.events[name].trigger(row)", n, via_lookup),
        "fire": run("WorkflowDefinition.fire(row, 'submit') (with checks)", n, via_fire),
        "add_remove": run("shared machine: add_model(initial=) + trigger + remove_model", n, via_add_remove),
        "per_row": run("Machine per row (auto_transitions=False)", n, machine_per_row(False)),
        "per_row_auto": run("Machine per row (auto_transitions=True)", n, machine_per_row(True)),
    }
    assert machine.models == [], "shared machine must not keep rows"
    base = results["trigger"]
    print()
    for key, value in results.items():
        print(f"  {key:<13} {value / base:6.1f}x the shared-machine trigger")


if __name__ == "__main__":
    main()
