from typing import Literal

GetApiV1InterviewsState = Literal["cancelled", "closed", "followed_up", "held", "scheduled"]

GET_API_V1_INTERVIEWS_STATE_VALUES: set[GetApiV1InterviewsState] = {
    "cancelled",
    "closed",
    "followed_up",
    "held",
    "scheduled",
}


def check_get_api_v1_interviews_state(value: str) -> GetApiV1InterviewsState:
    if value in GET_API_V1_INTERVIEWS_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_API_V1_INTERVIEWS_STATE_VALUES!r}")
