from typing import Literal

RouteWorkflow = Literal["adjustment", "establishment", "re_election"]

ROUTE_WORKFLOW_VALUES: set[RouteWorkflow] = {
    "adjustment",
    "establishment",
    "re_election",
}


def check_route_workflow(value: str) -> RouteWorkflow:
    if value in ROUTE_WORKFLOW_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ROUTE_WORKFLOW_VALUES!r}")
