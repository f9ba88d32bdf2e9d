from typing import Literal

AdjustmentSubmitProposedFormType1 = Literal[
    "branch", "functional_org", "general_branch", "joint_branch", "primary_committee"
]

ADJUSTMENT_SUBMIT_PROPOSED_FORM_TYPE_1_VALUES: set[AdjustmentSubmitProposedFormType1] = {
    "branch",
    "functional_org",
    "general_branch",
    "joint_branch",
    "primary_committee",
}


def check_adjustment_submit_proposed_form_type_1(value: str) -> AdjustmentSubmitProposedFormType1:
    if value in ADJUSTMENT_SUBMIT_PROPOSED_FORM_TYPE_1_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ADJUSTMENT_SUBMIT_PROPOSED_FORM_TYPE_1_VALUES!r}")
