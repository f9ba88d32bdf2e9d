"""Approval tasks: the pending-task inbox and the actions on a task."""

from __future__ import annotations

from typing import Any

from schemas.tasks import (
    AddApproversSchema,
    BatchDecideSchema,
    BatchResultSchema,
    CommentSchema,
    ConsultSchema,
    DecideSchema,
    DelegateSchema,
    InboxQuerySchema,
    OpinionSchema,
    RemoveApproversSchema,
    ReturnToSchema,
    RouteQuerySchema,
    RouteSchema,
    TakeBackSchema,
    TaskDetailSchema,
    TaskSchema,
    VoteSchema,
)
from schemas.urges import UrgeRequestSchema, UrgeSchema
from service.api.docs import errors
from service.api.pagination import Blueprint
from service.api.presenters import batch_view, task_view, tasks_view
from service.api.urge_views import urged_view
from service.auth import current_actor, require_roles
from service.operations.common import paginate
from service.operations.engines import approvals, urges
from service.roles import ADMINS, DECIDERS, TASK_READERS, TASK_URGERS
from workflows.approval import BatchDecision, RouteSpec, TaskDecision, TaskVote

blp = Blueprint("tasks", __name__, url_prefix="/api/v1/tasks", description="Approval tasks and the inbox (待办)")
routes_blp = Blueprint(
    "approval_routes",
    __name__,
    url_prefix="/api/v1/approval-routes",
    description="How each body decides: approval mode and approvers per level",
)


def _one(task: Any) -> Any:
    return task_view(current_actor(), task)


@blp.route("/inbox")
@blp.arguments(InboxQuerySchema, location="query")
@blp.response(200, TaskSchema(many=True))
@blp.paginate(page_size=50, max_page_size=200)
@errors(blp, 422)
def inbox(filters: dict[str, Any], pagination_parameters: Any) -> Any:
    """My open tasks — assigned to me or claimable by my group — soonest due first, with the case summary."""
    stmt = approvals.reads.inbox_query(current_actor(), filters.get("workflow"), filters.get("overdue"))
    items, total = paginate(stmt, pagination_parameters.page, pagination_parameters.page_size)
    pagination_parameters.item_count = total
    return tasks_view(items)


@blp.route("/batch", methods=["POST"])
@blp.arguments(BatchDecideSchema)
@blp.response(200, BatchResultSchema)
@errors(blp, 400, 403, 422)
@require_roles(*DECIDERS)
def batch(data: BatchDecision) -> Any:
    """批量审批: approve or return (退回, a reason required) up to BATCH_MAX_TASKS tasks, each in its own
    transaction through the same rules as `decide`. Always 200 once the batch is valid: `results` says per
    task, in the order asked, `done`, `conflict`, `refused` or `error`. A committee vote, and an approval that
    issues the reply (批复文号), are refused in a batch (`batch_committee_vote`, `batch_needs_reply`)."""
    return batch_view(data.action, approvals.batch.decide_many(current_actor(), data))


@blp.route("/<int:task_id>")
@blp.response(200, TaskDetailSchema)
@errors(blp, 403, 404)
@require_roles(*TASK_READERS)
def get_task(task_id: int) -> Any:
    return _one(approvals.reads.get_task(current_actor(), task_id))


@blp.route("/<int:task_id>/claim", methods=["POST"])
@blp.response(200, TaskDetailSchema)
@errors(blp, 403, 404, 409)
@require_roles(*DECIDERS)
def claim(task_id: int) -> Any:
    """Take a task offered to my group; 409 when someone else holds it."""
    return _one(approvals.acting.claim(current_actor(), task_id))


@blp.route("/<int:task_id>/release", methods=["POST"])
@blp.response(200, TaskDetailSchema)
@errors(blp, 403, 404, 409)
@require_roles(*DECIDERS)
def release(task_id: int) -> Any:
    return _one(approvals.acting.release(current_actor(), task_id))


@blp.route("/<int:task_id>/decide", methods=["POST"])
@blp.arguments(DecideSchema)
@blp.response(200, TaskDetailSchema)
@errors(blp, 400, 403, 404, 409, 422)
@require_roles(*DECIDERS)
def decide(data: TaskDecision, task_id: int) -> Any:
    """Approve, reject or return (退回). The final approval carries the reply: approval_doc_no (批复文号)."""
    return _one(approvals.acting.act(current_actor(), task_id, data.action, comment=data.comment, reply=data.reply))


@blp.route("/<int:task_id>/vote", methods=["POST"])
@blp.arguments(VoteSchema)
@blp.response(200, TaskDetailSchema)
@errors(blp, 400, 403, 404, 409, 422)
@require_roles(*DECIDERS)
def vote(data: TaskVote, task_id: int) -> Any:
    """Record a committee meeting's vote (committee_vote steps): quorum more than half of the members,
    carried with more than half of ALL members."""
    return _one(
        approvals.acting.act(current_actor(), task_id, "vote", comment=data.comment, tally=data.tally, reply=data.reply)
    )


@blp.route("/<int:task_id>/delegate", methods=["POST"])
@blp.arguments(DelegateSchema)
@blp.response(200, TaskDetailSchema)
@errors(blp, 400, 403, 404, 409, 422)
@require_roles(*DECIDERS)
def delegate(data: dict[str, Any], task_id: int) -> Any:
    """Hand my task to a colleague of the same body (转办)."""
    return _one(
        approvals.acting.act(
            current_actor(), task_id, "delegate", comment=data["comment"], delegate_to=data["to_user_id"]
        )
    )


