from typing import Literal

ExtensionDecideDecision = Literal["approve", "reject"]

EXTENSION_DECIDE_DECISION_VALUES: set[ExtensionDecideDecision] = {
    "approve",
    "reject",
}


def check_extension_decide_decision(value: str) -> ExtensionDecideDecision:
    if value in EXTENSION_DECIDE_DECISION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EXTENSION_DECIDE_DECISION_VALUES!r}")
