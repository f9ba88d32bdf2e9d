"""The generated Python client (clients/python/, `dangjian_flow_client`) against a real server: the test app on a
free port, driven over HTTP as a portal, approvers, a supervisor and a handler would drive it. A unit enters the
ledger, its branch is requested, approved and founded, then a supervision ticket runs from draft to closed.
Answers are the client's attrs models; refusals its typed `Error`; Idempotency-Key and If-Match go out as headers."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest
from dangjian_flow_client import AuthenticatedClient
from dangjian_flow_client.api.establishment import (
    get_api_v1_establishment_cases_case_id,
    post_api_v1_establishment_cases,
    post_api_v1_establishment_cases_case_id_found,
    post_api_v1_establishment_cases_case_id_submit,
)
from dangjian_flow_client.api.party_orgs import get_api_v1_party_orgs_org_id
from dangjian_flow_client.api.supervision import (
    get_api_v1_supervision_tickets_ticket_id,
    post_api_v1_supervision_tickets,
    post_api_v1_supervision_tickets_ticket_id_acknowledge,
    post_api_v1_supervision_tickets_ticket_id_close,
    post_api_v1_supervision_tickets_ticket_id_issue,
    post_api_v1_supervision_tickets_ticket_id_report,
    post_api_v1_supervision_tickets_ticket_id_start,
)
from dangjian_flow_client.api.tasks import (
    get_api_v1_tasks_inbox,
    post_api_v1_tasks_task_id_decide,
    post_api_v1_tasks_task_id_vote,
)
from dangjian_flow_client.api.units import get_api_v1_units_unit_id, post_api_v1_units
from dangjian_flow_client.models import (
    Candidate,
    Case,
    CaseCreate,
    Decide,
    Error,
    Found,
    PartyOrg,
    ProblemInput,
    ProblemReportInput,
    Report,
    ReviewComment,
    Task,
    TaskDetail,
    Ticket,
    TicketCreate,
    Unit,
    UnitCreate,
    Vote,
)
from dangjian_flow_client.types import Unset

from tests.support.factories import new_credit_code
from tests.support.world import World

pytestmark = pytest.mark.commits  # the server answers from its own threads

TODAY = datetime.date(2026, 9, 25)  # the injected clock's civil date (tests/support/world.py START)


@pytest.fixture
def as_(live_server: str, world: World) -> Iterator[dict[str, AuthenticatedClient]]:
    """One client per world user, by name ('portal@east'), each with its own token."""
    clients = {name: AuthenticatedClient(base_url=live_server, token=token) for name, token in world.tokens.items()}
    yield clients
    for client in clients.values():
        client.get_httpx_client().close()


def test_a_portal_founds_a_branch_and_a_supervisor_closes_a_ticket(
    as_: dict[str, AuthenticatedClient], world: World
) -> None:
    portal, approver = as_["portal@east"], as_["approver@east_t1"]
    supervisor, handler = as_["supervisor@east"], as_["handler@east_t1"]

    # The ledger: a unit with three formal members, created once despite the retry with the same key.
    new_unit = UnitCreate(
        name="青山新材料科技有限公司",
        credit_code=new_credit_code(),
        kind="enterprise",
        jurisdiction_id=world.ids["east_t1"],
        employees=80,
        formal_members=3,
        industry="制造业",
    )
    first = post_api_v1_units.sync_detailed(client=portal, body=new_unit, idempotency_key="client-unit-1")
    assert first.status_code == 201
    unit = first.parsed
    assert isinstance(unit, Unit)
    assert unit.name == "青山新材料科技有限公司"
    assert unit.party_org_id is None and unit.in_scope is True
    again = post_api_v1_units.sync_detailed(client=portal, body=new_unit, idempotency_key="client-unit-1")
    assert again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert isinstance(again.parsed, Unit) and again.parsed.id == unit.id

    # The request: a branch, submitted; the township's approvers get the task.
    case = post_api_v1_establishment_cases.sync(
        client=portal,
        body=CaseCreate(unit_ids=[unit.id], form="branch", proposed_name="中共青山新材料科技有限公司支部委员会"),
        idempotency_key="client-case-1",
    )
    assert isinstance(case, Case)
    assert case.state == "preparing"
    case = post_api_v1_establishment_cases_case_id_submit.sync(case.id, client=portal)
    assert isinstance(case, Case)
    assert case.state == "submitted"

    inbox = get_api_v1_tasks_inbox.sync(client=approver, workflow="establishment")
    assert isinstance(inbox, list)
    [task] = [t for t in inbox if t.subject_id == case.id]
    assert isinstance(task, Task)
    # The township decides at a committee meeting (集体表决): a plain approval is refused, the tally carries it.
    assert not isinstance(task.step, Unset) and task.step["mode"] == "committee_vote"
    reply = {"approval_doc_no": "东一委复〔2026〕9号", "meeting_on": TODAY, "comment": "同意成立"}
    alone = post_api_v1_tasks_task_id_decide.sync(task.id, client=approver, body=Decide(action="approve", **reply))
    assert isinstance(alone, Error)
    assert (alone.status, alone.code) == (422, "committee_vote_needs_tally")
    voted = post_api_v1_tasks_task_id_vote.sync(
        task.id,
        client=approver,
        body=Vote(members=7, present=6, votes_for=6, votes_against=0, **reply),
        idempotency_key="client-vote-1",
    )
    assert isinstance(voted, TaskDetail)
    assert voted.outcome == "approve"
    case = get_api_v1_establishment_cases_case_id.sync(case.id, client=portal)
    assert isinstance(case, Case)
    assert (case.state, case.approval_doc_no, case.approved_on) == ("approved", "东一委复〔2026〕9号", TODAY)

    # The founding meeting: the party organisation exists and covers the unit.
    founded = post_api_v1_establishment_cases_case_id_found.sync(
        case.id,
        client=portal,
        body=Found(
            held_on=TODAY,
            entitled=3,
            present=3,
            secretary="王书记",
            elected=[Candidate(name="王书记", votes=3)],
        ),
    )
    assert isinstance(founded, Case)
    assert founded.state == "founded" and founded.founded_on == TODAY
    assert isinstance(founded.party_org_id, int)
    org = get_api_v1_party_orgs_org_id.sync(founded.party_org_id, client=portal)
    assert isinstance(org, PartyOrg)
    assert org.name == "中共青山新材料科技有限公司支部委员会"
    covered = get_api_v1_units_unit_id.sync(unit.id, client=portal)
    assert isinstance(covered, Unit) and covered.party_org_id == founded.party_org_id

    # A supervision ticket to the township: drafted and issued by the county, signed for, rectified, reported,
    # closed. Each state change sends the ETag of the read before it as If-Match.
    drafted = post_api_v1_supervision_tickets.sync(
        client=supervisor,
        body=TicketCreate(
            title="新建党组织规范化建设滞后",
            jurisdiction_id=world.ids["east_t1"],
            responsible_person="刘镇长",
            problems=[ProblemInput(description="新成立支部未按期开展组织生活", measure="10月底前召开首次组织生活会")],
            rectification_workdays=5,
        ),
        idempotency_key="client-ticket-1",
    )
    assert isinstance(drafted, Ticket)
    assert drafted.state == "draft"
    issued = post_api_v1_supervision_tickets_ticket_id_issue.sync(drafted.id, client=supervisor)
    assert isinstance(issued, Ticket)
    assert issued.state == "issued" and issued.issued_on == TODAY
    assert isinstance(issued.rectify_by, datetime.date) and issued.rectify_by > TODAY

    read = get_api_v1_supervision_tickets_ticket_id.sync_detailed(drafted.id, client=handler)
    assert read.status_code == 200
    signed = post_api_v1_supervision_tickets_ticket_id_acknowledge.sync(
        drafted.id, client=handler, if_match=read.headers["ETag"]
    )
    assert isinstance(signed, Ticket) and signed.state == "acknowledged"
    started = post_api_v1_supervision_tickets_ticket_id_start.sync(drafted.id, client=handler)
    assert isinstance(started, Ticket) and started.state == "rectifying"
    assert not isinstance(started.problems, Unset)
    reported = post_api_v1_supervision_tickets_ticket_id_report.sync(
        drafted.id,
        client=handler,
        body=Report(
            summary="已整改",
            problems_reported=[
                ProblemReportInput(problem_id=p.id, measures_taken="9月25日召开首次组织生活会")
                for p in started.problems
            ],
        ),
    )
    assert isinstance(reported, Ticket) and reported.state == "submitted"
    closed = post_api_v1_supervision_tickets_ticket_id_close.sync(
        drafted.id, client=supervisor, body=ReviewComment(comment="整改到位，予以销号")
    )
    assert isinstance(closed, Ticket)
    assert closed.state == "closed" and closed.closed_on_time is True


def test_refusals_come_back_as_the_typed_error(as_: dict[str, AuthenticatedClient], world: World) -> None:
    portal = as_["portal@east"]

    # Field-level validation: 422 with Chinese messages by field, nothing created.
    bad = post_api_v1_units.sync_detailed(
        client=portal,
        body=UnitCreate(
            name="青山测试有限公司",
            credit_code=new_credit_code(),
            kind="enterprise",
            jurisdiction_id=world.ids["east_t1"],
            employees=-1,
            formal_members=3,
        ),
    )
    assert bad.status_code == 422
    error = bad.parsed
    assert isinstance(error, Error)
    assert error.status == 422 and error.code == "validation_failed"
    assert not isinstance(error.errors, Unset)
    assert "employees" in error.errors["json"]

    # A rule's refusal: a general branch needs more formal members; the code and the numbers in `detail`.
    unit = post_api_v1_units.sync(
        client=portal,
        body=UnitCreate(
            name="青山小微科技有限公司",
            credit_code=new_credit_code(),
            kind="enterprise",
            jurisdiction_id=world.ids["east_t1"],
            employees=20,
            formal_members=3,
        ),
    )
    assert isinstance(unit, Unit)
    refused = post_api_v1_establishment_cases.sync_detailed(
        client=portal, body=CaseCreate(unit_ids=[unit.id], form="general_branch", proposed_name="中共青山小微科技总支")
    )
    assert refused.status_code == 422
    assert isinstance(refused.parsed, Error)
    assert refused.parsed.code == "general_branch_needs_more_formal"
    assert refused.parsed.message and "正式党员" in refused.parsed.message
    assert not isinstance(refused.parsed.detail, Unset)
    assert refused.parsed.detail["formal_members"] == 3

    # Outside the caller's role: a portal may not draft tickets (403, typed).
    forbidden = post_api_v1_supervision_tickets.sync_detailed(
        client=portal,
        body=TicketCreate(
            title="越权督办",
            jurisdiction_id=world.ids["east_t1"],
            responsible_person="刘镇长",
            problems=[ProblemInput(description="问题", measure="措施")],
            rectification_workdays=5,
        ),
    )
    assert forbidden.status_code == 403
    assert isinstance(forbidden.parsed, Error) and forbidden.parsed.status == 403

    # A token the server does not know: 401, typed.
    stranger = AuthenticatedClient(base_url=portal._base_url, token="dj_not-a-token")
    with stranger as client:
        unknown = get_api_v1_units_unit_id.sync_detailed(unit.id, client=client)
    assert unknown.status_code == 401
    assert isinstance(unknown.parsed, Error) and unknown.parsed.status == 401
