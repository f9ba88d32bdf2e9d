from typing import Literal

RosterMemberMemberType = Literal["formal", "probationary"]

ROSTER_MEMBER_MEMBER_TYPE_VALUES: set[RosterMemberMemberType] = {
    "formal",
    "probationary",
}


def check_roster_member_member_type(value: str) -> RosterMemberMemberType:
    if value in ROSTER_MEMBER_MEMBER_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ROSTER_MEMBER_MEMBER_TYPE_VALUES!r}")
