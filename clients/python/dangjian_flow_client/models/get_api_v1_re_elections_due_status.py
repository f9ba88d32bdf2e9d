from typing import Literal

GetApiV1ReElectionsDueStatus = Literal["due", "overdue"]

GET_API_V1_RE_ELECTIONS_DUE_STATUS_VALUES: set[GetApiV1ReElectionsDueStatus] = {
    "due",
    "overdue",
}


def check_get_api_v1_re_elections_due_status(value: str) -> GetApiV1ReElectionsDueStatus:
    if value in GET_API_V1_RE_ELECTIONS_DUE_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_API_V1_RE_ELECTIONS_DUE_STATUS_VALUES!r}")
