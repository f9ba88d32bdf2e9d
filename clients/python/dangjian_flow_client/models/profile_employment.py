from typing import Literal

ProfileEmployment = Literal["full_time", "part_time"]

PROFILE_EMPLOYMENT_VALUES: set[ProfileEmployment] = {
    "full_time",
    "part_time",
}


def check_profile_employment(value: str) -> ProfileEmployment:
    if value in PROFILE_EMPLOYMENT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PROFILE_EMPLOYMENT_VALUES!r}")
