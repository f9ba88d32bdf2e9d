from typing import Literal

GetApiV1CoverageMustEstablishExportXlsxOperatingStatus = Literal["deregistered", "operating", "suspended"]

GET_API_V1_COVERAGE_MUST_ESTABLISH_EXPORT_XLSX_OPERATING_STATUS_VALUES: set[
    GetApiV1CoverageMustEstablishExportXlsxOperatingStatus
] = {
    "deregistered",
    "operating",
    "suspended",
}


def check_get_api_v1_coverage_must_establish_export_xlsx_operating_status(
    value: str,
) -> GetApiV1CoverageMustEstablishExportXlsxOperatingStatus:
    if value in GET_API_V1_COVERAGE_MUST_ESTABLISH_EXPORT_XLSX_OPERATING_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GET_API_V1_COVERAGE_MUST_ESTABLISH_EXPORT_XLSX_OPERATING_STATUS_VALUES!r}"
    )
