from typing import Literal

ReturnToLevelName = Literal["county_approval", "superior_approval", "superior_review"]

RETURN_TO_LEVEL_NAME_VALUES: set[ReturnToLevelName] = {
    "county_approval",
    "superior_approval",
    "superior_review",
}


def check_return_to_level_name(value: str) -> ReturnToLevelName:
    if value in RETURN_TO_LEVEL_NAME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETURN_TO_LEVEL_NAME_VALUES!r}")
