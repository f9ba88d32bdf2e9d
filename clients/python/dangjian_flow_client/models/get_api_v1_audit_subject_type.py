from typing import Literal

GetApiV1AuditSubjectType = Literal[
    "adjustment",
    "annual_inspection",
    "approval_route",
    "circular",
    "coverage_snapshot",
    "document",
    "document_template",
    "establishment",
    "instructor_assignment",
    "interview",
    "jurisdiction",
    "ledger",
    "pairing_agreement",
    "party_activity",
    "party_org",
    "preparation_item",
    "re_election",
    "supervision_ticket",
    "unit",
    "unit_import",
    "user",
]

GET_API_V1_AUDIT_SUBJECT_TYPE_VALUES: set[GetApiV1AuditSubjectType] = {
    "adjustment",
    "annual_inspection",
    "approval_route",
    "circular",
    "coverage_snapshot",
    "document",
    "document_template",
    "establishment",
    "instructor_assignment",
    "interview",
    "jurisdiction",
    "ledger",
    "pairing_agreement",
    "party_activity",
    "party_org",
    "preparation_item",
    "re_election",
    "supervision_ticket",
    "unit",
    "unit_import",
    "user",
}


def check_get_api_v1_audit_subject_type(value: str) -> GetApiV1AuditSubjectType:
    if value in GET_API_V1_AUDIT_SUBJECT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_API_V1_AUDIT_SUBJECT_TYPE_VALUES!r}")
