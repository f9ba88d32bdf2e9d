"""Contains all the data models used in inputs/outputs"""

from .activity import Activity
from .activity_correction import ActivityCorrection
from .activity_correction_kind import ActivityCorrectionKind
from .activity_create import ActivityCreate
from .activity_create_kind import ActivityCreateKind
from .activity_withdraw import ActivityWithdraw
from .add_approvers import AddApprovers
from .add_approvers_position_type_1 import AddApproversPositionType1
from .add_approvers_position_type_2_type_1 import AddApproversPositionType2Type1
from .add_approvers_position_type_3_type_1 import AddApproversPositionType3Type1
from .adjusted_org import AdjustedOrg
from .adjustment_cancel import AdjustmentCancel
from .adjustment_case import AdjustmentCase
from .adjustment_case_target_jurisdiction_type_0_type_0 import AdjustmentCaseTargetJurisdictionType0Type0
from .adjustment_case_unit_type_1_type_0 import AdjustmentCaseUnitType1Type0
from .adjustment_ref import AdjustmentRef
from .adjustment_submit import AdjustmentSubmit
from .adjustment_submit_action_type_1 import AdjustmentSubmitActionType1
from .adjustment_submit_action_type_2_type_1 import AdjustmentSubmitActionType2Type1
from .adjustment_submit_action_type_3_type_1 import AdjustmentSubmitActionType3Type1
from .adjustment_submit_proposed_form_type_1 import AdjustmentSubmitProposedFormType1
from .adjustment_submit_proposed_form_type_2_type_1 import AdjustmentSubmitProposedFormType2Type1
from .adjustment_submit_proposed_form_type_3_type_1 import AdjustmentSubmitProposedFormType3Type1
from .adjustment_trigger import AdjustmentTrigger
from .agreement import Agreement
from .agreement_create import AgreementCreate
from .assign import Assign
from .assignment import Assignment
from .attachment import Attachment
from .attachment_file import AttachmentFile
from .attachment_file_form import AttachmentFileForm
from .audit_event import AuditEvent
from .audit_event_state_after_type_0 import AuditEventStateAfterType0
from .audit_event_state_before_type_0 import AuditEventStateBeforeType0
from .batch_decide import BatchDecide
from .batch_decide_action import BatchDecideAction
from .batch_decide_comments_type_0 import BatchDecideCommentsType0
from .batch_result import BatchResult
from .batch_task_result import BatchTaskResult
from .batch_task_result_result import BatchTaskResultResult
from .board import Board
from .board_body import BoardBody
from .board_counts import BoardCounts
from .body import Body
from .body_ref import BodyRef
from .calendar_day import CalendarDay
from .calendar_load import CalendarLoad
from .calendar_load_days_item import CalendarLoadDaysItem
from .calendar_year import CalendarYear
from .candidate import Candidate
from .case import Case
from .case_create import CaseCreate
from .case_create_form import CaseCreateForm
from .case_general_meeting_type_0 import CaseGeneralMeetingType0
from .case_jurisdiction import CaseJurisdiction
from .case_roster_type_0_item import CaseRosterType0Item
from .case_unit import CaseUnit
from .case_update import CaseUpdate
from .case_update_form import CaseUpdateForm
from .child_row import ChildRow
from .circular import Circular
from .circular_child import CircularChild
from .circular_create import CircularCreate
from .circular_figures import CircularFigures
from .circular_ref import CircularRef
from .comment import Comment
from .consult import Consult
from .copied import Copied
from .copy import Copy
from .copy_request import CopyRequest
from .coverage_rank import CoverageRank
from .coverage_report import CoverageReport
from .covered_unit import CoveredUnit
from .decide import Decide
from .decide_action import DecideAction
from .delegate import Delegate
from .delivery import Delivery
from .delivery_payload import DeliveryPayload
from .done import Done
from .due import Due
from .due_counts import DueCounts
from .due_open_request_type_0_type_0 import DueOpenRequestType0Type0
from .duties import Duties
from .election import Election
from .eligible_org import EligibleOrg
from .error import Error
from .error_detail import ErrorDetail
from .error_errors import ErrorErrors
from .extension import Extension
from .extension_decide import ExtensionDecide
from .extension_decide_decision import ExtensionDecideDecision
from .extension_request import ExtensionRequest
from .figures import Figures
from .follow_up import FollowUp
from .form_option import FormOption
from .found import Found
from .get_api_v1_adjustment_cases_action import GetApiV1AdjustmentCasesAction
from .get_api_v1_adjustment_cases_state import GetApiV1AdjustmentCasesState
from .get_api_v1_adjustment_cases_trigger import GetApiV1AdjustmentCasesTrigger
from .get_api_v1_approval_routes_workflow import GetApiV1ApprovalRoutesWorkflow
from .get_api_v1_audit_subject_type import GetApiV1AuditSubjectType
from .get_api_v1_coverage_must_establish_export_xlsx_kind import GetApiV1CoverageMustEstablishExportXlsxKind
from .get_api_v1_coverage_must_establish_export_xlsx_operating_status import (
    GetApiV1CoverageMustEstablishExportXlsxOperatingStatus,
)
from .get_api_v1_coverage_must_establish_kind import GetApiV1CoverageMustEstablishKind
from .get_api_v1_coverage_must_establish_operating_status import GetApiV1CoverageMustEstablishOperatingStatus
from .get_api_v1_establishment_cases_form import GetApiV1EstablishmentCasesForm
from .get_api_v1_establishment_cases_state import GetApiV1EstablishmentCasesState
from .get_api_v1_instructor_assignments_export_xlsx_state import GetApiV1InstructorAssignmentsExportXlsxState
from .get_api_v1_instructor_assignments_state import GetApiV1InstructorAssignmentsState
from .get_api_v1_instructors_status import GetApiV1InstructorsStatus
from .get_api_v1_interviews_state import GetApiV1InterviewsState
from .get_api_v1_jurisdictions_kind import GetApiV1JurisdictionsKind
from .get_api_v1_pairing_agreements_export_xlsx_state import GetApiV1PairingAgreementsExportXlsxState
from .get_api_v1_pairing_agreements_state import GetApiV1PairingAgreementsState
from .get_api_v1_party_activities_inactive_units_kind import GetApiV1PartyActivitiesInactiveUnitsKind
from .get_api_v1_party_activities_state import GetApiV1PartyActivitiesState
from .get_api_v1_party_orgs_kind import GetApiV1PartyOrgsKind
from .get_api_v1_party_orgs_status import GetApiV1PartyOrgsStatus
from .get_api_v1_preparation_items_state import GetApiV1PreparationItemsState
from .get_api_v1_re_elections_due_export_xlsx_status import GetApiV1ReElectionsDueExportXlsxStatus
from .get_api_v1_re_elections_due_status import GetApiV1ReElectionsDueStatus
from .get_api_v1_re_elections_kind import GetApiV1ReElectionsKind
from .get_api_v1_re_elections_state import GetApiV1ReElectionsState
from .get_api_v1_supervision_tickets_board_priority import GetApiV1SupervisionTicketsBoardPriority
from .get_api_v1_supervision_tickets_export_xlsx_priority import GetApiV1SupervisionTicketsExportXlsxPriority
from .get_api_v1_supervision_tickets_export_xlsx_state import GetApiV1SupervisionTicketsExportXlsxState
from .get_api_v1_supervision_tickets_export_xlsx_warning_level import GetApiV1SupervisionTicketsExportXlsxWarningLevel
from .get_api_v1_supervision_tickets_priority import GetApiV1SupervisionTicketsPriority
from .get_api_v1_supervision_tickets_state import GetApiV1SupervisionTicketsState
from .get_api_v1_supervision_tickets_warning_level import GetApiV1SupervisionTicketsWarningLevel
from .get_api_v1_tasks_done_workflow import GetApiV1TasksDoneWorkflow
from .get_api_v1_tasks_inbox_workflow import GetApiV1TasksInboxWorkflow
from .get_api_v1_units_export_xlsx_kind import GetApiV1UnitsExportXlsxKind
from .get_api_v1_units_export_xlsx_operating_status import GetApiV1UnitsExportXlsxOperatingStatus
from .get_api_v1_units_kind import GetApiV1UnitsKind
from .get_api_v1_units_operating_status import GetApiV1UnitsOperatingStatus
from .get_api_v1_users_role import GetApiV1UsersRole
from .get_api_v1_webhooks_webhook_id_deliveries_status import GetApiV1WebhooksWebhookIdDeliveriesStatus
from .guidance_counts import GuidanceCounts
from .history_entry import HistoryEntry
from .history_entry_state_after_type_0 import HistoryEntryStateAfterType0
from .history_entry_state_before_type_0 import HistoryEntryStateBeforeType0
from .hold import Hold
from .import_error import ImportError_
from .import_file import ImportFile
from .inactive_unit import InactiveUnit
from .inspection import Inspection
from .inspection_correction import InspectionCorrection
from .inspection_correction_result import InspectionCorrectionResult
from .inspection_create import InspectionCreate
from .inspection_create_result import InspectionCreateResult
from .instructor import Instructor
from .instructor_profile_type_0_type_0 import InstructorProfileType0Type0
from .interview import Interview
from .interview_brief import InterviewBrief
from .interview_create_type_0 import InterviewCreateType0
from .interview_create_type_0_subject_type import InterviewCreateType0SubjectType
from .interview_create_type_1 import InterviewCreateType1
from .interview_create_type_1_subject_type import InterviewCreateType1SubjectType
from .interview_interviewer_body_type_0_type_0 import InterviewInterviewerBodyType0Type0
from .interview_ticket_type_1_type_0 import InterviewTicketType1Type0
from .issued_token import IssuedToken
from .issued_token_scopes_item import IssuedTokenScopesItem
from .jurisdiction import Jurisdiction
from .jurisdiction_create import JurisdictionCreate
from .jurisdiction_create_kind import JurisdictionCreateKind
from .jurisdiction_ref import JurisdictionRef
from .jurisdiction_update import JurisdictionUpdate
from .kind_row import KindRow
from .kind_templates import KindTemplates
from .kind_templates_current_type_0_type_0 import KindTemplatesCurrentType0Type0
from .lagging import Lagging
from .manual_case import ManualCase
from .manual_case_action import ManualCaseAction
from .manual_case_proposed_form_type_1 import ManualCaseProposedFormType1
from .manual_case_proposed_form_type_2_type_1 import ManualCaseProposedFormType2Type1
from .manual_case_proposed_form_type_3_type_1 import ManualCaseProposedFormType3Type1
from .manual_case_trigger import ManualCaseTrigger
from .marked import Marked
from .must_establish import MustEstablish
from .must_establish_open_case_type_0_type_0 import MustEstablishOpenCaseType0Type0
from .named_day import NamedDay
from .notification import Notification
from .open_case import OpenCase
from .open_request import OpenRequest
from .opinion import Opinion
from .org_ref import OrgRef
from .pagination_metadata import PaginationMetadata
from .party_org import PartyOrg
from .party_work_rank import PartyWorkRank
from .password_change import PasswordChange
from .password_set import PasswordSet
from .place import Place
from .placeholder import Placeholder
from .post_api_v1_units_imports_mode import PostApiV1UnitsImportsMode
from .preparation_item import PreparationItem
from .problem import Problem
from .problem_input import ProblemInput
from .problem_report_input import ProblemReportInput
from .profile import Profile
from .profile_employment import ProfileEmployment
from .profile_out import ProfileOut
from .progress import Progress
from .progress_rank import ProgressRank
from .projection import Projection
from .projections import Projections
from .rankings import Rankings
from .reason import Reason
from .reason_required import ReasonRequired
from .ref import Ref
from .registered_webhook import RegisteredWebhook
from .registered_webhook_signature_scheme import RegisteredWebhookSignatureScheme
from .release import Release
from .remove_approvers import RemoveApprovers
from .report import Report
from .report_out import ReportOut
from .report_out_items_item import ReportOutItemsItem
from .request import Request
from .request_create import RequestCreate
from .request_create_kind import RequestCreateKind
from .request_general_meeting_type_0 import RequestGeneralMeetingType0
from .required_reason import RequiredReason
from .reschedule import Reschedule
from .resubmit import Resubmit
from .return_to import ReturnTo
from .return_to_level_name import ReturnToLevelName
from .review import Review
from .review_comment import ReviewComment
from .roster_member import RosterMember
from .roster_member_member_type import RosterMemberMemberType
from .route import Route
from .route_level_name import RouteLevelName
from .route_mode import RouteMode
from .route_workflow import RouteWorkflow
from .saved_opinion import SavedOpinion
from .saved_opinion_create import SavedOpinionCreate
from .sign import Sign
from .step import Step
from .step_body import StepBody
from .step_tally_type_0 import StepTallyType0
from .supervision_rank import SupervisionRank
from .take_back import TakeBack
from .task import Task
from .task_brief import TaskBrief
from .task_detail import TaskDetail
from .task_detail_step import TaskDetailStep
from .task_detail_summary import TaskDetailSummary
from .task_step import TaskStep
from .task_summary import TaskSummary
from .template_upload import TemplateUpload
from .template_version import TemplateVersion
from .templates_overview import TemplatesOverview
from .term_body import TermBody
from .term_org import TermOrg
from .terminate import Terminate
from .ticket import Ticket
from .ticket_brief import TicketBrief
from .ticket_create import TicketCreate
from .ticket_create_priority import TicketCreatePriority
from .ticket_update import TicketUpdate
from .ticket_update_priority import TicketUpdatePriority
from .token import Token
from .token_create import TokenCreate
from .token_create_scopes_type_0_item import TokenCreateScopesType0Item
from .token_scopes_item import TokenScopesItem
from .totals import Totals
from .trend import Trend
from .trend_point import TrendPoint
from .unit import Unit
from .unit_create import UnitCreate
from .unit_create_kind import UnitCreateKind
from .unit_create_operating_status import UnitCreateOperatingStatus
from .unit_import import UnitImport
from .unit_ref import UnitRef
from .unit_update import UnitUpdate
from .unit_update_kind import UnitUpdateKind
from .unit_update_operating_status import UnitUpdateOperatingStatus
from .unread_count import UnreadCount
from .upgrade_eligible import UpgradeEligible
from .uploaded_template import UploadedTemplate
from .urge import Urge
from .urge_request import UrgeRequest
from .user import User
from .user_create import UserCreate
from .user_create_role import UserCreateRole
from .user_update import UserUpdate
from .user_update_role import UserUpdateRole
from .visit import Visit
from .visit_create import VisitCreate
from .visit_create_kind import VisitCreateKind
from .vote import Vote
from .webhook import Webhook
from .webhook_create import WebhookCreate
from .webhook_create_events_item import WebhookCreateEventsItem
from .webhook_create_signature_scheme import WebhookCreateSignatureScheme
from .webhook_events import WebhookEvents
from .webhook_signature_scheme import WebhookSignatureScheme
from .webhook_update import WebhookUpdate
from .webhook_update_events_item import WebhookUpdateEventsItem
from .webhook_update_signature_scheme import WebhookUpdateSignatureScheme
from .withdraw import Withdraw
from .withdrawal import Withdrawal
from .workday_deadline import WorkdayDeadline
from .workflow import Workflow
from .workflow_states_item import WorkflowStatesItem
from .workflow_transitions_item import WorkflowTransitionsItem

