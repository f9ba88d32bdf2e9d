from typing import Literal

TicketCreatePriority = Literal["critical", "normal", "urgent"]

TICKET_CREATE_PRIORITY_VALUES: set[TicketCreatePriority] = {
    "critical",
    "normal",
    "urgent",
}


def check_ticket_create_priority(value: str) -> TicketCreatePriority:
    if value in TICKET_CREATE_PRIORITY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TICKET_CREATE_PRIORITY_VALUES!r}")
