from typing import Literal

DecideAction = Literal["approve", "reject", "return"]

DECIDE_ACTION_VALUES: set[DecideAction] = {
    "approve",
    "reject",
    "return",
}


def check_decide_action(value: str) -> DecideAction:
    if value in DECIDE_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DECIDE_ACTION_VALUES!r}")