__all__ = (
    "Activity",
    "ActivityCorrection",
    "ActivityCorrectionKind",
    "ActivityCreate",
    "ActivityCreateKind",
    "ActivityWithdraw",
    "AddApprovers",
    "AddApproversPositionType1",
    "AddApproversPositionType2Type1",
    "AddApproversPositionType3Type1",
    "AdjustedOrg",
    "AdjustmentCancel",
    "AdjustmentCase",
    "AdjustmentCaseTargetJurisdictionType0Type0",
    "AdjustmentCaseUnitType1Type0",
    "AdjustmentRef",
    "AdjustmentSubmit",
    "AdjustmentSubmitActionType1",
    "AdjustmentSubmitActionType2Type1",
    "AdjustmentSubmitActionType3Type1",
    "AdjustmentSubmitProposedFormType1",
    "AdjustmentSubmitProposedFormType2Type1",
    "AdjustmentSubmitProposedFormType3Type1",
    "AdjustmentTrigger",
    "Agreement",
    "AgreementCreate",
    "Assign",
    "Assignment",
    "Attachment",
    "AttachmentFile",
    "AttachmentFileForm",
    "AuditEvent",
    "AuditEventStateAfterType0",
    "AuditEventStateBeforeType0",
    "BatchDecide",
    "BatchDecideAction",
    "BatchDecideCommentsType0",
    "BatchResult",
    "BatchTaskResult",
    "BatchTaskResultResult",
    "Board",
    "BoardBody",
    "BoardCounts",
    "Body",
    "BodyRef",
    "CalendarDay",
    "CalendarLoad",
    "CalendarLoadDaysItem",
    "CalendarYear",
    "Candidate",
    "Case",
    "CaseCreate",
    "CaseCreateForm",
    "CaseGeneralMeetingType0",
    "CaseJurisdiction",
    "CaseRosterType0Item",
    "CaseUnit",
    "CaseUpdate",
    "CaseUpdateForm",
    "ChildRow",
    "Circular",
    "CircularChild",
    "CircularCreate",
    "CircularFigures",
    "CircularRef",
    "Comment",
    "Consult",
    "Copied",
    "Copy",
    "CopyRequest",
    "CoverageRank",
    "CoverageReport",
    "CoveredUnit",
    "Decide",
    "DecideAction",
    "Delegate",
    "Delivery",
    "DeliveryPayload",
    "Done",
    "Due",
    "DueCounts",
    "DueOpenRequestType0Type0",
    "Duties",
    "Election",
    "EligibleOrg",
    "Error",
    "ErrorDetail",
    "ErrorErrors",
    "Extension",
    "ExtensionDecide",
    "ExtensionDecideDecision",
    "ExtensionRequest",
    "Figures",
    "FollowUp",
    "FormOption",
    "Found",
    "GetApiV1AdjustmentCasesAction",
    "GetApiV1AdjustmentCasesState",
    "GetApiV1AdjustmentCasesTrigger",
    "GetApiV1ApprovalRoutesWorkflow",
    "GetApiV1AuditSubjectType",
    "GetApiV1CoverageMustEstablishExportXlsxKind",
    "GetApiV1CoverageMustEstablishExportXlsxOperatingStatus",
    "GetApiV1CoverageMustEstablishKind",
    "GetApiV1CoverageMustEstablishOperatingStatus",
    "GetApiV1EstablishmentCasesForm",
    "GetApiV1EstablishmentCasesState",
    "GetApiV1InstructorAssignmentsExportXlsxState",
    "GetApiV1InstructorAssignmentsState",
    "GetApiV1InstructorsStatus",
    "GetApiV1InterviewsState",
    "GetApiV1JurisdictionsKind",
    "GetApiV1PairingAgreementsExportXlsxState",
    "GetApiV1PairingAgreementsState",
    "GetApiV1PartyActivitiesInactiveUnitsKind",
    "GetApiV1PartyActivitiesState",
    "GetApiV1PartyOrgsKind",
    "GetApiV1PartyOrgsStatus",
    "GetApiV1PreparationItemsState",
    "GetApiV1ReElectionsDueExportXlsxStatus",
    "GetApiV1ReElectionsDueStatus",
    "GetApiV1ReElectionsKind",
    "GetApiV1ReElectionsState",
    "GetApiV1SupervisionTicketsBoardPriority",
    "GetApiV1SupervisionTicketsExportXlsxPriority",
    "GetApiV1SupervisionTicketsExportXlsxState",
    "GetApiV1SupervisionTicketsExportXlsxWarningLevel",
    "GetApiV1SupervisionTicketsPriority",
    "GetApiV1SupervisionTicketsState",
    "GetApiV1SupervisionTicketsWarningLevel",
    "GetApiV1TasksDoneWorkflow",
    "GetApiV1TasksInboxWorkflow",
    "GetApiV1UnitsExportXlsxKind",
    "GetApiV1UnitsExportXlsxOperatingStatus",
    "GetApiV1UnitsKind",
    "GetApiV1UnitsOperatingStatus",
    "GetApiV1UsersRole",
    "GetApiV1WebhooksWebhookIdDeliveriesStatus",
    "GuidanceCounts",
    "HistoryEntry",
    "HistoryEntryStateAfterType0",
    "HistoryEntryStateBeforeType0",
    "Hold",
    "ImportError_",
    "ImportFile",
    "InactiveUnit",
    "Inspection",
    "InspectionCorrection",
    "InspectionCorrectionResult",
    "InspectionCreate",
    "InspectionCreateResult",
    "Instructor",
    "InstructorProfileType0Type0",
    "Interview",
    "InterviewBrief",
    "InterviewCreateType0",
    "InterviewCreateType0SubjectType",
    "InterviewCreateType1",
    "InterviewCreateType1SubjectType",
    "InterviewInterviewerBodyType0Type0",
    "InterviewTicketType1Type0",
    "IssuedToken",
    "IssuedTokenScopesItem",
    "Jurisdiction",
    "JurisdictionCreate",
    "JurisdictionCreateKind",
    "JurisdictionRef",
    "JurisdictionUpdate",
    "KindRow",
    "KindTemplates",
    "KindTemplatesCurrentType0Type0",
    "Lagging",
    "ManualCase",
    "ManualCaseAction",
    "ManualCaseProposedFormType1",
    "ManualCaseProposedFormType2Type1",
    "ManualCaseProposedFormType3Type1",
    "ManualCaseTrigger",
    "Marked",
    "MustEstablish",
    "MustEstablishOpenCaseType0Type0",
    "NamedDay",
    "Notification",
    "OpenCase",
    "OpenRequest",
    "Opinion",
    "OrgRef",
    "PaginationMetadata",
    "PartyOrg",
    "PartyWorkRank",
    "PasswordChange",
    "PasswordSet",
    "Place",
    "Placeholder",
    "PostApiV1UnitsImportsMode",
    "PreparationItem",
    "Problem",
    "ProblemInput",
    "ProblemReportInput",
    "Profile",
    "ProfileEmployment",
    "ProfileOut",
    "Progress",
    "ProgressRank",
    "Projection",
    "Projections",
    "Rankings",
    "Reason",
    "ReasonRequired",
    "Ref",
    "RegisteredWebhook",
    "RegisteredWebhookSignatureScheme",
    "Release",
    "RemoveApprovers",
    "Report",
    "ReportOut",
    "ReportOutItemsItem",
    "Request",
    "RequestCreate",
    "RequestCreateKind",
    "RequestGeneralMeetingType0",
    "RequiredReason",
    "Reschedule",
    "Resubmit",
    "ReturnTo",
    "ReturnToLevelName",
    "Review",
    "ReviewComment",
    "RosterMember",
    "RosterMemberMemberType",
    "Route",
    "RouteLevelName",
    "RouteMode",
    "RouteWorkflow",
    "SavedOpinion",
    "SavedOpinionCreate",
    "Sign",
    "Step",
    "StepBody",
    "StepTallyType0",
    "SupervisionRank",
    "TakeBack",
    "Task",
    "TaskBrief",
    "TaskDetail",
    "TaskDetailStep",
    "TaskDetailSummary",
    "TaskStep",
    "TaskSummary",
    "TemplatesOverview",
    "TemplateUpload",
    "TemplateVersion",
    "TermBody",
    "Terminate",
    "TermOrg",
    "Ticket",
    "TicketBrief",
    "TicketCreate",
    "TicketCreatePriority",
    "TicketUpdate",
    "TicketUpdatePriority",
    "Token",
    "TokenCreate",
    "TokenCreateScopesType0Item",
    "TokenScopesItem",
    "Totals",
    "Trend",
    "TrendPoint",
    "Unit",
    "UnitCreate",
    "UnitCreateKind",
    "UnitCreateOperatingStatus",
    "UnitImport",
    "UnitRef",
    "UnitUpdate",
    "UnitUpdateKind",
    "UnitUpdateOperatingStatus",
    "UnreadCount",
    "UpgradeEligible",
    "UploadedTemplate",
    "Urge",
    "UrgeRequest",
    "User",
    "UserCreate",
    "UserCreateRole",
    "UserUpdate",
    "UserUpdateRole",
    "Visit",
    "VisitCreate",
    "VisitCreateKind",
    "Vote",
    "Webhook",
    "WebhookCreate",
    "WebhookCreateEventsItem",
    "WebhookCreateSignatureScheme",
    "WebhookEvents",
    "WebhookSignatureScheme",
    "WebhookUpdate",
    "WebhookUpdateEventsItem",
    "WebhookUpdateSignatureScheme",
    "Withdraw",
    "Withdrawal",
    "WorkdayDeadline",
    "Workflow",
    "WorkflowStatesItem",
    "WorkflowTransitionsItem",
)
