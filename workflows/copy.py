"""抄送 / 待阅 (copies): an actor copies a case or a ticket to people who must know about it; each recipient
finds it in their 待阅 list and marks it read. No task is created: a copy asks nothing of its recipient.

Who may receive a copy is decided by the subject, not by the sender: every recipient must be able to see the
subject themselves (its own scoped look-up, as that user). A copy to oneself is refused (it tells nobody
anything); a person named twice is copied once; a person who already holds an unread copy of the subject is
not copied again (the existing copy stands: idempotent). Pure rules: the service layer supplies who each
requested user is and whether they can see the subject."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from workflows.errors import RuleViolation

NOTE_MAX = 500
RECIPIENTS_MAX = 50
FIELD = "user_ids"


@dataclass(frozen=True)
class Candidate:
    """A requested recipient as the service layer found them: `name` is what a refusal may call them (their
    display name when the sender may know it, else a neutral label), `active` whether the account is active,
    `sees_subject` whether the subject's own scoped look-up finds it as that user."""

    name: str
    active: bool
    sees_subject: bool


def clean_note(note: str | None) -> str | None:
    """The optional note: blank is none; longer than NOTE_MAX is refused."""
    if note is None or not note.strip():
        return None
    text = note.strip()
    if len(text) > NOTE_MAX:
        raise RuleViolation("note_too_long", f"抄送说明不能超过{NOTE_MAX}个字", "note", detail={"max_length": NOTE_MAX})
    return text


def requested(user_ids: Sequence[int]) -> list[int]:
    """The distinct requested users, in the order given; at least one, at most RECIPIENTS_MAX."""
    distinct = list(dict.fromkeys(user_ids))
    if not distinct:
        raise RuleViolation("no_recipients", "请至少选择一位抄送对象", FIELD)
    if len(distinct) > RECIPIENTS_MAX:
        raise RuleViolation(
            "too_many_recipients",
            f"一次最多抄送{RECIPIENTS_MAX}人",
            FIELD,
            detail={"max_recipients": RECIPIENTS_MAX},
        )
    return distinct


def check_recipients(sender_id: int | None, user_ids: Sequence[int], found: Mapping[int, Candidate]) -> list[int]:
    """The recipients to copy, or the refusal naming the first one who may not receive it: oneself, an unknown
    or inactive user, or a user who cannot see the subject. Nothing is copied when any is refused."""
    distinct = requested(user_ids)
    for user_id in distinct:
        if user_id == sender_id:
            raise RuleViolation("copy_to_self", "不能抄送给自己", FIELD, detail={"user_id": user_id})
        who = found.get(user_id)
        if who is None or not who.active:
            raise RuleViolation(
                "unknown_recipient", f"用户 {user_id} 不存在或已停用", FIELD, detail={"user_id": user_id}
            )
        if not who.sees_subject:
            raise RuleViolation(
                "recipient_out_of_scope",
                f"「{who.name}」无权查看该事项，不能抄送",
                FIELD,
                detail={"user_id": user_id},
            )
    return distinct


def to_write(recipients: Sequence[int], unread_holders: set[int]) -> list[int]:
    """The recipients who get a new copy: those without an unread copy of the subject already."""
    return [u for u in recipients if u not in unread_holders]
