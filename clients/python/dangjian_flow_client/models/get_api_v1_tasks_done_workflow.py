from typing import Literal

GetApiV1TasksDoneWorkflow = Literal["establishment", "supervision_ticket"]

GET_API_V1_TASKS_DONE_WORKFLOW_VALUES: set[GetApiV1TasksDoneWorkflow] = {
    "establishment",
    "supervision_ticket",
}


def check_get_api_v1_tasks_done_workflow(value: str) -> GetApiV1TasksDoneWorkflow:
    if value in GET_API_V1_TASKS_DONE_WORKFLOW_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_API_V1_TASKS_DONE_WORKFLOW_VALUES!r}")
