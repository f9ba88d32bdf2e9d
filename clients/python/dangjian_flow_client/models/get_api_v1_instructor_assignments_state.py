from typing import Literal

GetApiV1InstructorAssignmentsState = Literal["active", "released"]

GET_API_V1_INSTRUCTOR_ASSIGNMENTS_STATE_VALUES: set[GetApiV1InstructorAssignmentsState] = {
    "active",
    "released",
}


def check_get_api_v1_instructor_assignments_state(value: str) -> GetApiV1InstructorAssignmentsState:
    if value in GET_API_V1_INSTRUCTOR_ASSIGNMENTS_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_API_V1_INSTRUCTOR_ASSIGNMENTS_STATE_VALUES!r}")
