"""Unified social credit code (统一社会信用代码), GB 32100-2015.

18 characters from a 31-character alphabet (no I, O, S, V, Z); the last one is a check character
computed with weights 3^i mod 31 over the first 17.
"""

from __future__ import annotations

from workflows.errors import RuleViolation

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
LENGTH = 18


def check_character(first17: str) -> str:
    """The check character for the first 17 characters (already validated against ALPHABET)."""
    total = sum(_VALUE[ch] * w for ch, w in zip(first17, _WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def normalise(code: str) -> str:
    return code.strip().upper()


def validate(code: str) -> str:
    """Return the normalised code or raise RuleViolation naming what is wrong."""
    value = normalise(code)
    if len(value) != LENGTH:
        raise RuleViolation("credit_code_length", "统一社会信用代码应为18位", "credit_code")
    bad = sorted({ch for ch in value if ch not in _VALUE})
    if bad:
        raise RuleViolation(
            "credit_code_characters",
            f"统一社会信用代码含有非法字符：{''.join(bad)}（不使用I、O、S、V、Z）",
            "credit_code",
        )
    if check_character(value[:17]) != value[17]:
        raise RuleViolation("credit_code_check", "统一社会信用代码校验位错误", "credit_code")
    return value


def make(first17: str) -> str:
    """Complete a 17-character body with its check character (demo data and tests)."""
    body = normalise(first17)
    if len(body) != 17 or any(ch not in _VALUE for ch in body):
        raise ValueError(f"not a 17-character credit code body: {first17!r}")
    return body + check_character(body)
