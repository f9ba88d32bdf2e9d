from typing import Literal

GetApiV1EstablishmentCasesForm = Literal[
    "branch", "functional_org", "general_branch", "joint_branch", "primary_committee"
]

GET_API_V1_ESTABLISHMENT_CASES_FORM_VALUES: set[GetApiV1EstablishmentCasesForm] = {
    "branch",
    "functional_org",
    "general_branch",
    "joint_branch",
    "primary_committee",
}


def check_get_api_v1_establishment_cases_form(value: str) -> GetApiV1EstablishmentCasesForm:
    if value in GET_API_V1_ESTABLISHMENT_CASES_FORM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_API_V1_ESTABLISHMENT_CASES_FORM_VALUES!r}")
