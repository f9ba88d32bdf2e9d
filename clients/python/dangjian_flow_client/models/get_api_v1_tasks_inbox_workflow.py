from typing import Literal

GetApiV1TasksInboxWorkflow = Literal["adjustment", "establishment", "re_election"]

GET_API_V1_TASKS_INBOX_WORKFLOW_VALUES: set[GetApiV1TasksInboxWorkflow] = {
    "adjustment",
    "establishment",
    "re_election",
}


def check_get_api_v1_tasks_inbox_workflow(value: str) -> GetApiV1TasksInboxWorkflow:
    if value in GET_API_V1_TASKS_INBOX_WORKFLOW_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_API_V1_TASKS_INBOX_WORKFLOW_VALUES!r}")
