from typing import Literal

GetApiV1ReElectionsKind = Literal["advance", "postponement", "re_election"]

GET_API_V1_RE_ELECTIONS_KIND_VALUES: set[GetApiV1ReElectionsKind] = {
    "advance",
    "postponement",
    "re_election",
}


def check_get_api_v1_re_elections_kind(value: str) -> GetApiV1ReElectionsKind:
    if value in GET_API_V1_RE_ELECTIONS_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_API_V1_RE_ELECTIONS_KIND_VALUES!r}")
