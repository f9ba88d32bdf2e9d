from typing import Literal

RouteLevelName = Literal["county_approval", "superior_approval", "superior_review"]

ROUTE_LEVEL_NAME_VALUES: set[RouteLevelName] = {
    "county_approval",
    "superior_approval",
    "superior_review",
}


def check_route_level_name(value: str) -> RouteLevelName:
    if value in ROUTE_LEVEL_NAME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ROUTE_LEVEL_NAME_VALUES!r}")
