from typing import Literal

GetApiV1ReElectionsDueExportXlsxStatus = Literal["due", "overdue"]

GET_API_V1_RE_ELECTIONS_DUE_EXPORT_XLSX_STATUS_VALUES: set[GetApiV1ReElectionsDueExportXlsxStatus] = {
    "due",
    "overdue",
}


def check_get_api_v1_re_elections_due_export_xlsx_status(value: str) -> GetApiV1ReElectionsDueExportXlsxStatus:
    if value in GET_API_V1_RE_ELECTIONS_DUE_EXPORT_XLSX_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GET_API_V1_RE_ELECTIONS_DUE_EXPORT_XLSX_STATUS_VALUES!r}"
    )
