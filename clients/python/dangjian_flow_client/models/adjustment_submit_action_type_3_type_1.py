from typing import Literal

AdjustmentSubmitActionType3Type1 = Literal["change_form", "dissolve", "refound_joint", "transfer"]

ADJUSTMENT_SUBMIT_ACTION_TYPE_3_TYPE_1_VALUES: set[AdjustmentSubmitActionType3Type1] = {
    "change_form",
    "dissolve",
    "refound_joint",
    "transfer",
}


def check_adjustment_submit_action_type_3_type_1(value: str) -> AdjustmentSubmitActionType3Type1:
    if value in ADJUSTMENT_SUBMIT_ACTION_TYPE_3_TYPE_1_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ADJUSTMENT_SUBMIT_ACTION_TYPE_3_TYPE_1_VALUES!r}")
