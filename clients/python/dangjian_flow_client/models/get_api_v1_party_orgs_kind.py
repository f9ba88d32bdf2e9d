from typing import Literal

GetApiV1PartyOrgsKind = Literal["branch", "functional_org", "general_branch", "joint_branch", "primary_committee"]

GET_API_V1_PARTY_ORGS_KIND_VALUES: set[GetApiV1PartyOrgsKind] = {
    "branch",
    "functional_org",
    "general_branch",
    "joint_branch",
    "primary_committee",
}


def check_get_api_v1_party_orgs_kind(value: str) -> GetApiV1PartyOrgsKind:
    if value in GET_API_V1_PARTY_ORGS_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_API_V1_PARTY_ORGS_KIND_VALUES!r}")
