"""催办 (urging): a reminder someone sends to the people an open item waits for.

Who urges what: an applicant (or a supervisor) urges an overdue approval task, reaching its approvers; a
supervisor urges a supervision ticket's handling body while the ball is with the unit (issued, acknowledged,
rectifying — overdue or not). At most once per working day per item: a second urge is refused until the next
working day on the official calendar (weekends, holidays and 调休 make-up days included), and the refusal says
which day that is. Pure rules: the service layer supplies the dates and the calendar."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from workflows.errors import Conflict, RuleViolation
from workflows.supervision import SUPERVISION_TICKET, TicketState
from workflows.workdays import WorkdayCalendar

MESSAGE_MAX = 200


class UrgeSubject(StrEnum):
    TASK = "approval_task"
    TICKET = "supervision_ticket"


SUBJECT_LABELS_ZH = {UrgeSubject.TASK: "审批任务", UrgeSubject.TICKET: "督办单"}
# The ticket states in which the handling body owes the next step (the supervisor may urge it).
URGEABLE_TICKET_STATES = frozenset({TicketState.ISSUED, TicketState.ACKNOWLEDGED, TicketState.RECTIFYING})


def next_allowed_on(last_urged_on: dt.date | None, cal: WorkdayCalendar) -> dt.date | None:
    """The first day an item urged on `last_urged_on` may be urged again: the next working day after it."""
    return None if last_urged_on is None else cal.add_workdays(last_urged_on, 1).date


def may_urge_again(last_urged_on: dt.date | None, today: dt.date, cal: WorkdayCalendar) -> bool:
    """Once per working day: a working day must lie in (last urge, today]."""
    return last_urged_on is None or cal.workdays_between(last_urged_on, today) >= 1


def check_once_per_workday(last_urged_on: dt.date | None, today: dt.date, cal: WorkdayCalendar) -> None:
    if may_urge_again(last_urged_on, today, cal):
        return
    again = next_allowed_on(last_urged_on, cal)
    assert again is not None
    raise Conflict(
        "already_urged",
        f"同一工作日内只能催办一次，今天已催办过，请于{again.isoformat()}（下一个工作日）再催办",
        detail={
            "last_urged_on": last_urged_on.isoformat() if last_urged_on else None,
            "next_allowed_on": again.isoformat(),
        },
    )


def clean_message(message: str | None) -> str | None:
    """The optional message: blank is none; longer than MESSAGE_MAX is refused."""
    if message is None or not message.strip():
        return None
    text = message.strip()
    if len(text) > MESSAGE_MAX:
        raise RuleViolation(
            "message_too_long", f"催办留言不能超过{MESSAGE_MAX}个字", "message", detail={"max_length": MESSAGE_MAX}
        )
    return text


def check_task_urge(
    status: str, due_on: dt.date, today: dt.date, last_urged_on: dt.date | None, cal: WorkdayCalendar
) -> None:
    """An approval task may be urged while it is open and overdue, once per working day."""
    if status != "open":
        raise Conflict("task_not_open", "该审批任务不在办理中（已办结、已取消或尚未轮到），不能催办")
    if due_on >= today:
        raise RuleViolation(
            "task_not_overdue",
            f"该审批任务尚未逾期（办理期限 {due_on.isoformat()}），逾期后方可催办",
            detail={"due_on": due_on.isoformat()},
        )
    check_once_per_workday(last_urged_on, today, cal)


def check_ticket_urge(state: str, today: dt.date, last_urged_on: dt.date | None, cal: WorkdayCalendar) -> None:
    """A ticket may be urged while the handling body owes the next step, once per working day."""
    current = TicketState(state)
    if current is TicketState.SUBMITTED:
        raise Conflict("ticket_reported", "承办单位已报送整改情况，正待督办单位审核，不需催办")
    if current not in URGEABLE_TICKET_STATES:
        raise Conflict("ticket_not_open", f"督办单「{SUPERVISION_TICKET.state_label(current)}」，不能催办")
    check_once_per_workday(last_urged_on, today, cal)
