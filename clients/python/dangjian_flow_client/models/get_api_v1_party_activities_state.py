from typing import Literal

GetApiV1PartyActivitiesState = Literal["recorded", "withdrawn"]

GET_API_V1_PARTY_ACTIVITIES_STATE_VALUES: set[GetApiV1PartyActivitiesState] = {
    "recorded",
    "withdrawn",
}


def check_get_api_v1_party_activities_state(value: str) -> GetApiV1PartyActivitiesState:
    if value in GET_API_V1_PARTY_ACTIVITIES_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_API_V1_PARTY_ACTIVITIES_STATE_VALUES!r}")
