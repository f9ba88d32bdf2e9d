from typing import Literal

GetApiV1InstructorAssignmentsExportXlsxState = Literal["active", "released"]

GET_API_V1_INSTRUCTOR_ASSIGNMENTS_EXPORT_XLSX_STATE_VALUES: set[GetApiV1InstructorAssignmentsExportXlsxState] = {
    "active",
    "released",
}


def check_get_api_v1_instructor_assignments_export_xlsx_state(
    value: str,
) -> GetApiV1InstructorAssignmentsExportXlsxState:
    if value in GET_API_V1_INSTRUCTOR_ASSIGNMENTS_EXPORT_XLSX_STATE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GET_API_V1_INSTRUCTOR_ASSIGNMENTS_EXPORT_XLSX_STATE_VALUES!r}"
    )
