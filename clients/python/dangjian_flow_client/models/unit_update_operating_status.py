from typing import Literal

UnitUpdateOperatingStatus = Literal["deregistered", "operating", "suspended"]

UNIT_UPDATE_OPERATING_STATUS_VALUES: set[UnitUpdateOperatingStatus] = {
    "deregistered",
    "operating",
    "suspended",
}


def check_unit_update_operating_status(value: str) -> UnitUpdateOperatingStatus:
    if value in UNIT_UPDATE_OPERATING_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UNIT_UPDATE_OPERATING_STATUS_VALUES!r}")
