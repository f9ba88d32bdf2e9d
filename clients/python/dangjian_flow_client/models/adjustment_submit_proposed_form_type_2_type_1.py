from typing import Literal

AdjustmentSubmitProposedFormType2Type1 = Literal[
    "branch", "functional_org", "general_branch", "joint_branch", "primary_committee"
]

ADJUSTMENT_SUBMIT_PROPOSED_FORM_TYPE_2_TYPE_1_VALUES: set[AdjustmentSubmitProposedFormType2Type1] = {
    "branch",
    "functional_org",
    "general_branch",
    "joint_branch",
    "primary_committee",
}


def check_adjustment_submit_proposed_form_type_2_type_1(value: str) -> AdjustmentSubmitProposedFormType2Type1:
    if value in ADJUSTMENT_SUBMIT_PROPOSED_FORM_TYPE_2_TYPE_1_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ADJUSTMENT_SUBMIT_PROPOSED_FORM_TYPE_2_TYPE_1_VALUES!r}"
    )