@blp.route("/<int:task_id>/consult", methods=["POST"])
@blp.arguments(ConsultSchema)
@blp.response(200, TaskDetailSchema)
@errors(blp, 400, 403, 404, 409, 422)
@require_roles(*DECIDERS)
def consult(data: dict[str, Any], task_id: int) -> Any:
    """委派: ask a colleague of the same body for an opinion. The colleague gets a consult task (kind
    `consult`) to answer with POST /opinion; my task stays open and I may decide at any time."""
    return _one(
        approvals.acting.act(
            current_actor(), task_id, "consult", comment=data["comment"], delegate_to=data["to_user_id"]
        )
    )


@blp.route("/<int:task_id>/opinion", methods=["POST"])
@blp.arguments(OpinionSchema)
@blp.response(200, TaskDetailSchema)
@errors(blp, 400, 403, 404, 409, 422)
@require_roles(*DECIDERS)
def opinion(data: dict[str, Any], task_id: int) -> Any:
    """The consulted colleague's opinion (意见) on their consult task; it goes back to whoever asked."""
    return _one(approvals.acting.act(current_actor(), task_id, "opinion", comment=data["comment"]))


@blp.route("/<int:task_id>/add-approvers", methods=["POST"])
@blp.arguments(AddApproversSchema)
@blp.response(200, TaskDetailSchema)
@errors(blp, 400, 403, 404, 409, 422)
@require_roles(*DECIDERS)
def add_approvers(data: dict[str, Any], task_id: int) -> Any:
    """加签: add active approvers of the step's body to my open step (countersign, any-one, sequential — before
    or after me); they get their task, a notification and `task.assigned`. A committee vote is refused."""
    return _one(
        approvals.acting.change_approvers(
            current_actor(), task_id, "add_approvers", data["user_ids"], data["reason"], data.get("position")
        )
    )


@blp.route("/<int:task_id>/remove-approvers", methods=["POST"])
@blp.arguments(RemoveApproversSchema)
@blp.response(200, TaskDetailSchema)
@errors(blp, 400, 403, 404, 409, 422)
@require_roles(*DECIDERS)
def remove_approvers(data: dict[str, Any], task_id: int) -> Any:
    """减签: approvers of my open step who have not acted leave it (their tasks are cancelled); 422
    `last_approver` when no one would be left to act."""
    return _one(
        approvals.acting.change_approvers(
            current_actor(), task_id, "remove_approvers", data["user_ids"], data["reason"]
        )
    )


@blp.route("/<int:task_id>/take-back", methods=["POST"])
@blp.arguments(TakeBackSchema)
@blp.response(200, TaskDetailSchema)
@errors(blp, 400, 403, 404, 409, 422)
@require_roles(*DECIDERS)
def take_back(data: dict[str, Any], task_id: int) -> Any:
    """拿回 my approval: on a countersign step still open; on a sequential step still open, my approval that passed
    the turn on while the next approver has not touched it (their task is withdrawn, the turn is mine again); or,
    when my approval closed the step and opened the next level, while nobody has touched that next step (it is
    cancelled and my step reopens). 409 names who acted."""
    return _one(approvals.acting.take_back(current_actor(), task_id, data.get("comment")))


@blp.route("/<int:task_id>/return-to", methods=["POST"])
@blp.arguments(ReturnToSchema)
@blp.response(200, TaskDetailSchema)
@errors(blp, 400, 403, 404, 409, 422)
@require_roles(*DECIDERS)
def return_to(data: dict[str, Any], task_id: int) -> Any:
    """退回 to an earlier approval level (`level_name`, with a reason): my step closes as returned and a new step
    opens at that level (same body, fresh tasks); the later levels open again as the case proceeds."""
    return _one(approvals.acting.return_to(current_actor(), task_id, data["level_name"], data["reason"]))


@blp.route("/<int:task_id>/comment", methods=["POST"])
@blp.arguments(CommentSchema)
@blp.response(200, TaskDetailSchema)
@errors(blp, 400, 403, 404, 409, 422)
@require_roles(*DECIDERS)
def comment(data: dict[str, Any], task_id: int) -> Any:
    return _one(approvals.acting.act(current_actor(), task_id, "comment", comment=data["comment"]))


@blp.route("/<int:task_id>/urge", methods=["POST"])
@blp.arguments(UrgeRequestSchema)
@blp.response(201, UrgeSchema)
@errors(blp, 400, 403, 404, 409, 422)
@require_roles(*TASK_URGERS)
def urge(data: dict[str, Any], task_id: int) -> Any:
    """催办 an overdue open task: its approvers (assignee, else the group it is offered to) are notified. At most
    once per working day (409 says the next working day it may be urged); 422 while it is not overdue."""
    return urged_view(urges.urge_task(current_actor(), task_id, data.get("message")))


@routes_blp.route("")
@routes_blp.arguments(RouteQuerySchema, location="query")
@routes_blp.response(200, RouteSchema(many=True))
@errors(routes_blp, 422)
def list_routes(filters: dict[str, Any]) -> Any:
    return approvals.routes.list_routes(current_actor(), filters.get("body_id"), filters.get("workflow"))


@routes_blp.route("", methods=["PUT"])
@routes_blp.arguments(RouteSchema)
@routes_blp.response(200, RouteSchema)
@errors(routes_blp, 400, 403, 404, 422)
@require_roles(*ADMINS)
def put_route(data: RouteSpec) -> Any:
    """Set how a body decides one level (mode and, for named modes, approvers in order)."""
    return approvals.routes.put_route(current_actor(), data)
