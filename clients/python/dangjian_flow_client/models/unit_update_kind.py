from typing import Literal

UnitUpdateKind = Literal["enterprise", "social_org"]

UNIT_UPDATE_KIND_VALUES: set[UnitUpdateKind] = {
    "enterprise",
    "social_org",
}


def check_unit_update_kind(value: str) -> UnitUpdateKind:
    if value in UNIT_UPDATE_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UNIT_UPDATE_KIND_VALUES!r}")
