from typing import Literal

ActivityCreateKind = Literal["other", "theme_day", "three_meetings", "training", "volunteer"]

ACTIVITY_CREATE_KIND_VALUES: set[ActivityCreateKind] = {
    "other",
    "theme_day",
    "three_meetings",
    "training",
    "volunteer",
}


def check_activity_create_kind(value: str) -> ActivityCreateKind:
    if value in ACTIVITY_CREATE_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ACTIVITY_CREATE_KIND_VALUES!r}")
