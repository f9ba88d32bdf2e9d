from typing import Literal

GetApiV1UsersRole = Literal["admin", "approver", "handler", "instructor", "portal", "supervisor"]

GET_API_V1_USERS_ROLE_VALUES: set[GetApiV1UsersRole] = {
    "admin",
    "approver",
    "handler",
    "instructor",
    "portal",
    "supervisor",
}


def check_get_api_v1_users_role(value: str) -> GetApiV1UsersRole:
    if value in GET_API_V1_USERS_ROLE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_API_V1_USERS_ROLE_VALUES!r}")
