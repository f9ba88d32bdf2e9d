from typing import Literal

BatchTaskResultResult = Literal["conflict", "done", "error", "refused"]

BATCH_TASK_RESULT_RESULT_VALUES: set[BatchTaskResultResult] = {
    "conflict",
    "done",
    "error",
    "refused",
}


def check_batch_task_result_result(value: str) -> BatchTaskResultResult:
    if value in BATCH_TASK_RESULT_RESULT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BATCH_TASK_RESULT_RESULT_VALUES!r}")
