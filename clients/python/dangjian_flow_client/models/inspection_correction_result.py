from typing import Literal

InspectionCorrectionResult = Literal["basically_passed", "failed", "passed"]

INSPECTION_CORRECTION_RESULT_VALUES: set[InspectionCorrectionResult] = {
    "basically_passed",
    "failed",
    "passed",
}


def check_inspection_correction_result(value: str) -> InspectionCorrectionResult:
    if value in INSPECTION_CORRECTION_RESULT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INSPECTION_CORRECTION_RESULT_VALUES!r}")
