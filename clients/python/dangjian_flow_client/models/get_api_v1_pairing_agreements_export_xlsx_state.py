from typing import Literal

GetApiV1PairingAgreementsExportXlsxState = Literal["draft", "in_force", "signed", "terminated", "year_reviewed"]

GET_API_V1_PAIRING_AGREEMENTS_EXPORT_XLSX_STATE_VALUES: set[GetApiV1PairingAgreementsExportXlsxState] = {
    "draft",
    "in_force",
    "signed",
    "terminated",
    "year_reviewed",
}


def check_get_api_v1_pairing_agreements_export_xlsx_state(value: str) -> GetApiV1PairingAgreementsExportXlsxState:
    if value in GET_API_V1_PAIRING_AGREEMENTS_EXPORT_XLSX_STATE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GET_API_V1_PAIRING_AGREEMENTS_EXPORT_XLSX_STATE_VALUES!r}"
    )
