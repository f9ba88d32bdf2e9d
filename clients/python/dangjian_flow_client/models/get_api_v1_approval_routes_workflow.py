from typing import Literal

GetApiV1ApprovalRoutesWorkflow = Literal["adjustment", "establishment", "re_election"]

GET_API_V1_APPROVAL_ROUTES_WORKFLOW_VALUES: set[GetApiV1ApprovalRoutesWorkflow] = {
    "adjustment",
    "establishment",
    "re_election",
}


def check_get_api_v1_approval_routes_workflow(value: str) -> GetApiV1ApprovalRoutesWorkflow:
    if value in GET_API_V1_APPROVAL_ROUTES_WORKFLOW_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_API_V1_APPROVAL_ROUTES_WORKFLOW_VALUES!r}")
