from typing import Literal

GetApiV1SupervisionTicketsWarningLevel = Literal["green", "red", "yellow"]

GET_API_V1_SUPERVISION_TICKETS_WARNING_LEVEL_VALUES: set[GetApiV1SupervisionTicketsWarningLevel] = {
    "green",
    "red",
    "yellow",
}


def check_get_api_v1_supervision_tickets_warning_level(value: str) -> GetApiV1SupervisionTicketsWarningLevel:
    if value in GET_API_V1_SUPERVISION_TICKETS_WARNING_LEVEL_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GET_API_V1_SUPERVISION_TICKETS_WARNING_LEVEL_VALUES!r}"
    )
