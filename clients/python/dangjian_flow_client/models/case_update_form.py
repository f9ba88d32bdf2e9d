from typing import Literal

CaseUpdateForm = Literal["branch", "functional_org", "general_branch", "joint_branch", "primary_committee"]

CASE_UPDATE_FORM_VALUES: set[CaseUpdateForm] = {
    "branch",
    "functional_org",
    "general_branch",
    "joint_branch",
    "primary_committee",
}


def check_case_update_form(value: str) -> CaseUpdateForm:
    if value in CASE_UPDATE_FORM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CASE_UPDATE_FORM_VALUES!r}")
