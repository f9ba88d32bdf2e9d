from typing import Literal

GetApiV1SupervisionTicketsPriority = Literal["critical", "normal", "urgent"]

GET_API_V1_SUPERVISION_TICKETS_PRIORITY_VALUES: set[GetApiV1SupervisionTicketsPriority] = {
    "critical",
    "normal",
    "urgent",
}


def check_get_api_v1_supervision_tickets_priority(value: str) -> GetApiV1SupervisionTicketsPriority:
    if value in GET_API_V1_SUPERVISION_TICKETS_PRIORITY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_API_V1_SUPERVISION_TICKETS_PRIORITY_VALUES!r}")
