"""常用意见's pure rules at their edges: normalising, length, duplicates, the per-user limit, the examples."""

from __future__ import annotations

import pytest

from workflows import opinions as rules
from workflows.errors import RuleViolation


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("同意。", "同意。"),
        ("  同意。  ", "同意。"),
        ("\n\n同意。\r\n 请抓紧办理。 \n\n", "同意。\n请抓紧办理。"),
        ("同意。\r请抓紧办理。", "同意。\n请抓紧办理。"),
    ],
)
def test_the_text_is_stored_trimmed_line_by_line(raw: str, stored: str) -> None:
    assert rules.check_new(raw, [], 30) == stored


@pytest.mark.parametrize(
    ("text", "existing", "limit", "code"),
    [
        ("", [], 30, "opinion_blank"),
        (" \n \t ", [], 30, "opinion_blank"),
        ("意" * 201, [], 30, "opinion_too_long"),
        ("同意。", ["同意。"], 30, "opinion_duplicate"),
        ("  同意。 ", ["同意。"], 30, "opinion_duplicate"),  # the same once trimmed
        ("同意上报。", ["同意。", "请补充材料。"], 2, "opinion_limit"),
        ("同意。", ["同意。", "请补充材料。"], 2, "opinion_duplicate"),  # duplicate said before the limit
    ],
)
def test_refusals_name_the_text_field_in_chinese(text: str, existing: list[str], limit: int, code: str) -> None:
    with pytest.raises(RuleViolation) as refused:
        rules.check_new(text, existing, limit)
    assert refused.value.code == code
    assert refused.value.field == "text"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in refused.value.message)


def test_the_edges_of_length_and_limit_are_allowed() -> None:
    assert rules.check_new("意" * 200, [], 30) == "意" * 200
    assert rules.check_new(" " + "意" * 200 + " ", [], 30) == "意" * 200  # spaces around do not count
    assert rules.check_new("新意见", ["a", "b"], 3) == "新意见"  # the last place left
    with pytest.raises(RuleViolation) as refused:
        rules.check_new("意" * 201, [], 30)
    assert refused.value.detail == {"max_length": 200, "length": 201}


@pytest.mark.parametrize(
    ("existing", "limit", "added"),
    [
        ([], 30, list(rules.EXAMPLES)),
        (["同意。"], 30, [e for e in rules.EXAMPLES if e != "同意。"]),
        (list(rules.EXAMPLES), 30, []),
        (["x"], 3, list(rules.EXAMPLES[:2])),  # only the room the limit leaves
        (["x", "y", "z"], 3, []),
    ],
)
def test_examples_fill_only_what_is_missing_and_the_room_left(
    existing: list[str], limit: int, added: list[str]
) -> None:
    assert rules.examples_to_add(existing, limit) == added
