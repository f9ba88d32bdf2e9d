from typing import Literal

GetApiV1SupervisionTicketsExportXlsxPriority = Literal["critical", "normal", "urgent"]

GET_API_V1_SUPERVISION_TICKETS_EXPORT_XLSX_PRIORITY_VALUES: set[GetApiV1SupervisionTicketsExportXlsxPriority] = {
    "critical",
    "normal",
    "urgent",
}


def check_get_api_v1_supervision_tickets_export_xlsx_priority(
    value: str,
) -> GetApiV1SupervisionTicketsExportXlsxPriority:
    if value in GET_API_V1_SUPERVISION_TICKETS_EXPORT_XLSX_PRIORITY_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GET_API_V1_SUPERVISION_TICKETS_EXPORT_XLSX_PRIORITY_VALUES!r}"
    )
