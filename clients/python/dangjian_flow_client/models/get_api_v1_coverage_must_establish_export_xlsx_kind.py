from typing import Literal

GetApiV1CoverageMustEstablishExportXlsxKind = Literal["enterprise", "social_org"]

GET_API_V1_COVERAGE_MUST_ESTABLISH_EXPORT_XLSX_KIND_VALUES: set[GetApiV1CoverageMustEstablishExportXlsxKind] = {
    "enterprise",
    "social_org",
}


def check_get_api_v1_coverage_must_establish_export_xlsx_kind(
    value: str,
) -> GetApiV1CoverageMustEstablishExportXlsxKind:
    if value in GET_API_V1_COVERAGE_MUST_ESTABLISH_EXPORT_XLSX_KIND_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GET_API_V1_COVERAGE_MUST_ESTABLISH_EXPORT_XLSX_KIND_VALUES!r}"
    )
