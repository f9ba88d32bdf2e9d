from typing import Literal

GetApiV1InstructorsStatus = Literal["no_units", "over_cap", "overdue_visits"]

GET_API_V1_INSTRUCTORS_STATUS_VALUES: set[GetApiV1InstructorsStatus] = {
    "no_units",
    "over_cap",
    "overdue_visits",
}


def check_get_api_v1_instructors_status(value: str) -> GetApiV1InstructorsStatus:
    if value in GET_API_V1_INSTRUCTORS_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_API_V1_INSTRUCTORS_STATUS_VALUES!r}")
