from typing import Literal

InspectionCreateResult = Literal["basically_passed", "failed", "passed"]

INSPECTION_CREATE_RESULT_VALUES: set[InspectionCreateResult] = {
    "basically_passed",
    "failed",
    "passed",
}


def check_inspection_create_result(value: str) -> InspectionCreateResult:
    if value in INSPECTION_CREATE_RESULT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INSPECTION_CREATE_RESULT_VALUES!r}")
