from typing import Literal

InterviewCreateType1SubjectType = Literal["establishment", "jurisdiction"]

INTERVIEW_CREATE_TYPE_1_SUBJECT_TYPE_VALUES: set[InterviewCreateType1SubjectType] = {
    "establishment",
    "jurisdiction",
}


def check_interview_create_type_1_subject_type(value: str) -> InterviewCreateType1SubjectType:
    if value in INTERVIEW_CREATE_TYPE_1_SUBJECT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INTERVIEW_CREATE_TYPE_1_SUBJECT_TYPE_VALUES!r}")
