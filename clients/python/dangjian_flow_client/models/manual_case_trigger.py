from typing import Literal

ManualCaseTrigger = Literal["merged", "split"]

MANUAL_CASE_TRIGGER_VALUES: set[ManualCaseTrigger] = {
    "merged",
    "split",
}


def check_manual_case_trigger(value: str) -> ManualCaseTrigger:
    if value in MANUAL_CASE_TRIGGER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MANUAL_CASE_TRIGGER_VALUES!r}")
