"""The four document kinds, their placeholders (docs/workflows/documents.md) and the Chinese date style."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

CHINA = ZoneInfo("Asia/Shanghai")


class DocumentKind(StrEnum):
    supervision_ticket = "supervision_ticket"
    interview_notice = "interview_notice"
    approval_reply = "approval_reply"
    circular = "circular"


# The fixed parts of every document (GB/T 9704 layout): issuing body, number, title, addressee, body, date.
COMMON_PLACEHOLDERS: dict[str, str] = {
    "issuer": "发文机关（签发单位名称）",
    "doc_no": "发文字号，如 东县督〔2026〕3号",
    "title": "标题",
    "addressee": "主送机关",
    "body": "正文（多段以换行分隔，每段成为一个段落）",
    "date": "成文日期，如 2026年11月30日",
}


@dataclass(frozen=True)
class KindSpec:
    kind: DocumentKind
    label: str  # Chinese name of the kind
    # Placeholders of this kind besides the common ones; `list.field` names fill one table row per item.
    placeholders: dict[str, str] = field(default_factory=dict)

    @property
    def all_placeholders(self) -> dict[str, str]:
        return {**COMMON_PLACEHOLDERS, **self.placeholders}

    @property
    def lists(self) -> set[str]:
        return {name.split(".", 1)[0] for name in self.placeholders if "." in name}


KINDS: dict[DocumentKind, KindSpec] = {
    spec.kind: spec
    for spec in (
        KindSpec(
            DocumentKind.supervision_ticket,
            "督办单",
            {
                "unit": "承办单位",
                "responsible_person": "责任人",
                "responsible_title": "责任人职务",
                "responsible": "责任人及职务，如 刘镇长（镇党委书记）；无职务时只有姓名",
                "priority": "督办等级（一般/紧急/特急）",
                "issued_on": "下发日期",
                "acknowledge_by": "签收期限",
                "rectification_deadline": "整改期限（现行）",
                "problems.no": "问题序号（表格行，每个问题一行）",
                "problems.description": "问题描述（表格行）",
                "problems.measure": "整改要求（表格行）",
            },
        ),
        KindSpec(
            DocumentKind.interview_notice,
            "约谈通知",
            {
                "interviewee": "被约谈人",
                "interviewee_body": "被约谈单位",
                "scheduled_at": "约谈时间，如 2026年9月28日 09:00",
                "place": "约谈地点",
                "reason": "约谈事由",
                "ticket_title": "相关督办单标题（如有）",
            },
        ),
        KindSpec(
            DocumentKind.approval_reply,
            "批复",
            {
                "organisation_name": "党组织名称",
                "form": "组织形式（党支部、联合党支部、党总支、党委……）",
                "units": "所涉单位（以顿号分隔）",
                "formal_members": "正式党员人数",
                "probationary_members": "预备党员人数",
                "secretary": "拟任书记",
                "committee_size": "委员会委员人数",
                "meeting_on": "审批会议日期",
                "approved_on": "批复日期",
            },
        ),
        KindSpec(
            DocumentKind.circular,
            "通报",
            {
                "period": "通报期间，如 2026年10月1日至2026年10月31日",
                "lagging": "进展滞后单位（以顿号分隔）",
                "rankings.rank": "名次（表格行，每个单位一行）",
                "rankings.name": "单位名称（表格行）",
                "rankings.org_coverage_rate": "组织覆盖率（表格行）",
                "rankings.work_coverage_rate": "工作覆盖率（表格行）",
                "rankings.progress": "期间进展（表格行）",
                "rankings.tickets_closed_on_time": "按期办结督办单（表格行）",
                "rankings.tickets_overdue": "逾期督办单（表格行）",
                "rankings.interviews_held": "约谈次数（表格行）",
            },
        ),
    )
}

KIND_LABELS = {kind: spec.label for kind, spec in KINDS.items()}


def chinese_date(d: date | None) -> str:
    """成文日期 in the style of GB/T 9704-2012: Arabic numerals, no leading zeros (2026年11月30日)."""
    return f"{d.year}年{d.month}月{d.day}日" if d is not None else ""


def chinese_datetime(moment: datetime | None) -> str:
    """A meeting time as written in notices: 2026年9月28日 09:00 (China time)."""
    if moment is None:
        return ""
    local = moment.astimezone(CHINA)
    return f"{chinese_date(local.date())} {local:%H:%M}"


def doc_no(prefix: str, year: int, serial: int) -> str:
    """发文字号: 机关代字 + 〔年份〕 + 序号 (no leading zeros, no 第), e.g. 东县督〔2026〕12号."""
    return f"{prefix}〔{year}〕{serial}号"


@dataclass(frozen=True)
class DocumentSettings:
    """DOCUMENT_SETTINGS (JSON). `abbreviations`: 发文机关代字 by jurisdiction code (default: the body's name);
    `issuers`: the body's signing name by jurisdiction code; `kind_codes`: the character after the
    abbreviation per kind (one sequence per body, kind and year);
    `pdf_converter`: the LibreOffice executable ("" finds soffice/libreoffice on PATH, "none" disables PDF);
    `pdf_timeout_seconds`: a conversion taking longer is killed (503)."""

    abbreviations: dict[str, str] = field(default_factory=dict)
    # The signing name by jurisdiction code (default: 中共X委员会组织部 above township level, see issuer_name).
    issuers: dict[str, str] = field(default_factory=dict)
    kind_codes: dict[str, str] = field(
        default_factory=lambda: {
            DocumentKind.supervision_ticket.value: "督",
            DocumentKind.interview_notice.value: "谈",
            DocumentKind.approval_reply.value: "复",
            DocumentKind.circular.value: "通",
        }
    )
    pdf_converter: str = ""
    pdf_timeout_seconds: int = 60
    # Conversions running at once per process (each LibreOffice takes ~100-200 MB).
    pdf_max_parallel: int = 2

    def __post_init__(self) -> None:
        unknown = sorted(set(self.kind_codes) - {k.value for k in DocumentKind})
        if unknown:
            raise ValueError(f"DOCUMENT_SETTINGS.kind_codes: unknown kinds {unknown}")
        if self.pdf_timeout_seconds < 1 or self.pdf_max_parallel < 1:
            raise ValueError("DOCUMENT_SETTINGS: pdf_timeout_seconds and pdf_max_parallel must be >= 1")

    def prefix(self, body_code: str, body_name: str, kind: str) -> str:
        return self.abbreviations.get(body_code, body_name) + self.kind_codes.get(kind, "")
