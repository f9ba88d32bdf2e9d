from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.common import LoadsInto, count, ident, one_of, text
from schemas.dates import business_date
from workflows.approval import BatchDecision, RouteSpec, TaskDecision, TaskVote
from workflows.registry import APPROVAL_WORKFLOWS


class _WithReply(LoadsInto):
    """The reply (批复) a deciding action or vote may carry; required by the workflow on the final approval."""

    approval_doc_no = text(64, load_default=None, metadata={"description": "批复文号; required on the final approval"})
    approved_on = business_date(load_default=None)
    meeting_on = business_date(load_default=None, metadata={"description": "Date of the deciding committee meeting"})


class TaskSchema(Schema):
    id = fields.Integer()
    workflow = fields.String()
    subject_id = fields.Integer()
    step = fields.Dict(metadata={"description": "level_name, mode, mode_label, body"})
    status = fields.String()
    assignee_id = fields.Integer(allow_none=True)
    offered_to_group = fields.Boolean()
    claimed_at = fields.DateTime(allow_none=True)
    due_on = fields.Date()
    overdue = fields.Boolean()
    outcome = fields.String(allow_none=True)
    comment = fields.String(allow_none=True)
    decided_at = fields.DateTime(allow_none=True)
    summary = fields.Dict(metadata={"description": "The case: title, state, form, jurisdiction…"})
    kind = fields.String(
        metadata={"description": "approval (a part in deciding the step) or consult (委派: an opinion is asked)"}
    )
    version = fields.Integer()
    urge_count = fields.Integer(metadata={"description": "How often the task was urged (催办)"})
    last_urged_at = fields.DateTime(allow_none=True, metadata={"description": "When it was last urged"})


class TaskDetailSchema(TaskSchema):
    """One task, as GET /tasks/{id} and every action on a task answer it."""

    allowed_actions = fields.List(
        fields.String(),
        metadata={
            "description": "What the caller may do on this task now, by the API's names: the decisions "
            "(approve, reject, return; or vote, return on a committee vote) and claim, release, delegate (转办), "
            "consult (委派), opinion (on a consult task), add_approvers (加签), remove_approvers (减签), take_back "
            "(拿回), return_to (退回至此前环节), comment, urge (催办). The commands check again under their locks."
        },
    )


class InboxQuerySchema(Schema):
    workflow = one_of(list(APPROVAL_WORKFLOWS))
    overdue = fields.Boolean()


class DecideSchema(_WithReply):
    into = TaskDecision
    action = one_of(["approve", "reject", "return"], required=True)
    comment = text(2000, load_default=None, metadata={"description": "Required to reject or return"})


class VoteSchema(_WithReply):
    into = TaskVote
    members = fields.Integer(strict=True, required=True, validate=validate.Range(min=1, max=99))
    present = count(required=True)
    votes_for = count(required=True)
    votes_against = count(required=True)
    comment = text(2000, load_default=None)


class DelegateSchema(Schema):
    to_user_id = ident(required=True)
    comment = text(2000, load_default=None)


class ConsultSchema(Schema):
    """委派: ask a colleague of the same body for an opinion; the task stays mine to decide."""

    to_user_id = ident(required=True, metadata={"description": "The colleague consulted"})
    comment = text(2000, load_default=None, metadata={"description": "What the colleague should look at"})


class OpinionSchema(Schema):
    """The consulted colleague's opinion (意见); it goes back to whoever asked."""

    comment = text(2000, required=True)


class AddApproversSchema(Schema):
    """加签: more approvers of the step's body on an open countersign, any-one or sequential step."""

    user_ids = fields.List(ident(), required=True, validate=validate.Length(min=1, max=20, error="请选择1至20名审批人"))
    position = one_of(
        ["before", "after"],
        load_default=None,
        metadata={"description": "Sequential steps: before me (they act first) or after me (default)"},
    )
    reason = text(2000, required=True)


