from typing import Literal

GetApiV1AdjustmentCasesAction = Literal["change_form", "dissolve", "refound_joint", "transfer"]

GET_API_V1_ADJUSTMENT_CASES_ACTION_VALUES: set[GetApiV1AdjustmentCasesAction] = {
    "change_form",
    "dissolve",
    "refound_joint",
    "transfer",
}


def check_get_api_v1_adjustment_cases_action(value: str) -> GetApiV1AdjustmentCasesAction:
    if value in GET_API_V1_ADJUSTMENT_CASES_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_API_V1_ADJUSTMENT_CASES_ACTION_VALUES!r}")
