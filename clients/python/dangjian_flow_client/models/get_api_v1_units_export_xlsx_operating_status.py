from typing import Literal

GetApiV1UnitsExportXlsxOperatingStatus = Literal["deregistered", "operating", "suspended"]

GET_API_V1_UNITS_EXPORT_XLSX_OPERATING_STATUS_VALUES: set[GetApiV1UnitsExportXlsxOperatingStatus] = {
    "deregistered",
    "operating",
    "suspended",
}


def check_get_api_v1_units_export_xlsx_operating_status(value: str) -> GetApiV1UnitsExportXlsxOperatingStatus:
    if value in GET_API_V1_UNITS_EXPORT_XLSX_OPERATING_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GET_API_V1_UNITS_EXPORT_XLSX_OPERATING_STATUS_VALUES!r}"
    )
