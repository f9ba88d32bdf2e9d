from typing import Literal

InterviewCreateType0SubjectType = Literal["supervision_ticket"]

INTERVIEW_CREATE_TYPE_0_SUBJECT_TYPE_VALUES: set[InterviewCreateType0SubjectType] = {
    "supervision_ticket",
}


def check_interview_create_type_0_subject_type(value: str) -> InterviewCreateType0SubjectType:
    if value in INTERVIEW_CREATE_TYPE_0_SUBJECT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INTERVIEW_CREATE_TYPE_0_SUBJECT_TYPE_VALUES!r}")
