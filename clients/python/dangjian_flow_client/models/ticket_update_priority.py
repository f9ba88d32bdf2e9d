from typing import Literal

TicketUpdatePriority = Literal["critical", "normal", "urgent"]

TICKET_UPDATE_PRIORITY_VALUES: set[TicketUpdatePriority] = {
    "critical",
    "normal",
    "urgent",
}


def check_ticket_update_priority(value: str) -> TicketUpdatePriority:
    if value in TICKET_UPDATE_PRIORITY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TICKET_UPDATE_PRIORITY_VALUES!r}")
