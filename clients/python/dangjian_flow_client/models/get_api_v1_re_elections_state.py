from typing import Literal

GetApiV1ReElectionsState = Literal["approved", "changed", "elected", "rejected", "returned", "submitted", "withdrawn"]

GET_API_V1_RE_ELECTIONS_STATE_VALUES: set[GetApiV1ReElectionsState] = {
    "approved",
    "changed",
    "elected",
    "rejected",
    "returned",
    "submitted",
    "withdrawn",
}


def check_get_api_v1_re_elections_state(value: str) -> GetApiV1ReElectionsState:
    if value in GET_API_V1_RE_ELECTIONS_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_API_V1_RE_ELECTIONS_STATE_VALUES!r}")
