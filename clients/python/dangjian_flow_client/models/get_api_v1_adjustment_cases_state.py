from typing import Literal

GetApiV1AdjustmentCasesState = Literal["applied", "cancelled", "proposed", "rejected", "returned", "submitted"]

GET_API_V1_ADJUSTMENT_CASES_STATE_VALUES: set[GetApiV1AdjustmentCasesState] = {
    "applied",
    "cancelled",
    "proposed",
    "rejected",
    "returned",
    "submitted",
}


def check_get_api_v1_adjustment_cases_state(value: str) -> GetApiV1AdjustmentCasesState:
    if value in GET_API_V1_ADJUSTMENT_CASES_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_API_V1_ADJUSTMENT_CASES_STATE_VALUES!r}")
