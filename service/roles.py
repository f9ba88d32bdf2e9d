"""Who may do what: every group of roles, defined once and named for what the group may do.

The endpoints' role checks (`require_roles(*X)`) and the commands' own checks (`actor.role in X`) read the
same tuples, so an endpoint and its command cannot drift apart. `tests/architecture/test_layers.py` refuses a role tuple
written anywhere else."""

from __future__ import annotations

from service.models.user import Role

# Administration: users and tokens, jurisdictions, the working-day calendar, approval routes.
ADMINS: tuple[Role, ...] = (Role.admin,)
# Read the audit trail.
AUDIT_READERS: tuple[Role, ...] = (Role.admin, Role.supervisor)
# Register and edit units in the ledger (台账).
UNIT_WRITERS: tuple[Role, ...] = (Role.admin, Role.supervisor, Role.handler, Role.portal)
# File an establishment case and act on it as its applicant (update, submit, withdraw, found).
CASE_APPLICANTS: tuple[Role, ...] = (Role.admin, Role.portal, Role.handler, Role.approver)
# Act on a case for its applicant (the portal or the handling body that filed it).
APPLICANT_PROXIES: tuple[Role, ...] = (Role.portal, Role.handler)
# Cancel an establishment case.
CASE_CANCELLERS: tuple[Role, ...] = (Role.admin, Role.supervisor, Role.approver)
# Read an approval task (it shows the case it decides): not portals, which see only the cases they filed.
TASK_READERS: tuple[Role, ...] = (Role.admin, Role.supervisor, Role.approver, Role.handler, Role.instructor)
# Take approval decisions on tasks (claim, release, decide, vote, delegate, comment).
DECIDERS: tuple[Role, ...] = (Role.approver,)
# Issue, edit, review and cancel supervision tickets (督办单); decide extension requests.
TICKET_ISSUERS: tuple[Role, ...] = (Role.admin, Role.supervisor)
# Handle a ticket: acknowledge, rectify, report, ask for an extension.
TICKET_HANDLERS: tuple[Role, ...] = (Role.handler,)
# Read supervision: tickets (督办单), the board, their export, interviews (约谈) and their documents. Not portals:
# a portal speaks for one enterprise or social organisation, supervision is between the party bodies.
SUPERVISION_READERS: tuple[Role, ...] = (Role.admin, Role.supervisor, Role.approver, Role.handler, Role.instructor)
# Schedule, hold, follow up and close interviews (约谈).
INTERVIEWERS: tuple[Role, ...] = (Role.admin, Role.supervisor)
# Manage webhooks: portals their own, admins every webhook in their scope.
WEBHOOK_MANAGERS: tuple[Role, ...] = (Role.admin, Role.portal)

# Urge (催办) an overdue approval task: the applicant side (portals and handling bodies) and supervisors.
TASK_URGERS: tuple[Role, ...] = APPLICANT_PROXIES + TICKET_ISSUERS
# Urge a supervision ticket's handling body: the issuing side.
TICKET_URGERS: tuple[Role, ...] = TICKET_ISSUERS

# 抄送 (copy) a subject to people who must know: those who act on it. An establishment case: its approvers,
# the handling body that files or supports it, supervisors and admins; not portals (they speak for one unit)
# nor instructors (they read, they do not act). A supervision ticket: its issuing side and its handlers.
CASE_COPIERS: tuple[Role, ...] = (Role.admin, Role.supervisor, Role.approver, Role.handler)
TICKET_COPIERS: tuple[Role, ...] = TICKET_ISSUERS + TICKET_HANDLERS
# The web console (service/console): the 待办 / 已办 pages serve those who decide tasks or handle tickets.
INBOX_USERS: tuple[Role, ...] = DECIDERS + TICKET_HANDLERS
# The supervisors' own 待办: reports to review, extension requests to decide, interviews to hold or follow up.
OVERSIGHT_INBOX_USERS: tuple[Role, ...] = TICKET_ISSUERS


def of(workflow: str, group: str) -> tuple[Role, ...]:
    """A role group a workflow declares with its definition (`WorkflowDefinition.roles`): the one place a
    new workflow's groups are written, read here so every check still goes through this module."""
    from workflows.registry import WORKFLOWS

    return tuple(Role(value) for value in WORKFLOWS[workflow].roles[group])


# Read coverage reports, the must-establish list, the trend and circulars (every role but portals: a
# portal speaks for one enterprise or social organisation, the campaign's standing is the departments').
COVERAGE_READERS: tuple[Role, ...] = (Role.admin, Role.supervisor, Role.approver, Role.handler, Role.instructor)
# The console's 全部事项 search over establishment cases and supervision tickets (and its export): everyone who
# works cases or tickets, and instructors, who may read the cases in their area. Not portals: a portal speaks
# for one enterprise or social organisation, while a search in its scope would list its neighbours' cases.
SEARCHERS: tuple[Role, ...] = (Role.admin, Role.supervisor, Role.approver, Role.handler, Role.instructor)
# Issue circulars (通报).
CIRCULAR_ISSUERS: tuple[Role, ...] = (Role.admin, Role.supervisor)

# Attachments (附件), by subject: who adds and withdraws files is who acts on the subject; readers of the
# subject list and download them. A case's files: its applicant side (and the approvers, for the 批复扫描件).
CASE_ATTACHMENT_WRITERS: tuple[Role, ...] = CASE_APPLICANTS
# A case is read by every role (a portal its own cases only: the case's own scope decides).
CASE_ATTACHMENT_READERS: tuple[Role, ...] = tuple(Role)
# A ticket's 整改佐证 and 整改报告: the handling body.
TICKET_ATTACHMENT_WRITERS: tuple[Role, ...] = TICKET_HANDLERS
# An interview's 约谈记录: the interviewers.
INTERVIEW_ATTACHMENT_WRITERS: tuple[Role, ...] = INTERVIEWERS
