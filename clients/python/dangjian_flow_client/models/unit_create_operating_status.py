from typing import Literal

UnitCreateOperatingStatus = Literal["deregistered", "operating", "suspended"]

UNIT_CREATE_OPERATING_STATUS_VALUES: set[UnitCreateOperatingStatus] = {
    "deregistered",
    "operating",
    "suspended",
}


def check_unit_create_operating_status(value: str) -> UnitCreateOperatingStatus:
    if value in UNIT_CREATE_OPERATING_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UNIT_CREATE_OPERATING_STATUS_VALUES!r}")
