from typing import Literal

AddApproversPositionType3Type1 = Literal["after", "before"]

ADD_APPROVERS_POSITION_TYPE_3_TYPE_1_VALUES: set[AddApproversPositionType3Type1] = {
    "after",
    "before",
}


def check_add_approvers_position_type_3_type_1(value: str) -> AddApproversPositionType3Type1:
    if value in ADD_APPROVERS_POSITION_TYPE_3_TYPE_1_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ADD_APPROVERS_POSITION_TYPE_3_TYPE_1_VALUES!r}")
