from typing import Literal

GetApiV1SupervisionTicketsExportXlsxState = Literal[
    "acknowledged", "cancelled", "closed", "draft", "issued", "rectifying", "submitted"
]

GET_API_V1_SUPERVISION_TICKETS_EXPORT_XLSX_STATE_VALUES: set[GetApiV1SupervisionTicketsExportXlsxState] = {
    "acknowledged",
    "cancelled",
    "closed",
    "draft",
    "issued",
    "rectifying",
    "submitted",
}


def check_get_api_v1_supervision_tickets_export_xlsx_state(value: str) -> GetApiV1SupervisionTicketsExportXlsxState:
    if value in GET_API_V1_SUPERVISION_TICKETS_EXPORT_XLSX_STATE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GET_API_V1_SUPERVISION_TICKETS_EXPORT_XLSX_STATE_VALUES!r}"
    )
