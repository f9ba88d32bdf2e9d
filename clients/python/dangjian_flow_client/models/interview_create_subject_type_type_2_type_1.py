from typing import Literal

InterviewCreateSubjectTypeType2Type1 = Literal["establishment", "jurisdiction", "supervision_ticket"]

INTERVIEW_CREATE_SUBJECT_TYPE_TYPE_2_TYPE_1_VALUES: set[InterviewCreateSubjectTypeType2Type1] = {
    "establishment",
    "jurisdiction",
    "supervision_ticket",
}


def check_interview_create_subject_type_type_2_type_1(value: str) -> InterviewCreateSubjectTypeType2Type1:
    if value in INTERVIEW_CREATE_SUBJECT_TYPE_TYPE_2_TYPE_1_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {INTERVIEW_CREATE_SUBJECT_TYPE_TYPE_2_TYPE_1_VALUES!r}"
    )
