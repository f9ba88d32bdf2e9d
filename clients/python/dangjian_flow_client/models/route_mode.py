from typing import Literal

RouteMode = Literal["any_one", "committee_vote", "countersign", "sequential"]

ROUTE_MODE_VALUES: set[RouteMode] = {
    "any_one",
    "committee_vote",
    "countersign",
    "sequential",
}


def check_route_mode(value: str) -> RouteMode:
    if value in ROUTE_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ROUTE_MODE_VALUES!r}")
