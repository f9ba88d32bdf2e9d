from typing import Literal

UnitCreateKind = Literal["enterprise", "social_org"]

UNIT_CREATE_KIND_VALUES: set[UnitCreateKind] = {
    "enterprise",
    "social_org",
}


def check_unit_create_kind(value: str) -> UnitCreateKind:
    if value in UNIT_CREATE_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UNIT_CREATE_KIND_VALUES!r}")
