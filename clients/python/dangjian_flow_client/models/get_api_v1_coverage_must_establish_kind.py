from typing import Literal

GetApiV1CoverageMustEstablishKind = Literal["enterprise", "social_org"]

GET_API_V1_COVERAGE_MUST_ESTABLISH_KIND_VALUES: set[GetApiV1CoverageMustEstablishKind] = {
    "enterprise",
    "social_org",
}


def check_get_api_v1_coverage_must_establish_kind(value: str) -> GetApiV1CoverageMustEstablishKind:
    if value in GET_API_V1_COVERAGE_MUST_ESTABLISH_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_API_V1_COVERAGE_MUST_ESTABLISH_KIND_VALUES!r}")
