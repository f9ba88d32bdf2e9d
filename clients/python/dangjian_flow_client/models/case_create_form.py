from typing import Literal

CaseCreateForm = Literal["branch", "functional_org", "general_branch", "joint_branch", "primary_committee"]

CASE_CREATE_FORM_VALUES: set[CaseCreateForm] = {
    "branch",
    "functional_org",
    "general_branch",
    "joint_branch",
    "primary_committee",
}


def check_case_create_form(value: str) -> CaseCreateForm:
    if value in CASE_CREATE_FORM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CASE_CREATE_FORM_VALUES!r}")
