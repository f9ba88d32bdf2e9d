from typing import Literal

GetApiV1PartyActivitiesInactiveUnitsKind = Literal["enterprise", "social_org"]

GET_API_V1_PARTY_ACTIVITIES_INACTIVE_UNITS_KIND_VALUES: set[GetApiV1PartyActivitiesInactiveUnitsKind] = {
    "enterprise",
    "social_org",
}


def check_get_api_v1_party_activities_inactive_units_kind(value: str) -> GetApiV1PartyActivitiesInactiveUnitsKind:
    if value in GET_API_V1_PARTY_ACTIVITIES_INACTIVE_UNITS_KIND_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GET_API_V1_PARTY_ACTIVITIES_INACTIVE_UNITS_KIND_VALUES!r}"
    )
