"""抄送 rules (workflows/copy.py) at their edges: the note, the recipient list, who may receive a copy."""

from __future__ import annotations

import pytest

from workflows import copy as rules
from workflows.copy import Candidate
from workflows.errors import RuleViolation

SEES = Candidate("王科长", active=True, sees_subject=True)
BLIND = Candidate("李主任", active=True, sees_subject=False)
GONE = Candidate("赵干事", active=False, sees_subject=True)


@pytest.mark.parametrize(
    ("note", "expected"),
    [(None, None), ("", None), ("   ", None), (" 请阅 ", "请阅"), ("字" * rules.NOTE_MAX, "字" * rules.NOTE_MAX)],
)
def test_note_is_optional_and_trimmed(note: str | None, expected: str | None) -> None:
    assert rules.clean_note(note) == expected


def test_a_note_one_over_the_limit_is_refused() -> None:
    with pytest.raises(RuleViolation) as exc:
        rules.clean_note("字" * (rules.NOTE_MAX + 1))
    assert (exc.value.code, exc.value.field) == ("note_too_long", "note")


@pytest.mark.parametrize(
    ("ids", "ok"),
    [([], False), ([1], True), (list(range(1, rules.RECIPIENTS_MAX + 1)), True), ([1] * 80, True)],
)
def test_recipient_count_edges(ids: list[int], ok: bool) -> None:
    if ok:
        assert rules.requested(ids) == list(dict.fromkeys(ids))
    else:
        with pytest.raises(RuleViolation):
            rules.requested(ids)


def test_more_distinct_recipients_than_the_limit_are_refused() -> None:
    with pytest.raises(RuleViolation) as exc:
        rules.requested(list(range(1, rules.RECIPIENTS_MAX + 2)))
    assert exc.value.code == "too_many_recipients"


@pytest.mark.parametrize(
    ("ids", "found", "code", "message"),
    [
        ([7], {7: SEES}, "copy_to_self", "不能抄送给自己"),
        ([2, 7], {2: SEES, 7: SEES}, "copy_to_self", "不能抄送给自己"),
        ([3], {}, "unknown_recipient", "用户 3 不存在或已停用"),
        ([4], {4: GONE}, "unknown_recipient", "用户 4 不存在或已停用"),
        ([2, 5], {2: SEES, 5: BLIND}, "recipient_out_of_scope", "「李主任」无权查看该事项，不能抄送"),
    ],
)
def test_refused_recipients_are_named(ids: list[int], found: dict[int, Candidate], code: str, message: str) -> None:
    with pytest.raises(RuleViolation) as exc:
        rules.check_recipients(7, ids, found)
    assert (exc.value.code, exc.value.message, exc.value.field) == (code, message, "user_ids")


def test_recipients_who_see_the_subject_are_copied_once_each() -> None:
    assert rules.check_recipients(7, [2, 3, 2], {2: SEES, 3: SEES}) == [2, 3]


def test_an_unread_copy_already_held_is_not_written_again() -> None:
    assert rules.to_write([2, 3, 4], {3}) == [2, 4]
    assert rules.to_write([3], {3}) == []
