from typing import Literal

ManualCaseProposedFormType1 = Literal["branch", "functional_org", "general_branch", "joint_branch", "primary_committee"]

MANUAL_CASE_PROPOSED_FORM_TYPE_1_VALUES: set[ManualCaseProposedFormType1] = {
    "branch",
    "functional_org",
    "general_branch",
    "joint_branch",
    "primary_committee",
}


def check_manual_case_proposed_form_type_1(value: str) -> ManualCaseProposedFormType1:
    if value in MANUAL_CASE_PROPOSED_FORM_TYPE_1_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MANUAL_CASE_PROPOSED_FORM_TYPE_1_VALUES!r}")
