"""常用意见 (saved opinions): the short texts an approver keeps to pick in an opinion box. Pure rules: the
text as stored (trimmed, one line per line, within the length), the per-user limit and duplicates."""

from __future__ import annotations

from collections.abc import Sequence

from workflows.errors import RuleViolation

MAX_OPINION_LENGTH = 200
DEFAULT_MAX_PER_USER = 30
# Offered by one click (添加常用意见示例) to a user who has none; never created unasked.
EXAMPLES: tuple[str, ...] = ("同意。", "同意上报。", "请补充材料。", "材料不全，退回修改。")


def normalise(text: str) -> str:
    """The opinion as stored: each line trimmed, blank lines at either end dropped, Windows line ends as \\n."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def check_new(text: str, existing: Sequence[str], limit: int) -> str:
    """The text to store for a new saved opinion, or the refusal (422, field `text`): empty, longer than
    MAX_OPINION_LENGTH characters, already saved (same text after normalising), or the user's limit reached."""
    value = normalise(text)
    if not value:
        raise RuleViolation("opinion_blank", "常用意见不能为空", "text")
    if len(value) > MAX_OPINION_LENGTH:
        raise RuleViolation(
            "opinion_too_long",
            f"常用意见不能超过{MAX_OPINION_LENGTH}个字",
            "text",
            detail={"max_length": MAX_OPINION_LENGTH, "length": len(value)},
        )
    if value in existing:
        raise RuleViolation("opinion_duplicate", "该常用意见已保存", "text")
    if len(existing) >= limit:
        raise RuleViolation(
            "opinion_limit", f"常用意见最多保存{limit}条，请先删除不用的", "text", detail={"limit": limit}
        )
    return value


def examples_to_add(existing: Sequence[str], limit: int) -> list[str]:
    """The examples not yet saved, as many as the limit leaves room for (in their order)."""
    room = max(limit - len(existing), 0)
    return [e for e in EXAMPLES if e not in existing][:room]
