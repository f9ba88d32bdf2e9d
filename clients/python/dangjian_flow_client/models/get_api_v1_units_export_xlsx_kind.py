from typing import Literal

GetApiV1UnitsExportXlsxKind = Literal["enterprise", "social_org"]

GET_API_V1_UNITS_EXPORT_XLSX_KIND_VALUES: set[GetApiV1UnitsExportXlsxKind] = {
    "enterprise",
    "social_org",
}


def check_get_api_v1_units_export_xlsx_kind(value: str) -> GetApiV1UnitsExportXlsxKind:
    if value in GET_API_V1_UNITS_EXPORT_XLSX_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_API_V1_UNITS_EXPORT_XLSX_KIND_VALUES!r}")
