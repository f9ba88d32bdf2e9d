from typing import Literal

UserCreateRole = Literal["admin", "approver", "handler", "instructor", "portal", "supervisor"]

USER_CREATE_ROLE_VALUES: set[UserCreateRole] = {
    "admin",
    "approver",
    "handler",
    "instructor",
    "portal",
    "supervisor",
}


def check_user_create_role(value: str) -> UserCreateRole:
    if value in USER_CREATE_ROLE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {USER_CREATE_ROLE_VALUES!r}")
