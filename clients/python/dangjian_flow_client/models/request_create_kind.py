from typing import Literal

RequestCreateKind = Literal["advance", "postponement", "re_election"]

REQUEST_CREATE_KIND_VALUES: set[RequestCreateKind] = {
    "advance",
    "postponement",
    "re_election",
}


def check_request_create_kind(value: str) -> RequestCreateKind:
    if value in REQUEST_CREATE_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REQUEST_CREATE_KIND_VALUES!r}")
