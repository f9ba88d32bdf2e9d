from typing import Literal

GetApiV1UnitsOperatingStatus = Literal["deregistered", "operating", "suspended"]

GET_API_V1_UNITS_OPERATING_STATUS_VALUES: set[GetApiV1UnitsOperatingStatus] = {
    "deregistered",
    "operating",
    "suspended",
}


def check_get_api_v1_units_operating_status(value: str) -> GetApiV1UnitsOperatingStatus:
    if value in GET_API_V1_UNITS_OPERATING_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_API_V1_UNITS_OPERATING_STATUS_VALUES!r}")
