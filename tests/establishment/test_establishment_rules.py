"""Establishment rules: forms by formal member count, joint branches, founding meeting, terms."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from workflows.errors import Conflict, RuleViolation
from workflows.establishment import (
    DEFAULT_SETTINGS,
    FORMS,
    Candidate,
    EstablishmentSettings,
    GeneralMeeting,
    OrgForm,
    UnitFacts,
    approval_chain,
    assess_form,
    assess_forms,
    check_committee,
    check_elected,
    check_founding,
    check_general_meeting,
    check_request,
    committee_rule,
    term_due_on,
    term_years_for,
)

B, J, G, P, F = (
    OrgForm.BRANCH,
    OrgForm.JOINT_BRANCH,
    OrgForm.GENERAL_BRANCH,
    OrgForm.PRIMARY_COMMITTEE,
    OrgForm.FUNCTIONAL_ORG,
)


def unit(uid: int, formal: int, *, county: int = 1, prob: int = 0, mobile: int = 0, **flags: bool) -> UnitFacts:
    return UnitFacts(
        unit_id=uid,
        name=f"单位{uid}",
        formal_members=formal,
        county_id=county,
        probationary_members=prob,
        mobile_members=mobile,
        **flags,
    )


def allowed_forms(units: list[UnitFacts], settings: EstablishmentSettings = DEFAULT_SETTINGS) -> set[OrgForm]:
    return {o.form for o in assess_forms(units, settings) if o.allowed}


def code_of(units: list[UnitFacts], form: OrgForm | str, **kwargs: Any) -> str | None:
    try:
        check_request(units, form, **kwargs)
    except RuleViolation as exc:
        return exc.code
    return None


# -- settings ----------------------------------------------------------------------------------------------


def test_default_settings() -> None:
    s = DEFAULT_SETTINGS
    assert (s.max_joint_units, s.branch_min_formal, s.branch_soft_max) == (3, 3, 50)
    assert (s.primary_committee_min_formal, s.functional_min_mobile, s.committee_min_formal) == (100, 4, 7)
    assert (s.committee_size_min, s.committee_size_max, s.committee_size_hard_max) == (3, 5, 7)
    assert s.general_branch_min_formal == 51
    assert s.approval_due_working_days == 22
    assert dict(s.term_years) == {
        "branch": 3,
        "joint_branch": 3,
        "general_branch": 3,
        "functional_org": 3,
        "primary_committee": 5,
    }


def test_settings_mappings_are_read_only() -> None:
    with pytest.raises(TypeError):
        DEFAULT_SETTINGS.term_years["branch"] = 9  # type: ignore[index]
    with pytest.raises(TypeError):
        DEFAULT_SETTINGS.approval_chain["branch"] = ()  # type: ignore[index]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"committee_size_max": 8},  # above the hard maximum 7
        {"committee_size_min": 6},  # above committee_size_max 5
        {"committee_size_min": 0},
        {"max_joint_units": 1},
        {"branch_min_formal": 0},
        {"branch_soft_max": 2},
        {"primary_committee_min_formal": 50},
        {"functional_min_mobile": 0},
        {"committee_min_formal": 2},
        {"approval_due_working_days": 0},
        {"term_years": {"branch": 3}},
        {"term_years": {f: 0 for f in FORMS}},
        {"approval_chain": {f: () for f in FORMS}},
        {"approval_chain": {f: ("a", "a") for f in FORMS}},
    ],
)
def test_invalid_settings_are_refused(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="invalid EstablishmentSettings"):
        EstablishmentSettings(**kwargs)


def test_national_rule_settings_are_accepted() -> None:
    s = EstablishmentSettings(max_joint_units=5, committee_size_max=7)
    assert s.max_joint_units == 5 and s.committee_size_max == 7


# -- single unit: forms by formal members -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("formal", "expected"),
    [
        (0, set()),
        (2, set()),
        (3, {B}),
        (50, {B}),
        (51, {B, G}),
        (99, {B, G}),
        (100, {B, G, P}),
    ],
)
def test_single_unit_allowed_forms(formal: int, expected: set[OrgForm]) -> None:
    assert allowed_forms([unit(1, formal)]) == expected
    # assess_forms answers for all five forms, in a fixed order.
    assert [o.form for o in assess_forms([unit(1, formal)])] == list(FORMS)


@pytest.mark.parametrize(
    ("formal", "required", "needs_reason"),
    [(2, False, False), (3, True, False), (50, True, False), (51, True, True), (100, True, True)],
)
def test_branch_required_and_reason_flags(formal: int, required: bool, needs_reason: bool) -> None:
    option = assess_form([unit(1, formal)], B)
    assert option.required is required
    assert option.needs_reason is needs_reason
    assert option.label_zh == "党支部"


@pytest.mark.parametrize(
    ("formal", "prob", "form", "code"),
    [
        (2, 5, B, "branch_needs_more_formal"),  # probationary members do not count
        (2, 1, B, "branch_needs_more_formal"),
        (3, 0, B, None),
        (50, 10, G, "general_branch_needs_more_formal"),
        (51, 0, G, None),
        (99, 1, P, "primary_committee_needs_more_formal"),
        (99, 50, P, "primary_committee_needs_more_formal"),
        (100, 0, P, None),
    ],
)
def test_probationary_members_never_count(formal: int, prob: int, form: OrgForm, code: str | None) -> None:
    assert code_of([unit(1, formal, prob=prob)], form, branch_oversize_reason="x") == code


@pytest.mark.parametrize(
    ("formal", "form", "code"),
    [
        (2, B, "branch_needs_more_formal"),
        (3, B, None),
        (50, B, None),
        (50, G, "general_branch_needs_more_formal"),
        (51, G, None),
        (99, P, "primary_committee_needs_more_formal"),
        (100, P, None),
        (2, J, "joint_too_few_units"),
        (0, J, "joint_too_few_units"),
        (3, J, "joint_unit_can_stand_alone"),
        (100, F, "functional_needs_more_mobile"),
    ],
)
def test_single_unit_request(formal: int, form: OrgForm, code: str | None) -> None:
    assert code_of([unit(1, formal)], form) == code


def test_refusal_message_is_specific_chinese() -> None:
    with pytest.raises(RuleViolation) as exc:
        check_request([unit(1, 2)], "branch")
    assert exc.value.field == "form"
    assert "不足3名，不能单独成立党支部" in exc.value.message


@pytest.mark.parametrize(("formal", "reason", "code"), [
    (50, None, None),
    (51, None, "branch_oversize_needs_reason"),
    (51, "   ", "branch_oversize_needs_reason"),
    (51, "生产经营集中在一处，便于统一管理", None),
    (120, None, "branch_oversize_needs_reason"),
])  # fmt: skip
def test_branch_above_50_needs_reason(formal: int, reason: str | None, code: str | None) -> None:
    assert code_of([unit(1, formal)], B, branch_oversize_reason=reason) == code


# -- codes name the rule, the numbers in force travel in the message and `detail` ---------------------------

# A changed setting for every threshold that used to be spelled into a code.
CHANGED = EstablishmentSettings(
    branch_min_formal=5, branch_soft_max=60, primary_committee_min_formal=80, functional_min_mobile=6
)


def refusal(units: list[UnitFacts], form: OrgForm, settings: EstablishmentSettings, **kwargs: Any) -> RuleViolation:
    with pytest.raises(RuleViolation) as exc:
        check_request(units, form, settings, **kwargs)
    return exc.value


@pytest.mark.parametrize(
    ("units", "form", "code", "detail", "text"),
    [
        ([unit(1, 4)], B, "branch_needs_more_formal", {"threshold": 5, "formal_members": 4}, "不足5名"),
        (
            [unit(1, 2), unit(2, 2)],
            J,
            "joint_needs_more_formal_total",
            {"threshold": 5, "formal_members": 4},
            "合计4名，不足5名",
        ),
        ([unit(1, 60)], G, "general_branch_needs_more_formal", {"threshold": 61, "formal_members": 60}, "超过60名"),
        ([unit(1, 79)], P, "primary_committee_needs_more_formal", {"threshold": 80, "formal_members": 79}, "达到80名"),
        ([unit(1, 9, mobile=5)], F, "functional_needs_more_mobile", {"threshold": 6, "mobile_members": 5}, "超过5名"),
        ([unit(1, 61)], B, "branch_oversize_needs_reason", {"soft_max": 60, "formal_members": 61}, "超过60名"),
    ],
)
def test_refusals_carry_the_thresholds_in_force(
    units: list[UnitFacts], form: OrgForm, code: str, detail: dict[str, int], text: str
) -> None:
    exc = refusal(units, form, CHANGED)
    assert (exc.code, exc.detail) == (code, detail)
    assert text in exc.message


def test_changed_primary_committee_threshold_moves_the_edge() -> None:
    s = EstablishmentSettings(primary_committee_min_formal=80)
    exc = refusal([unit(1, 79)], P, s)
    assert exc.code == "primary_committee_needs_more_formal"
    assert exc.message == "正式党员79名，须达到80名才能成立基层党委"
    assert exc.detail == {"threshold": 80, "formal_members": 79}
    assert code_of([unit(1, 80)], P, settings=s) is None
    assert assess_form([unit(1, 79)], P, s).detail == {"threshold": 80, "formal_members": 79}


def test_too_many_joint_units_carries_the_maximum() -> None:
    exc = refusal([unit(i, 1) for i in range(1, 6)], J, EstablishmentSettings(max_joint_units=4))
    assert exc.code == "joint_too_many_units"
    assert exc.detail == {"max_units": 4, "units": 5}
    assert "最多由4个单位组成" in exc.message


def test_allowed_options_and_plain_rules_carry_no_detail() -> None:
    assert assess_form([unit(1, 10)], B).detail is None
    assert RuleViolation("x", "y").detail is None


# -- functional organisations --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mobiles", "allowed"),
    [([3], False), ([4], True), ([2, 2], True), ([1, 2], False), ([0, 0, 4], True)],
)
def test_functional_org_needs_more_than_3_mobile(mobiles: list[int], allowed: bool) -> None:
    units = [unit(i, 1, mobile=m) for i, m in enumerate(mobiles, start=1)]
    option = assess_form(units, F)
    assert option.allowed is allowed
    assert option.required is False
    assert code_of(units, F) == (None if allowed else "functional_needs_more_mobile")


def test_mobile_members_do_not_count_for_branch() -> None:
    assert code_of([unit(1, 2, mobile=10)], B) == "branch_needs_more_formal"
    assert allowed_forms([unit(1, 2, mobile=10)]) == {F}


# -- joint branches ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("formals", "max_units", "code"),
    [
        ([2], 3, "joint_too_few_units"),
        ([1, 2], 3, None),
        ([1, 1, 1], 3, None),
        ([1, 1, 1, 1], 3, "joint_too_many_units"),
        ([0, 0, 0, 0], 3, "joint_too_many_units"),
        ([1, 1, 1, 1], 5, None),
        ([1, 1, 1, 0, 0], 5, None),
        ([1, 1, 1, 1, 1, 1], 5, "joint_too_many_units"),
        ([1, 1], 3, "joint_needs_more_formal_total"),
        ([0, 2], 3, "joint_needs_more_formal_total"),
        ([0, 1, 2], 3, None),  # a unit without formal members may join
        ([0, 0, 2], 3, "joint_needs_more_formal_total"),
        ([3, 0], 3, "joint_unit_can_stand_alone"),
        ([2, 5], 3, "joint_unit_can_stand_alone"),
    ],
)
def test_joint_branch_unit_count_and_totals(formals: list[int], max_units: int, code: str | None) -> None:
    settings = EstablishmentSettings(max_joint_units=max_units)
    units = [unit(i, f) for i, f in enumerate(formals, start=1)]
    assert code_of(units, J, settings=settings) == code
    assert assess_form(units, J, settings).allowed is (code is None)


def test_joint_branch_with_probationary_only_total_refused() -> None:
    units = [unit(1, 1, prob=4), unit(2, 1, prob=4)]
    assert code_of(units, J) == "joint_needs_more_formal_total"


def test_joint_branch_cross_county_refused() -> None:
    units = [unit(1, 1, county=1), unit(2, 2, county=2)]
    with pytest.raises(RuleViolation) as exc:
        check_request(units, J)
    assert exc.value.code == "joint_cross_county"
    assert code_of([unit(1, 1, county=7), unit(2, 2, county=7)], J) is None


def test_unit_that_can_stand_alone_is_named() -> None:
    with pytest.raises(RuleViolation) as exc:
        check_request([unit(1, 1), unit(2, 4)], J)
    assert exc.value.code == "joint_unit_can_stand_alone"
    assert "单位2" in exc.value.message


@pytest.mark.parametrize("form", [B, G, P])
def test_several_units_only_joint(form: OrgForm) -> None:
    units = [unit(1, 60), unit(2, 60)]
    assert code_of(units, form) == "form_needs_single_unit"


def test_several_small_units_allow_joint_only() -> None:
    assert allowed_forms([unit(1, 1), unit(2, 2)]) == {J}


# -- assess_forms agrees with check_request -----------------------------------------------------------------

CASES = [
    [unit(1, 0)],
    [unit(1, 2, prob=5)],
    [unit(1, 3)],
    [unit(1, 50)],
    [unit(1, 51)],
    [unit(1, 100, mobile=4)],
    [unit(1, 1), unit(2, 2)],
    [unit(1, 1), unit(2, 1)],
    [unit(1, 1), unit(2, 1), unit(3, 1), unit(4, 1)],
    [unit(1, 1, county=1), unit(2, 2, county=2)],
    [unit(1, 3), unit(2, 0, mobile=5)],
]


@pytest.mark.parametrize("units", CASES)
@pytest.mark.parametrize("form", FORMS)
def test_assess_and_check_agree(units: list[UnitFacts], form: OrgForm) -> None:
    option = assess_form(units, form)
    code = code_of(units, form, branch_oversize_reason="理由")
    assert option.allowed is (code is None)
    assert option.code == code
    assert option.reason_zh


# -- unit status and request shape ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("flags", "code", "is_conflict"),
    [
        ({"deregistered": True}, "unit_deregistered", False),
        ({"has_party_org": True}, "unit_has_party_org", True),
        ({"has_open_case": True}, "unit_has_open_case", True),
    ],
)
def test_unit_status_refusals(flags: dict[str, bool], code: str, is_conflict: bool) -> None:
    units = [unit(1, 1), unit(2, 2, **flags)]
    with pytest.raises(RuleViolation) as exc:
        check_request(units, J)
    assert exc.value.code == code
    assert isinstance(exc.value, Conflict) is is_conflict
    assert "单位2" in exc.value.message


def test_no_units_and_duplicates() -> None:
    assert code_of([], B) == "no_units"
    assert code_of([unit(1, 1), unit(1, 2)], J) == "duplicate_units"
    with pytest.raises(RuleViolation) as exc:
        assess_forms([])
    assert exc.value.code == "no_units"


def test_unknown_form_is_refused() -> None:
    with pytest.raises(RuleViolation) as exc:
        check_request([unit(1, 5)], "party_group")
    assert (exc.value.code, exc.value.field) == ("unknown_form", "form")


def test_string_form_is_accepted() -> None:
    assert code_of([unit(1, 5)], "branch") is None


@pytest.mark.parametrize("attr", ["formal_members", "probationary_members", "mobile_members"])
def test_negative_member_counts_refused(attr: str) -> None:
    kwargs: dict[str, Any] = {"formal_members": 1, "probationary_members": 0, "mobile_members": 0, attr: -1}
    with pytest.raises(RuleViolation) as exc:
        UnitFacts(unit_id=1, name="甲", county_id=1, **kwargs)
    assert (exc.value.code, exc.value.field) == ("invalid_member_count", attr)


# -- approval chain and terms --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("form", "chain"),
    [
        (P, ("superior_review", "county_approval")),
        (B, ("superior_approval",)),
        (J, ("superior_approval",)),
        (G, ("superior_approval",)),
        (F, ("superior_approval",)),
    ],
)
def test_approval_chain(form: OrgForm, chain: tuple[str, ...]) -> None:
    assert approval_chain(form) == chain


def test_approval_chain_is_a_setting() -> None:
    chains = {f: ("superior_approval",) for f in FORMS}
    settings = EstablishmentSettings(approval_chain=chains)
    assert approval_chain("primary_committee", settings) == ("superior_approval",)


@pytest.mark.parametrize(("form", "years"), [(B, 3), (J, 3), (G, 3), (F, 3), (P, 5)])
def test_term_years(form: OrgForm, years: int) -> None:
    assert term_years_for(form) == years


@pytest.mark.parametrize(
    ("start", "years", "due"),
    [
        (date(2026, 3, 1), 3, date(2029, 3, 1)),
        (date(2026, 12, 31), 5, date(2031, 12, 31)),
        (date(2024, 2, 29), 3, date(2027, 2, 28)),
        (date(2024, 2, 29), 4, date(2028, 2, 29)),
        (date(2024, 2, 29), 5, date(2029, 2, 28)),
        (date(2023, 2, 28), 1, date(2024, 2, 28)),
    ],
)
def test_term_due_on(start: date, years: int, due: date) -> None:
    assert term_due_on(start, years) == due


def test_term_years_must_be_positive() -> None:
    with pytest.raises(RuleViolation) as exc:
        term_due_on(date(2026, 1, 1), 0)
    assert exc.value.code == "invalid_term_years"


# -- founding: committee, meeting, election ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("formal", "rule"),
    [(0, (False, 0, 0)), (6, (False, 0, 0)), (7, (True, 3, 5)), (100, (True, 3, 5))],
)
def test_committee_rule(formal: int, rule: tuple[bool, int, int]) -> None:
    assert committee_rule(formal) == rule


@pytest.mark.parametrize(
    ("formal", "size", "reason", "code"),
    [
        (6, None, None, None),
        (6, 0, None, None),
        (6, 2, None, "committee_not_allowed"),
        (6, 3, None, "committee_not_allowed"),
        (6, 5, None, "committee_not_allowed"),
        (6, 6, None, "committee_not_allowed"),
        (6, 7, None, "committee_not_allowed"),
        (6, 8, None, "committee_not_allowed"),
        (7, None, None, "committee_required"),
        (7, 0, None, "committee_required"),
        (7, 2, None, "committee_too_small"),
        (7, 3, None, None),
        (7, 5, None, None),
        (7, 6, None, "committee_oversize_needs_reason"),
        (7, 6, "党员分布在三个厂区", None),
        (7, 7, None, "committee_oversize_needs_reason"),
        (7, 7, "党员分布在三个厂区", None),
        (7, 8, None, "committee_too_large"),
        (7, 8, "理由", "committee_too_large"),
        (7, -1, None, "invalid_committee_size"),
    ],
)
def test_check_committee(formal: int, size: int | None, reason: str | None, code: str | None) -> None:
    try:
        check_committee(formal, size, oversize_reason=reason)
    except RuleViolation as exc:
        assert exc.code == code
    else:
        assert code is None


def test_committee_cannot_exceed_members_with_custom_settings() -> None:
    settings = EstablishmentSettings(committee_min_formal=3, committee_size_min=3, committee_size_max=5)
    with pytest.raises(RuleViolation) as exc:
        check_committee(4, 5, settings)
    assert exc.value.code == "committee_exceeds_members"


@pytest.mark.parametrize(
    ("entitled", "present", "code"),
    [
        (5, 4, "meeting_quorum_not_met"),  # exactly 4/5
        (5, 5, None),
        (10, 8, "meeting_quorum_not_met"),  # exactly 4/5
        (10, 9, None),
        (100, 80, "meeting_quorum_not_met"),
        (100, 81, None),
        (6, 4, "meeting_quorum_not_met"),
        (6, 5, None),  # 5/6 > 4/5
        (1, 1, None),
        (1, 0, "meeting_quorum_not_met"),
        (0, 0, "meeting_no_entitled_members"),
        (5, 6, "meeting_present_exceeds_entitled"),
        (5, -1, "meeting_invalid_present"),
    ],
)
def test_check_general_meeting(entitled: int, present: int, code: str | None) -> None:
    try:
        check_general_meeting(entitled, present)
    except RuleViolation as exc:
        assert exc.code == code
    else:
        assert code is None


@pytest.mark.parametrize(
    ("votes", "present", "code"),
    [
        (5, 10, "candidate_not_elected"),  # exactly half
        (6, 10, None),
        (4, 9, "candidate_not_elected"),
        (5, 9, None),
        (1, 1, None),
        (0, 1, "candidate_not_elected"),
        (11, 10, "votes_exceed_present"),
        (-1, 10, "votes_exceed_present"),
        (0, 0, "meeting_invalid_present"),
    ],
)
def test_check_elected(votes: int, present: int, code: str | None) -> None:
    try:
        check_elected(votes, present)
    except RuleViolation as exc:
        assert exc.code == code
    else:
        assert code is None


def _meeting(entitled: int, present: int, secretary: str, *elected: tuple[str, int]) -> GeneralMeeting:
    return GeneralMeeting(
        held_on=date(2026, 11, 20),
        entitled=entitled,
        present=present,
        secretary=secretary,
        elected=tuple(Candidate(n, v) for n, v in elected),
    )


@pytest.mark.parametrize(
    ("meeting", "formal", "code"),
    [
        (_meeting(8, 7, "甲", ("甲", 7), ("乙", 6), ("丙", 4)), 8, None),
        (_meeting(8, 7, "甲", ("甲", 7), ("乙", 6)), 8, "committee_too_small"),
        (_meeting(8, 7, "甲", ("甲", 7)), 8, "committee_required"),
        (_meeting(8, 6, "甲", ("甲", 6), ("乙", 6), ("丙", 6)), 8, "meeting_quorum_not_met"),
        (_meeting(8, 8, "甲", ("甲", 8), ("乙", 8), ("丙", 4)), 8, "candidate_not_elected"),
        (_meeting(8, 7, "丁", ("甲", 7), ("乙", 6), ("丙", 4)), 8, "secretary_not_elected"),
        (_meeting(8, 7, "甲", ("甲", 7), ("甲", 6), ("丙", 4)), 8, "duplicate_candidates"),
        (_meeting(8, 7, " ", ("甲", 7), ("乙", 6), ("丙", 4)), 8, "secretary_required"),
        (_meeting(6, 5, "甲", ("甲", 3)), 6, None),
        (_meeting(6, 5, "甲", ("甲", 2)), 6, "candidate_not_elected"),
        (_meeting(6, 5, "甲", ("甲", 5), ("乙", 5), ("丙", 5)), 6, "committee_not_allowed"),
    ],
)
def test_check_founding(meeting: GeneralMeeting, formal: int, code: str | None) -> None:
    try:
        check_founding(meeting, formal)
    except RuleViolation as exc:
        assert exc.code == code
    else:
        assert code is None
