from typing import Literal

ManualCaseAction = Literal["change_form", "dissolve", "refound_joint", "transfer"]

MANUAL_CASE_ACTION_VALUES: set[ManualCaseAction] = {
    "change_form",
    "dissolve",
    "refound_joint",
    "transfer",
}


def check_manual_case_action(value: str) -> ManualCaseAction:
    if value in MANUAL_CASE_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MANUAL_CASE_ACTION_VALUES!r}")
