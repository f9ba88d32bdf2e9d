from typing import Literal

GetApiV1JurisdictionsKind = Literal["city", "county", "district", "industry_committee", "park", "street", "township"]

GET_API_V1_JURISDICTIONS_KIND_VALUES: set[GetApiV1JurisdictionsKind] = {
    "city",
    "county",
    "district",
    "industry_committee",
    "park",
    "street",
    "township",
}


def check_get_api_v1_jurisdictions_kind(value: str) -> GetApiV1JurisdictionsKind:
    if value in GET_API_V1_JURISDICTIONS_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_API_V1_JURISDICTIONS_KIND_VALUES!r}")
