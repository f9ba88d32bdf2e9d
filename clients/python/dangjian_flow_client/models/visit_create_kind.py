from typing import Literal

VisitCreateKind = Literal["guidance", "visit"]

VISIT_CREATE_KIND_VALUES: set[VisitCreateKind] = {
    "guidance",
    "visit",
}


def check_visit_create_kind(value: str) -> VisitCreateKind:
    if value in VISIT_CREATE_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {VISIT_CREATE_KIND_VALUES!r}")
