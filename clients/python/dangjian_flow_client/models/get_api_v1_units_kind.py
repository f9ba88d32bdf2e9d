from typing import Literal

GetApiV1UnitsKind = Literal["enterprise", "social_org"]

GET_API_V1_UNITS_KIND_VALUES: set[GetApiV1UnitsKind] = {
    "enterprise",
    "social_org",
}


def check_get_api_v1_units_kind(value: str) -> GetApiV1UnitsKind:
    if value in GET_API_V1_UNITS_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_API_V1_UNITS_KIND_VALUES!r}")
