from typing import Literal

GetApiV1EstablishmentCasesState = Literal[
    "approved", "cancelled", "founded", "preparing", "rejected", "returned", "submitted", "withdrawn"
]

GET_API_V1_ESTABLISHMENT_CASES_STATE_VALUES: set[GetApiV1EstablishmentCasesState] = {
    "approved",
    "cancelled",
    "founded",
    "preparing",
    "rejected",
    "returned",
    "submitted",
    "withdrawn",
}


def check_get_api_v1_establishment_cases_state(value: str) -> GetApiV1EstablishmentCasesState:
    if value in GET_API_V1_ESTABLISHMENT_CASES_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_API_V1_ESTABLISHMENT_CASES_STATE_VALUES!r}")
