from typing import Literal

GetApiV1PreparationItemsState = Literal["closed", "open"]

GET_API_V1_PREPARATION_ITEMS_STATE_VALUES: set[GetApiV1PreparationItemsState] = {
    "closed",
    "open",
}


def check_get_api_v1_preparation_items_state(value: str) -> GetApiV1PreparationItemsState:
    if value in GET_API_V1_PREPARATION_ITEMS_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_API_V1_PREPARATION_ITEMS_STATE_VALUES!r}")
