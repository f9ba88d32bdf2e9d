from typing import Literal

BatchDecideAction = Literal["approve", "return"]

BATCH_DECIDE_ACTION_VALUES: set[BatchDecideAction] = {
    "approve",
    "return",
}


def check_batch_decide_action(value: str) -> BatchDecideAction:
    if value in BATCH_DECIDE_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BATCH_DECIDE_ACTION_VALUES!r}")
