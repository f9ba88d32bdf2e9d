from typing import Literal

GetApiV1PartyOrgsStatus = Literal["active", "dissolved"]

GET_API_V1_PARTY_ORGS_STATUS_VALUES: set[GetApiV1PartyOrgsStatus] = {
    "active",
    "dissolved",
}


def check_get_api_v1_party_orgs_status(value: str) -> GetApiV1PartyOrgsStatus:
    if value in GET_API_V1_PARTY_ORGS_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_API_V1_PARTY_ORGS_STATUS_VALUES!r}")
