"""The establishment state machine (no database): every transition allowed or refused, the founding guard,
labels and the Mermaid text. The shared-machine wrapper it is built with: tests/engines/kit/test_machine.py."""

from __future__ import annotations

from datetime import date

import pytest

from workflows.errors import Conflict, RuleViolation
from workflows.establishment import (
    ESTABLISHMENT,
    Candidate,
    EstablishmentSettings,
    EstablishmentState,
    Founding,
    GeneralMeeting,
)


class Row:
    """Stands in for a SQLAlchemy row: only a `state` attribute."""

    def __init__(self, state: str) -> None:
        self.state = state


S = EstablishmentState
EVENTS = ["submit", "approve", "reject", "return_for_changes", "withdraw", "found", "cancel"]

# (state, event) -> destination; every pair not listed must be refused.
ALLOWED: dict[tuple[str, str], str] = {
    (S.PREPARING, "submit"): S.SUBMITTED,
    (S.RETURNED, "submit"): S.SUBMITTED,
    (S.SUBMITTED, "approve"): S.APPROVED,
    (S.SUBMITTED, "reject"): S.REJECTED,
    (S.SUBMITTED, "return_for_changes"): S.RETURNED,
    (S.PREPARING, "withdraw"): S.WITHDRAWN,
    (S.SUBMITTED, "withdraw"): S.WITHDRAWN,
    (S.RETURNED, "withdraw"): S.WITHDRAWN,
    (S.APPROVED, "found"): S.FOUNDED,
    (S.PREPARING, "cancel"): S.CANCELLED,
    (S.RETURNED, "cancel"): S.CANCELLED,
    (S.APPROVED, "cancel"): S.CANCELLED,
}


def valid_founding() -> Founding:
    meeting = GeneralMeeting(
        held_on=date(2026, 11, 20),
        entitled=8,
        present=7,
        secretary="张三",
        elected=(Candidate("张三", 7), Candidate("李四", 6), Candidate("王五", 4)),
    )
    return Founding(meeting=meeting, formal_total=8)


@pytest.mark.parametrize(("state", "event"), [(s, e) for s in S for e in EVENTS])
def test_every_transition_allowed_or_refused(state: str, event: str) -> None:
    row = Row(state)
    expected = ALLOWED.get((state, event))
    if expected is None:
        with pytest.raises(Conflict) as exc:
            ESTABLISHMENT.fire(row, event, founding=valid_founding())
        assert exc.value.code == "transition_not_allowed"
        assert row.state == state
    else:
        ESTABLISHMENT.fire(row, event, founding=valid_founding())
        assert row.state == expected


@pytest.mark.parametrize("state", list(S))
def test_allowed_events_match_table(state: str) -> None:
    expected = [e for e in EVENTS if (state, e) in ALLOWED]
    assert ESTABLISHMENT.allowed_events(state) == expected


def test_terminal_states_and_labels() -> None:
    d = ESTABLISHMENT.describe()
    terminal = {s["name"] for s in d["states"] if s["terminal"]}
    assert terminal == {"founded", "rejected", "withdrawn", "cancelled"}
    assert {s["name"]: s["label"] for s in d["states"]} == {
        "preparing": "筹备中",
        "submitted": "审批中",
        "returned": "已退回",
        "approved": "已批复",
        "founded": "已成立",
        "rejected": "未批准",
        "withdrawn": "已撤回",
        "cancelled": "已取消",
    }
    assert d["initial"] == "preparing"
    assert [t["event"] for t in d["transitions"] if t["guarded"]] == ["found"]


def test_found_without_meeting_is_refused() -> None:
    row = Row("approved")
    with pytest.raises(RuleViolation) as exc:
        ESTABLISHMENT.fire(row, "found")
    assert exc.value.code == "founding_meeting_required"
    assert row.state == "approved"


def test_found_with_meeting_at_exactly_four_fifths_is_refused() -> None:
    meeting = GeneralMeeting(date(2026, 11, 20), 5, 4, "张三", (Candidate("张三", 4),))
    row = Row("approved")
    with pytest.raises(RuleViolation) as exc:
        ESTABLISHMENT.fire(row, "found", founding=Founding(meeting, formal_total=5))
    assert exc.value.code == "meeting_quorum_not_met"
    assert row.state == "approved"


def test_found_checks_committee_rules_with_given_settings() -> None:
    # 8 formal members need a committee; a secretary alone is refused.
    meeting = GeneralMeeting(date(2026, 11, 20), 8, 8, "张三", (Candidate("张三", 8),))
    row = Row("approved")
    with pytest.raises(RuleViolation) as exc:
        ESTABLISHMENT.fire(row, "found", founding=Founding(meeting, formal_total=8))
    assert exc.value.code == "committee_required"
    assert row.state == "approved"
    # The same meeting passes when the settings raise the committee threshold above 8.
    relaxed = EstablishmentSettings(committee_min_formal=9)
    ESTABLISHMENT.fire(row, "found", founding=Founding(meeting, formal_total=8, settings=relaxed))
    assert row.state == "founded"


def test_row_holding_enum_member_is_looked_up_by_value() -> None:
    row = Row(EstablishmentState.PREPARING)
    ESTABLISHMENT.fire(row, "submit")
    assert row.state == "submitted"
    assert type(row.state) is str


def test_full_happy_path_with_return() -> None:
    row = Row(ESTABLISHMENT.initial)
    for event in ["submit", "return_for_changes", "submit", "approve"]:
        ESTABLISHMENT.fire(row, event)
    ESTABLISHMENT.fire(row, "found", founding=valid_founding())
    assert row.state == "founded"
    assert ESTABLISHMENT.allowed_events(row.state) == []


def test_establishment_mermaid() -> None:
    text = ESTABLISHMENT.mermaid()
    assert "approved --> founded: 召开党员大会成立" in text
    assert "submitted --> approved: 批复同意" in text
    for terminal in ("founded", "rejected", "withdrawn", "cancelled"):
        assert f"{terminal} --> [*]" in text
