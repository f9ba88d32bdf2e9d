from typing import Literal

JurisdictionCreateKind = Literal["city", "county", "district", "industry_committee", "park", "street", "township"]

JURISDICTION_CREATE_KIND_VALUES: set[JurisdictionCreateKind] = {
    "city",
    "county",
    "district",
    "industry_committee",
    "park",
    "street",
    "township",
}


def check_jurisdiction_create_kind(value: str) -> JurisdictionCreateKind:
    if value in JURISDICTION_CREATE_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {JURISDICTION_CREATE_KIND_VALUES!r}")
