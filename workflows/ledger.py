"""Ledger rules: which units are in scope (应建) and what a row must answer (五个清)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from workflows.errors import RuleViolation
from workflows.inputs import Input, Patch


class UnitKind(StrEnum):
    enterprise = "enterprise"
    social_org = "social_org"


class OperatingStatus(StrEnum):
    operating = "operating"
    suspended = "suspended"
    deregistered = "deregistered"


UNIT_KIND_LABELS = {UnitKind.enterprise: "非公企业", UnitKind.social_org: "社会组织"}
OPERATING_STATUS_LABELS = {
    OperatingStatus.operating: "正常经营",
    OperatingStatus.suspended: "停业歇业",
    OperatingStatus.deregistered: "已注销",
}


@dataclass(frozen=True)
class ScopeThresholds:
    enterprise_min_employees: int = 50
    social_org_min_staff: int = 30

    def minimum_for(self, kind: UnitKind | str) -> int:
        if UnitKind(kind) is UnitKind.enterprise:
            return self.enterprise_min_employees
        return self.social_org_min_staff


def is_in_scope(kind: UnitKind | str, employees: int, status: OperatingStatus | str, t: ScopeThresholds) -> bool:
    """Must-establish scope: big enough and not deregistered (a deregistered unit leaves the ledger's
    denominators but keeps its history)."""
    if OperatingStatus(status) is OperatingStatus.deregistered:
        return False
    return employees >= t.minimum_for(kind)


@dataclass(frozen=True)
class MemberCounts:
    employees: int
    formal_members: int
    probationary_members: int
    mobile_members: int
    party_members_total: int | None = None


def check_member_counts(c: MemberCounts) -> None:
    """Counts a ledger row may hold. Only formal members count for thresholds, so a reported total
    that folds probationary members into the formal count is refused rather than silently kept."""
    for name in ("employees", "formal_members", "probationary_members", "mobile_members"):
        if getattr(c, name) < 0:
            raise RuleViolation("negative_count", "人数不能为负数", name)
    if c.party_members_total is not None and c.party_members_total != c.formal_members + c.probationary_members:
        raise RuleViolation(
            "party_members_total_mismatch",
            "党员总数应等于正式党员数加预备党员数（预备党员不计入正式党员）",
            "party_members_total",
        )
    if c.formal_members + c.probationary_members > c.employees:
        raise RuleViolation("members_exceed_employees", "正式党员与预备党员之和不能超过从业人员数", "formal_members")
    if c.mobile_members > c.employees:
        raise RuleViolation("mobile_exceed_employees", "流动党员数不能超过从业人员数", "mobile_members")


@dataclass(frozen=True)
class NewUnit(Input):
    """A unit registered in the ledger (台账). `party_members_total` is only a cross-check of the counts."""

    credit_code: str
    name: str
    kind: str
    jurisdiction_id: int
    employees: int
    formal_members: int
    probationary_members: int = 0
    mobile_members: int = 0
    operating_status: str = OperatingStatus.operating.value
    industry: str | None = None
    address: str | None = None
    investor_or_head: str | None = None
    no_org_reason: str | None = None
    instructor_id: int | None = None
    party_members_total: int | None = None


@dataclass(frozen=True)
class UnitChanges(Patch):
    credit_code: str | None = None
    name: str | None = None
    kind: str | None = None
    jurisdiction_id: int | None = None
    employees: int | None = None
    formal_members: int | None = None
    probationary_members: int | None = None
    mobile_members: int | None = None
    operating_status: str | None = None
    industry: str | None = None
    address: str | None = None
    investor_or_head: str | None = None
    no_org_reason: str | None = None
    instructor_id: int | None = None
    party_members_total: int | None = None


FIVE_CLEARS = ("operations", "workforce", "party_members", "investor_or_head", "no_org_reason")


def missing_clears(
    *,
    operating_status: str | None,
    employees: int | None,
    formal_members: int | None,
    investor_or_head: str | None,
    has_party_org: bool,
    no_org_reason: str | None,
) -> list[str]:
    """Which of the five clears (五个清) a row does not answer yet."""
    missing = []
    if not operating_status:
        missing.append("operations")
    if employees is None:
        missing.append("workforce")
    if formal_members is None:
        missing.append("party_members")
    if not (investor_or_head or "").strip():
        missing.append("investor_or_head")
    if not has_party_org and not (no_org_reason or "").strip():
        missing.append("no_org_reason")
    return missing
