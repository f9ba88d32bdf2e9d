from typing import Literal

GetApiV1AdjustmentCasesTrigger = Literal[
    "below_form", "deregistered", "joint_below_total", "joint_unit_stands_alone", "merged", "moved", "split"
]

GET_API_V1_ADJUSTMENT_CASES_TRIGGER_VALUES: set[GetApiV1AdjustmentCasesTrigger] = {
    "below_form",
    "deregistered",
    "joint_below_total",
    "joint_unit_stands_alone",
    "merged",
    "moved",
    "split",
}


def check_get_api_v1_adjustment_cases_trigger(value: str) -> GetApiV1AdjustmentCasesTrigger:
    if value in GET_API_V1_ADJUSTMENT_CASES_TRIGGER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_API_V1_ADJUSTMENT_CASES_TRIGGER_VALUES!r}")