class RemoveApproversSchema(Schema):
    """减签: approvers of the step who have not acted leave it; the step keeps at least one to act."""

    user_ids = fields.List(ident(), required=True, validate=validate.Length(min=1, max=20, error="请选择1至20名审批人"))
    reason = text(2000, required=True)


class TakeBackSchema(Schema):
    """拿回: take my approval back (optional note)."""

    comment = text(2000, load_default=None)


class ReturnToSchema(Schema):
    """退回 to an earlier approval level of the same case (not to the applicant: that is `decide` with return)."""

    level_name = one_of(
        ["superior_approval", "superior_review", "county_approval"],
        required=True,
        metadata={"description": "The earlier level the case goes back to (e.g. superior_review)"},
    )
    reason = text(2000, required=True)


class CommentSchema(Schema):
    comment = text(2000, required=True)


class RouteSchema(LoadsInto):
    """A route as answered; as put, it loads into `RouteSpec`."""

    into = RouteSpec
    id = fields.Integer(dump_only=True)
    body_id = ident(required=True)
    workflow = one_of(list(APPROVAL_WORKFLOWS), required=True)
    level_name = one_of(["superior_approval", "superior_review", "county_approval"], required=True)
    mode = one_of(["countersign", "any_one", "sequential", "committee_vote"], required=True)
    approver_ids = fields.List(
        ident(),
        allow_none=True,
        load_default=None,
        validate=validate.Length(max=50),
        metadata={"description": "Named approvers in order; empty: the body's approvers"},
    )
    version = fields.Integer(dump_only=True)


class RouteQuerySchema(Schema):
    body_id = ident(strict=False)
    workflow = one_of(list(APPROVAL_WORKFLOWS))


class BatchDecideSchema(LoadsInto):
    """Approve or return (退回) many tasks at once, each on its own (批量审批)."""

    into = BatchDecision
    action = one_of(["approve", "return"], required=True)
    task_ids = fields.List(
        ident(),
        required=True,
        metadata={"description": "The tasks, 1..BATCH_MAX_TASKS (default 50) distinct ids; answered in this order"},
    )
    comment = text(2000, load_default=None, metadata={"description": "The opinion for every task; a return needs one"})
    comments = fields.Dict(
        keys=fields.String(),  # a task of the batch by its id (workflows.approval.check_batch, 422 on `comments`)
        values=text(2000, blank=True),
        load_default=None,
        metadata={"description": "A task's own opinion, by task id: replaces `comment` for that task"},
    )


class BatchTaskResultSchema(Schema):
    task_id = fields.Integer()
    result = one_of(
        ["done", "conflict", "refused", "error"],
        metadata={
            "description": "done: decided; conflict: someone acted first or not your turn (409-class); refused: a "
            "rule, out of scope (not_found) or not yours (forbidden); error: the database was away or busy (503-class)"
        },
    )
    code = fields.String(allow_none=True, metadata={"description": "The refusal's or conflict's code"})
    message = fields.String(allow_none=True)
    field = fields.String(allow_none=True, metadata={"description": "The input field a refusal is about"})
    task_status = fields.String(allow_none=True, metadata={"description": "The task's status now"})
    step_status = fields.String(allow_none=True)
    workflow = fields.String(allow_none=True)
    subject_id = fields.Integer(allow_none=True)
    subject_title = fields.String(allow_none=True)
    subject_state = fields.String(allow_none=True, metadata={"description": "The case's state now"})
    subject_state_label = fields.String(allow_none=True)
    acted_by = fields.String(
        allow_none=True, metadata={"description": "conflict: who acted on the task or decided its step (display name)"}
    )


class BatchResultSchema(Schema):
    action = fields.String()
    done = fields.Integer(metadata={"description": "How many tasks were decided"})
    results = fields.List(fields.Nested(BatchTaskResultSchema), metadata={"description": "One per task, as asked"})
