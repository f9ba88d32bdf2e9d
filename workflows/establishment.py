"""Establishing a party organisation: preparation → approval → founding.

Only FORMAL members count for every threshold; probationary members never do. All numbers are settings
(`EstablishmentSettings`), the defaults being this campaign's rules from domain.md.

Rule functions raise `RuleViolation` (422) or `Conflict` (409) with a stable `code` and a Chinese message;
they return None when the request is acceptable. The service calls them BEFORE firing a transition, so the
user gets the specific refusing rule and the input field it is about.

State machine `ESTABLISHMENT` (one shared machine, see workflows.machine):

    preparing --submit--> submitted --approve--> approved --found--> founded
    returned  --submit--> submitted --reject--> rejected
                          submitted --return_for_changes--> returned
    preparing|submitted|returned --withdraw--> withdrawn      (only before a decision)
    preparing|returned|approved  --cancel--> cancelled

The multi-level approval of a primary committee (superior review, then county approval: `approval_chain`)
happens inside `submitted` through the approval engine (workflows.approval); the service fires `approve`
only when the last level approves, `reject` / `return_for_changes` when any level does.

Design call: `found` is the one guarded transition. It requires `founding=Founding(...)` (the general meeting
result, the formal member total and the settings) and re-runs `check_founding` inside the machine, so a case
can never reach `founded` without a valid meeting: more than 4/5 present, every elected person with more than
half of the votes of those present, the secretary among them, and a committee only when the rules ask for
one. Other transitions stay unguarded: their preconditions (unit checks, approval documents) live in the
service and rule functions and would need database look-ups the pure machine cannot do.

    ESTABLISHMENT.fire(case, "found", founding=Founding(meeting, formal_total=8, settings=settings))
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import partial
from types import MappingProxyType
from typing import Any, Self

from workflows.deadlines import EscalationLadder, Rung
from workflows.errors import Conflict, RuleViolation, member_or_refuse
from workflows.inputs import Input, Patch
from workflows.machine import StateDef, TransitionDef, WorkflowDefinition
from workflows.workdays import Deadline, WorkdayCalendar


class OrgForm(StrEnum):
    BRANCH = "branch"
    JOINT_BRANCH = "joint_branch"
    GENERAL_BRANCH = "general_branch"
    PRIMARY_COMMITTEE = "primary_committee"
    FUNCTIONAL_ORG = "functional_org"


FORMS: tuple[OrgForm, ...] = tuple(OrgForm)

FORM_LABELS_ZH: Mapping[OrgForm, str] = MappingProxyType(
    {
        OrgForm.BRANCH: "党支部",
        OrgForm.JOINT_BRANCH: "联合党支部",
        OrgForm.GENERAL_BRANCH: "党总支",
        OrgForm.PRIMARY_COMMITTEE: "基层党委",
        OrgForm.FUNCTIONAL_ORG: "功能型党组织",
    }
)


SUBJECT_UNITS_NAMED = 3  # a request's subject names this many units, then "等N家单位"


def request_subject(unit_names: Sequence[str], form: OrgForm | str) -> str:
    """What a request is about, in words, for notifications and lists: the unit(s) and the form asked for,
    e.g. "青山精密机械有限公司 建立党支部申请"."""
    named = "、".join(unit_names[:SUBJECT_UNITS_NAMED])
    if len(unit_names) > SUBJECT_UNITS_NAMED:
        named += f"等{len(unit_names)}家单位"
    return f"{named} 建立{FORM_LABELS_ZH[_form(form)]}申请"


# The organisation's full name after its form (中共 + unit + this), as a 请示 and a 批复 name it; a branch
# without a committee elects only a secretary, so it is a 支部, not a 支部委员会.
_FULL_NAME_SUFFIX: Mapping[OrgForm, tuple[str, str]] = MappingProxyType(
    {  # (with a committee, without)
        OrgForm.BRANCH: ("支部委员会", "支部"),
        OrgForm.JOINT_BRANCH: ("联合支部委员会", "联合支部"),
        OrgForm.GENERAL_BRANCH: ("总支部委员会", "总支部委员会"),
        OrgForm.PRIMARY_COMMITTEE: ("委员会", "委员会"),
        OrgForm.FUNCTIONAL_ORG: ("功能型党支部委员会", "功能型党支部"),
    }
)


def organisation_full_name(unit_names: Sequence[str], form: OrgForm | str, committee_size: int | None) -> str:
    """The organisation asked for, named as official documents write it: 中共 + the unit(s) + the form's full
    name, e.g. 中共青山精密机械有限公司支部委员会; a joint branch names every unit (中共甲公司、乙协会联合支部)."""
    with_committee, without = _FULL_NAME_SUFFIX[_form(form)]
    return f"中共{'、'.join(unit_names)}{with_committee if committee_size else without}"


def request_title(unit_names: Sequence[str], form: OrgForm | str, committee_size: int | None) -> str:
    """The 请示's title, e.g. 关于成立中共青山精密机械有限公司支部委员会的请示 (the 批复 cites it by this title)."""
    return f"关于成立{organisation_full_name(unit_names, form, committee_size)}的请示"


