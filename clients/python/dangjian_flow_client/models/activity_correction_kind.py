from typing import Literal

ActivityCorrectionKind = Literal["other", "theme_day", "three_meetings", "training", "volunteer"]

ACTIVITY_CORRECTION_KIND_VALUES: set[ActivityCorrectionKind] = {
    "other",
    "theme_day",
    "three_meetings",
    "training",
    "volunteer",
}


def check_activity_correction_kind(value: str) -> ActivityCorrectionKind:
    if value in ACTIVITY_CORRECTION_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ACTIVITY_CORRECTION_KIND_VALUES!r}")
