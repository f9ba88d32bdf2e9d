from typing import Literal

AddApproversPositionType2Type1 = Literal["after", "before"]

ADD_APPROVERS_POSITION_TYPE_2_TYPE_1_VALUES: set[AddApproversPositionType2Type1] = {
    "after",
    "before",
}


def check_add_approvers_position_type_2_type_1(value: str) -> AddApproversPositionType2Type1:
    if value in ADD_APPROVERS_POSITION_TYPE_2_TYPE_1_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ADD_APPROVERS_POSITION_TYPE_2_TYPE_1_VALUES!r}")