# Characters that are not text (control characters but the line breaks), dropped from a request's text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def request_paragraphs(text: str | None) -> list[str]:
    """A request's text as the document's paragraphs: one per line the user wrote, their own indentation
    (spaces, full-width spaces) and blank lines dropped, since the document indents each paragraph by two
    characters itself; control characters removed."""
    lines = _CONTROL.sub("", text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [line.strip(" \t\u3000") for line in lines if line.strip(" \t\u3000")]


def _default_term_years() -> Mapping[str, int]:
    return {
        OrgForm.BRANCH: 3,
        OrgForm.JOINT_BRANCH: 3,
        OrgForm.GENERAL_BRANCH: 3,
        OrgForm.FUNCTIONAL_ORG: 3,
        OrgForm.PRIMARY_COMMITTEE: 5,
    }


def _default_approval_chain() -> Mapping[str, tuple[str, ...]]:
    # This campaign: superior review, then county approval for primary committees; superior body otherwise.
    return {
        OrgForm.BRANCH: ("superior_approval",),
        OrgForm.JOINT_BRANCH: ("superior_approval",),
        OrgForm.GENERAL_BRANCH: ("superior_approval",),
        OrgForm.FUNCTIONAL_ORG: ("superior_approval",),
        OrgForm.PRIMARY_COMMITTEE: ("superior_review", "county_approval"),
    }


@dataclass(frozen=True)
class EstablishmentSettings:
    """Thresholds of the establishment rules; invalid combinations raise ValueError (configuration error)."""

    max_joint_units: int = 3
    branch_min_formal: int = 3
    branch_soft_max: int = 50
    primary_committee_min_formal: int = 100
    functional_min_mobile: int = 4
    committee_min_formal: int = 7
    committee_size_min: int = 3
    committee_size_max: int = 5
    committee_size_hard_max: int = 7
    term_years: Mapping[str, int] = field(default_factory=_default_term_years)
    approval_due_working_days: int = 22
    approval_chain: Mapping[str, tuple[str, ...]] = field(default_factory=_default_approval_chain)

    def __post_init__(self) -> None:
        # Freeze the mappings too, with plain string keys, so settings cannot drift after validation.
        term_years = MappingProxyType({str(k): v for k, v in self.term_years.items()})
        chain = MappingProxyType({str(k): tuple(v) for k, v in self.approval_chain.items()})
        object.__setattr__(self, "term_years", term_years)
        object.__setattr__(self, "approval_chain", chain)
        self._validate()

    def _validate(self) -> None:
        checks: list[tuple[bool, str]] = [
            (self.max_joint_units >= 2, "max_joint_units must be >= 2"),
            (self.branch_min_formal >= 1, "branch_min_formal must be >= 1"),
            (self.branch_soft_max >= self.branch_min_formal, "branch_soft_max must be >= branch_min_formal"),
            (
                self.primary_committee_min_formal > self.branch_soft_max,
                "primary_committee_min_formal must be > branch_soft_max",
            ),
            (self.functional_min_mobile >= 1, "functional_min_mobile must be >= 1"),
            (self.committee_size_min >= 1, "committee_size_min must be >= 1"),
            (
                self.committee_size_min <= self.committee_size_max,
                "committee_size_min must be <= committee_size_max",
            ),
            (
                self.committee_size_max <= self.committee_size_hard_max,
                "committee_size_max must be <= committee_size_hard_max",
            ),
            (
                self.committee_min_formal >= self.committee_size_min,
                "committee_min_formal must be >= committee_size_min",
            ),
            (self.approval_due_working_days >= 1, "approval_due_working_days must be >= 1"),
            (set(self.term_years) == set(FORMS), "term_years needs exactly one entry per form"),
            (all(v >= 1 for v in self.term_years.values()), "term_years must be >= 1"),
            (set(self.approval_chain) == set(FORMS), "approval_chain needs exactly one entry per form"),
        ]
        for form, steps in self.approval_chain.items():
            checks.append((len(steps) >= 1, f"approval_chain[{form}] is empty"))
            checks.append((len(set(steps)) == len(steps), f"approval_chain[{form}] repeats a step"))
            checks.append((all(isinstance(s, str) and s for s in steps), f"approval_chain[{form}] has a blank step"))
        errors = [msg for ok, msg in checks if not ok]
        if errors:
            raise ValueError("invalid EstablishmentSettings: " + "; ".join(errors))

    @property
    def general_branch_min_formal(self) -> int:
        # "More than 50": the first number above the branch's soft maximum.
        return self.branch_soft_max + 1


DEFAULT_SETTINGS = EstablishmentSettings()


def _form(form: OrgForm | str) -> OrgForm:
    return member_or_refuse(OrgForm, form, "form", "组织形式")


@dataclass(frozen=True)
class UnitFacts:
    """What the rules need to know about one unit (read from the ledger by the service)."""

    unit_id: int | str
    name: str
    formal_members: int
    county_id: int | str
    probationary_members: int = 0
    mobile_members: int = 0
    deregistered: bool = False
    has_party_org: bool = False
    has_open_case: bool = False

    def __post_init__(self) -> None:
        for attr in ("formal_members", "probationary_members", "mobile_members"):
            value = getattr(self, attr)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise RuleViolation("invalid_member_count", f"单位「{self.name}」的党员人数无效", field=attr)


@dataclass(frozen=True)
class FormOption:
    form: OrgForm
    allowed: bool
    required: bool
    reason_zh: str
    code: str | None = None  # the refusing rule when not allowed
    needs_reason: bool = False  # allowed only with a stated reason (a branch above the soft maximum)
    # The numbers behind a refusal, from the settings in force (RuleViolation.detail), e.g.
    # {"threshold": 100, "formal_members": 80}: `threshold` is always the least count that passes.
    detail: Mapping[str, int] | None = None

    @property
    def label_zh(self) -> str:
        return FORM_LABELS_ZH[self.form]


def _refused(form: OrgForm, code: str, reason_zh: str, **detail: int) -> FormOption:
    return FormOption(form=form, allowed=False, required=False, reason_zh=reason_zh, code=code, detail=detail or None)


def _single_unit_only(form: OrgForm) -> FormOption:
    return _refused(
        form,
        "form_needs_single_unit",
        f"{FORM_LABELS_ZH[form]}须由单个单位成立，多个单位请申请联合党支部",
    )


def _assess_branch(units: Sequence[UnitFacts], s: EstablishmentSettings) -> FormOption:
    form = OrgForm.BRANCH
    if len(units) != 1:
        return _single_unit_only(form)
    formal = units[0].formal_members
    if formal < s.branch_min_formal:
        return _refused(
            form,
            "branch_needs_more_formal",
            f"正式党员{formal}名，不足{s.branch_min_formal}名，不能单独成立党支部，可与其他单位联合成立联合党支部",
            threshold=s.branch_min_formal,
            formal_members=formal,
        )
    if formal > s.branch_soft_max:
        return FormOption(
            form=form,
            allowed=True,
            required=True,
            reason_zh=f"正式党员{formal}名，超过{s.branch_soft_max}名，可成立党总支；保留党支部须说明理由",
            needs_reason=True,
        )
    return FormOption(
        form=form,
        allowed=True,
        required=True,
        reason_zh=f"正式党员{formal}名，达到{s.branch_min_formal}名以上，应当成立党支部",
    )


def _assess_joint(units: Sequence[UnitFacts], s: EstablishmentSettings) -> FormOption:
    form = OrgForm.JOINT_BRANCH
    if len(units) > s.max_joint_units:
        return _refused(
            form,
            "joint_too_many_units",
            f"联合党支部最多由{s.max_joint_units}个单位组成",
            max_units=s.max_joint_units,
            units=len(units),
        )
    for unit in units:
        if unit.formal_members >= s.branch_min_formal:
            return _refused(
                form,
                "joint_unit_can_stand_alone",
                f"单位「{unit.name}」有正式党员{unit.formal_members}名，应单独成立党支部",
            )
    if len(units) < 2:
        return _refused(
            form,
            "joint_too_few_units",
            f"联合党支部至少由2个单位组成，正式党员不足{s.branch_min_formal}名的单位须与其他单位联合组建",
        )
    if len({u.county_id for u in units}) > 1:
        return _refused(form, "joint_cross_county", "联合党支部的各单位须属于同一县（市、区）")
    total = sum(u.formal_members for u in units)
    if total < s.branch_min_formal:
        return _refused(
            form,
            "joint_needs_more_formal_total",
            f"各单位正式党员合计{total}名，不足{s.branch_min_formal}名，不能成立联合党支部",
            threshold=s.branch_min_formal,
            formal_members=total,
        )
    return FormOption(
        form=form,
        allowed=True,
        required=False,
        reason_zh=f"{len(units)}个单位正式党员合计{total}名，可以成立联合党支部",
    )


@dataclass(frozen=True)
class CountRule:
    """A form allowed from one count of members: which count (`measure`, summed over the units), its minimum
    (a setting), the refusing code and the two sentences ({n}: the count; {min}: the minimum; {above}: the
    number the count must exceed, as the rules word it)."""

    measure: str
    minimum: Callable[[EstablishmentSettings], int]
    above: Callable[[EstablishmentSettings], int]
    code: str
    refused: str
    allowed: str
    single_unit: bool = True


COUNT_RULES: Mapping[OrgForm, CountRule] = MappingProxyType(
    {
        OrgForm.GENERAL_BRANCH: CountRule(
            "formal_members",
            lambda s: s.general_branch_min_formal,
            lambda s: s.branch_soft_max,
            "general_branch_needs_more_formal",
            "正式党员{n}名，须超过{above}名才能成立党总支",
            "正式党员{n}名，超过{above}名，可以成立党总支",
        ),
        OrgForm.PRIMARY_COMMITTEE: CountRule(
            "formal_members",
            lambda s: s.primary_committee_min_formal,
            lambda s: s.primary_committee_min_formal,
            "primary_committee_needs_more_formal",
            "正式党员{n}名，须达到{min}名才能成立基层党委",
            "正式党员{n}名，达到{min}名以上，可以成立基层党委",
        ),
        OrgForm.FUNCTIONAL_ORG: CountRule(
            "mobile_members",
            lambda s: s.functional_min_mobile,
            lambda s: s.functional_min_mobile - 1,
            "functional_needs_more_mobile",
            "流动党员{n}名，须超过{above}名才能成立功能型党组织",
            "流动党员{n}名，超过{above}名，鼓励成立功能型党组织",
            single_unit=False,
        ),
    }
)


def _assess_count(form: OrgForm, units: Sequence[UnitFacts], s: EstablishmentSettings) -> FormOption:
    rule = COUNT_RULES[form]
    if rule.single_unit and len(units) != 1:
        return _single_unit_only(form)
    n = sum(getattr(u, rule.measure) for u in units)
    words = {"n": n, "min": rule.minimum(s), "above": rule.above(s)}
    if n < rule.minimum(s):
        return _refused(form, rule.code, rule.refused.format(**words), threshold=rule.minimum(s), **{rule.measure: n})
    return FormOption(form=form, allowed=True, required=False, reason_zh=rule.allowed.format(**words))


# The two forms with rules of their own, then the count rules: one assessor per form.
_ASSESSORS: Mapping[OrgForm, Callable[[Sequence[UnitFacts], EstablishmentSettings], FormOption]] = MappingProxyType(
    {
        OrgForm.BRANCH: _assess_branch,
        OrgForm.JOINT_BRANCH: _assess_joint,
        **{form: partial(_assess_count, form) for form in COUNT_RULES},
    }
)


def _require_units(units: Sequence[UnitFacts]) -> None:
    if not units:
        raise RuleViolation("no_units", "请至少选择一个单位", field="unit_ids")


def assess_form(
    units: Sequence[UnitFacts], form: OrgForm | str, settings: EstablishmentSettings = DEFAULT_SETTINGS
) -> FormOption:
    """The verdict of the member-count rules on one form (unit status is not considered)."""
    _require_units(units)
    return _ASSESSORS[_form(form)](units, settings)


def assess_forms(units: Sequence[UnitFacts], settings: EstablishmentSettings = DEFAULT_SETTINGS) -> list[FormOption]:
    """Which of the five forms the member counts allow, in the order of `FORMS`.

    Only member numbers are assessed; unit status (deregistered, existing organisation, open case) is
    `check_request`'s job. `allowed` agrees with `check_request` for the same units and form.
    """
    _require_units(units)
    return [_ASSESSORS[form](units, settings) for form in FORMS]


def check_request(
    units: Sequence[UnitFacts],
    form: OrgForm | str,
    settings: EstablishmentSettings = DEFAULT_SETTINGS,
    *,
    branch_oversize_reason: str | None = None,
) -> None:
    """Raise the first rule that refuses establishing `form` for `units`; return None when acceptable."""
    org_form = _form(form)
    _require_units(units)
    duplicates = sorted(str(uid) for uid, n in Counter(u.unit_id for u in units).items() if n > 1)
    if duplicates:
        raise RuleViolation("duplicate_units", f"单位重复：{'、'.join(duplicates)}", field="unit_ids")
    for unit in units:
        if unit.deregistered:
            raise RuleViolation("unit_deregistered", f"单位「{unit.name}」已注销，不能成立党组织", field="unit_ids")
        if unit.has_party_org:
            raise Conflict("unit_has_party_org", f"单位「{unit.name}」已建立党组织", field="unit_ids")
        if unit.has_open_case:
            raise Conflict("unit_has_open_case", f"单位「{unit.name}」已有正在办理的组建申请", field="unit_ids")
    option = _ASSESSORS[org_form](units, settings)
    if not option.allowed:
        assert option.code is not None  # every refusal names its rule
        raise RuleViolation(option.code, option.reason_zh, field="form", detail=option.detail)
    if option.needs_reason and not (branch_oversize_reason and branch_oversize_reason.strip()):
        raise RuleViolation(
            "branch_oversize_needs_reason",
            f"正式党员超过{settings.branch_soft_max}名仍成立党支部，须说明理由",
            field="branch_oversize_reason",
            # A branch above its soft maximum: the reason is needed from soft maximum + 1 members on.
            detail={"soft_max": settings.branch_soft_max, "formal_members": units[0].formal_members},
        )


def approval_chain(form: OrgForm | str, settings: EstablishmentSettings = DEFAULT_SETTINGS) -> tuple[str, ...]:
    """Approval levels in order, e.g. ("superior_review", "county_approval") for a primary committee."""
    return settings.approval_chain[_form(form)]


def term_years_for(form: OrgForm | str, settings: EstablishmentSettings = DEFAULT_SETTINGS) -> int:
    return settings.term_years[_form(form)]


# -- founding ------------------------------------------------------------------------------------------------


def committee_rule(formal_total: int, settings: EstablishmentSettings = DEFAULT_SETTINGS) -> tuple[bool, int, int]:
    """(committee required, min size, max size); (False, 0, 0) means a secretary only."""
    if formal_total >= settings.committee_min_formal:
        return True, settings.committee_size_min, settings.committee_size_max
    return False, 0, 0


def check_committee(
    formal_total: int,
    committee_size: int | None,
    settings: EstablishmentSettings = DEFAULT_SETTINGS,
    *,
    oversize_reason: str | None = None,
) -> None:
    """Committee size rule: with >= 7 formal members a committee of 3..5 (up to 7 with a stated reason),
    otherwise a secretary only (committee_size 0 or None)."""
    if formal_total < 0:
        raise RuleViolation("invalid_member_count", "正式党员人数无效", field="formal_members")
    if committee_size is not None and committee_size < 0:
        raise RuleViolation("invalid_committee_size", "委员人数无效", field="committee_size")
    required, low, high = committee_rule(formal_total, settings)
    if not required:
        if committee_size:
            raise RuleViolation(
                "committee_not_allowed",
                f"正式党员{formal_total}名，不足{settings.committee_min_formal}名，不设委员会，只设书记",
                field="committee_size",
            )
        return
    window = f"正式党员{formal_total}名，应设委员会，委员{low}至{high}人"
    if not committee_size:
        raise RuleViolation("committee_required", window, field="committee_size")
    if committee_size < low:
        raise RuleViolation("committee_too_small", f"{window}，现为{committee_size}人", field="committee_size")
    if committee_size > settings.committee_size_hard_max:
        raise RuleViolation(
            "committee_too_large",
            f"委员会不得超过{settings.committee_size_hard_max}人，现为{committee_size}人",
            field="committee_size",
        )
    if committee_size > formal_total:
        raise RuleViolation(
            "committee_exceeds_members",
            f"委员人数{committee_size}超过正式党员人数{formal_total}",
            field="committee_size",
        )
    if committee_size > high and not (oversize_reason and oversize_reason.strip()):
        raise RuleViolation(
            "committee_oversize_needs_reason",
            f"委员会一般为{low}至{high}人，设{committee_size}人须说明理由",
            field="oversize_reason",
        )


def check_general_meeting(entitled: int, present: int) -> None:
    """A general meeting may elect only when MORE than 4/5 of those entitled attend (exactly 4/5 fails)."""
    if entitled < 1:
        raise RuleViolation("meeting_no_entitled_members", "应到会党员人数须至少为1", field="entitled")
    if present < 0:
        raise RuleViolation("meeting_invalid_present", "实到会人数无效", field="present")
    if present > entitled:
        raise RuleViolation(
            "meeting_present_exceeds_entitled", f"实到{present}人，超过应到{entitled}人", field="present"
        )
    # Integer comparison: present/entitled > 4/5 without floating point.
    if present * 5 <= entitled * 4:
        raise RuleViolation(
            "meeting_quorum_not_met",
            f"应到{entitled}人，实到{present}人，未超过应到会人数的五分之四，选举无效",
            field="present",
        )


def check_elected(votes: int, present: int, *, candidate: str | None = None) -> None:
    """A candidate is elected only with MORE than half of the votes of those present (exactly half fails)."""
    who = f"「{candidate}」" if candidate else "候选人"
    if present < 1:
        raise RuleViolation("meeting_invalid_present", "实到会人数须至少为1", field="present")
    if votes < 0 or votes > present:
        raise RuleViolation("votes_exceed_present", f"{who}得票{votes}张，与实到{present}人不符", field="votes")
    if votes * 2 <= present:
        raise RuleViolation(
            "candidate_not_elected",
            f"{who}得票{votes}张，未超过实到会{present}人的半数，不能当选",
            field="votes",
        )


@dataclass(frozen=True)
class Candidate:
    name: str
    votes: int


@dataclass(frozen=True)
class GeneralMeeting:
    """Result of the founding general meeting (党员大会).

    `elected` lists everyone elected with their votes: the whole committee (secretary included) when a
    committee is set up, otherwise the secretary alone. `entitled` counts the members entitled to attend
    and vote (the caller applies party rules on who is excused).
    """

    held_on: date
    entitled: int
    present: int
    secretary: str
    elected: tuple[Candidate, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "elected", tuple(self.elected))


def check_founding(
    meeting: GeneralMeeting,
    formal_total: int,
    settings: EstablishmentSettings = DEFAULT_SETTINGS,
    *,
    oversize_reason: str | None = None,
) -> None:
    """Valid meeting, every elected person elected, secretary among them, committee size as the rules say."""
    check_general_meeting(meeting.entitled, meeting.present)
    names = [c.name for c in meeting.elected]
    if not meeting.secretary.strip():
        raise RuleViolation("secretary_required", "须选举产生书记", field="secretary")
    if len(set(names)) != len(names):
        raise RuleViolation("duplicate_candidates", "当选人员重复", field="elected")
    if meeting.secretary not in names:
        raise RuleViolation("secretary_not_elected", f"书记「{meeting.secretary}」不在当选人员中", field="secretary")
    for c in meeting.elected:
        check_elected(c.votes, meeting.present, candidate=c.name)
    # The secretary alone elected means "no committee"; anyone else elected means a committee was formed.
    size = len(names) if len(names) > 1 else None
    check_committee(formal_total, size, settings, oversize_reason=oversize_reason)


@dataclass(frozen=True)
class Founding:
    """What the `found` transition needs: the meeting and everything to re-check it."""

    meeting: GeneralMeeting
    formal_total: int
    settings: EstablishmentSettings = DEFAULT_SETTINGS
    oversize_reason: str | None = None

    def check(self) -> None:
        check_founding(self.meeting, self.formal_total, self.settings, oversize_reason=self.oversize_reason)


def term_due_on(term_start: date, term_years: int) -> date:
    """Re-election due date: same day `term_years` later; 29 February falls back to 28 February."""
    if term_years < 1:
        raise RuleViolation("invalid_term_years", "任期年限须至少为1年", field="term_years")
    year = term_start.year + term_years
    try:
        return term_start.replace(year=year)
    except ValueError:
        return term_start.replace(year=year, day=28)


# -- dates ---------------------------------------------------------------------------------------------------
# Each step rests on the one before it: the approval on the submitted request, the founding meeting on the
# approval. A date may not precede what it rests on, nor lie after `today` (the service clock's civil date in
# China): recording something that has not happened yet is a typing error, not a plan.


def _not_future(value: date, today: date, code: str, label: str, field_name: str) -> None:
    if value > today:
        raise RuleViolation(code, f"{label}{value.isoformat()}不能晚于今天{today.isoformat()}", field=field_name)


def check_decision_dates(
    *, submitted_on: date, today: date, meeting_on: date | None = None, approved_on: date | None = None
) -> None:
    """The approving reply's dates: the committee meeting and the approval document (批复) are dated between the
    day the request was submitted and today, and the document not before the meeting that decided it."""
    for value, what, name in ((meeting_on, "审批会议日期", "meeting_on"), (approved_on, "批复日期", "approved_on")):
        if value is None:
            continue
        _not_future(value, today, f"{name}_in_future", what, name)
        if value < submitted_on:
            raise RuleViolation(
                f"{name}_before_submission",
                f"{what}{value.isoformat()}不能早于请示提交日期{submitted_on.isoformat()}",
                field=name,
            )
    if meeting_on is not None and approved_on is not None and approved_on < meeting_on:
        raise RuleViolation(
            "approved_on_before_meeting",
            f"批复日期{approved_on.isoformat()}不能早于审批会议日期{meeting_on.isoformat()}",
            field="approved_on",
        )


def check_founding_dates(
    *,
    held_on: date,
    today: date,
    approved_on: date | None,
    approval_meeting_on: date | None = None,
    term_start: date | None = None,
) -> None:
    """The founding general meeting (its date is `founded_on`) comes on or after the approval it rests on (the
    approval document's date, else the approving meeting's) and not after today; the term starts with the
    election: not before the meeting, not after today."""
    _not_future(held_on, today, "meeting_in_future", "党员大会日期", "held_on")
    basis, what = (approved_on, "批复日期") if approved_on is not None else (approval_meeting_on, "审批会议日期")
    if basis is not None and held_on < basis:
        raise RuleViolation(
            "meeting_before_approval",
            f"党员大会日期{held_on.isoformat()}不能早于{what}{basis.isoformat()}：须先批复，后成立",
            field="held_on",
        )
    if term_start is not None:
        _not_future(term_start, today, "term_start_in_future", "任期开始日期", "term_start")
        if term_start < held_on:
            raise RuleViolation(
                "term_start_before_meeting",
                f"任期开始日期{term_start.isoformat()}不能早于选举产生班子的党员大会日期{held_on.isoformat()}",
                field="term_start",
            )


# -- state machine -------------------------------------------------------------------------------------------


def _founding_proved(model: Any, kwargs: Mapping[str, Any]) -> bool:
    founding = kwargs.get("founding")
    if not isinstance(founding, Founding):
        raise RuleViolation("founding_meeting_required", "成立党组织须提供党员大会选举结果", field="founding")
    founding.check()
    return True


class EstablishmentState(StrEnum):
    PREPARING = "preparing"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"
    FOUNDED = "founded"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    CANCELLED = "cancelled"


_S = EstablishmentState

# 建组案件 stuck in preparation (筹备): the limit sets the deadline, then 催办 and 预警.
PREPARATION_LADDER = EscalationLadder(
    "establishment",
    (Rung("reminder", 0, "notify"), Rung("warning", 5, "notify")),
    yellow_within_workdays=3,
    parameters={"preparation_limit_workdays": 30},
)


def preparation_deadline(started_on: date, limit_workdays: int, calendar: WorkdayCalendar) -> Deadline:
    """The last day preparation may last (the start day itself does not count)."""
    return calendar.add_workdays(started_on, limit_workdays)


ESTABLISHMENT = WorkflowDefinition(
    name="establishment",
    label_zh="建立党组织",
    webhook_events=("establishment.approved", "establishment.founded"),
    escalation=PREPARATION_LADDER,
    runs_approvals=True,
    states=[
        StateDef(_S.PREPARING, "筹备中"),
        StateDef(_S.SUBMITTED, "审批中"),
        StateDef(_S.RETURNED, "已退回"),
        StateDef(_S.APPROVED, "已批复"),
        StateDef(_S.FOUNDED, "已成立", terminal=True),
        StateDef(_S.REJECTED, "未批准", terminal=True),
        StateDef(_S.WITHDRAWN, "已撤回", terminal=True),
        StateDef(_S.CANCELLED, "已取消", terminal=True),
    ],
    transitions=[
        TransitionDef("submit", (_S.PREPARING, _S.RETURNED), _S.SUBMITTED, "提交请示"),
        TransitionDef("approve", (_S.SUBMITTED,), _S.APPROVED, "批复同意"),
        TransitionDef("reject", (_S.SUBMITTED,), _S.REJECTED, "不予批准"),
        TransitionDef("return_for_changes", (_S.SUBMITTED,), _S.RETURNED, "退回修改"),
        TransitionDef("withdraw", (_S.PREPARING, _S.SUBMITTED, _S.RETURNED), _S.WITHDRAWN, "撤回"),
        TransitionDef("found", (_S.APPROVED,), _S.FOUNDED, "召开党员大会成立", conditions=(_founding_proved,)),
        TransitionDef("cancel", (_S.PREPARING, _S.RETURNED, _S.APPROVED), _S.CANCELLED, "取消"),
    ],
    initial=_S.PREPARING,
)


# -- typed inputs of the commands (workflows.inputs) --------------------------------------------------


@dataclass(frozen=True)
class NewCase(Input):
    unit_ids: list[int]
    form: str
    proposed_name: str
    proposed_secretary: str | None = None
    proposed_committee_size: int | None = None
    branch_oversize_reason: str | None = None
    request_text: str | None = None
    roster: list[dict[str, Any]] | None = None


@dataclass(frozen=True)
class CaseChanges(Patch):
    unit_ids: list[int] | None = None
    form: str | None = None
    proposed_name: str | None = None
    proposed_secretary: str | None = None
    proposed_committee_size: int | None = None
    branch_oversize_reason: str | None = None
    request_text: str | None = None
    roster: list[dict[str, Any]] | None = None


@dataclass(frozen=True)
class Elected:
    name: str
    votes: int


@dataclass(frozen=True)
class FoundingMeeting(Input):
    """The founding general meeting (成立党员大会) as recorded."""

    held_on: date
    entitled: int
    present: int
    secretary: str
    elected: tuple[Elected, ...]
    term_start: date | None = None
    oversize_reason: str | None = None

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Self:
        elected = tuple(e if isinstance(e, Elected) else Elected(e["name"], e["votes"]) for e in data["elected"])
        return cls(**{**data, "elected": elected})
