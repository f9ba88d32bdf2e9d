"""The ledger's columns in .xlsx: the export writes them, the import reads the importable ones back by their
Chinese headers (in any order). One list, so an exported file always imports."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from service.spreadsheets.writer import Column
from workflows.ledger import OPERATING_STATUS_LABELS, UNIT_KIND_LABELS, OperatingStatus, UnitKind

YES, NO = "是", "否"
CLEAR_LABELS = {
    "operations": "经营情况",
    "workforce": "从业人员",
    "party_members": "党员情况",
    "investor_or_head": "出资人或负责人",
    "no_org_reason": "未建党组织原因",
}
KIND_BY_LABEL = {label: kind.value for kind, label in UNIT_KIND_LABELS.items()}
STATUS_BY_LABEL = {label: status.value for status, label in OPERATING_STATUS_LABELS.items()}


@dataclass(frozen=True)
class LedgerColumn:
    column: Column
    # The unit API field the import fills from this column (None: shown in the export only).
    field: str | None = None
    # An import file must have this column (the fields a new unit cannot do without).
    required: bool = False

    @property
    def header(self) -> str:
        return self.column.header


def _kind_label(value: str) -> str:
    return UNIT_KIND_LABELS[UnitKind(value)]


def _status_label(value: str) -> str:
    return OPERATING_STATUS_LABELS[OperatingStatus(value)]


def _yes_no(value: bool) -> str:
    return YES if value else NO


def _clears(value: list[str]) -> str:
    return "、".join(CLEAR_LABELS.get(v, v) for v in value)


def _col(key: str, header: str, width: float, fmt: Any = None, **kw: Any) -> LedgerColumn:
    return LedgerColumn(Column(key, header, width, fmt), **kw)


COLUMNS: list[LedgerColumn] = [
    _col("credit_code", "统一社会信用代码", 22, field="credit_code", required=True),
    _col("name", "单位名称", 36, field="name", required=True),
    _col("kind", "单位类型", 11, _kind_label, field="kind", required=True),
    _col("jurisdiction_code", "所属管辖单位代码", 16, field="jurisdiction_id", required=True),
    _col("jurisdiction_name", "所属管辖单位", 18),
    _col("industry", "行业", 14, field="industry"),
    _col("address", "地址", 36, field="address"),
    _col("employees", "从业人员数", 11, field="employees", required=True),
    _col("formal_members", "正式党员数", 11, field="formal_members", required=True),
    _col("probationary_members", "预备党员数", 11, field="probationary_members"),
    _col("mobile_members", "流动党员数", 11, field="mobile_members"),
    _col("investor_or_head", "出资人或负责人", 16, field="investor_or_head"),
    _col("operating_status", "经营状态", 11, _status_label, field="operating_status"),
    _col("no_org_reason", "未建党组织原因", 30, field="no_org_reason"),
    _col("instructor_username", "党建指导员账号", 16, field="instructor_id"),
    _col("instructor_name", "党建指导员", 12),
    _col("party_org_name", "所在党组织", 26),
    _col("in_scope", "是否应建", 9, _yes_no),
    _col("missing_clears", "五个清缺项", 24, _clears),
    _col("deregistered_at", "注销日期", 12),
    _col("updated_at", "最近更新日期", 13),
]
EXPORT_COLUMNS = [c.column for c in COLUMNS]
BY_HEADER = {c.header: c for c in COLUMNS}
HEADER_OF_FIELD = {c.field: c.header for c in COLUMNS if c.field}
REQUIRED_HEADERS = [c.header for c in COLUMNS if c.required]
COUNT_FIELDS = ("employees", "formal_members", "probationary_members", "mobile_members")
# Text columns: blank means "none" (the API's null). Counts default to 0 where the API does.
TEXT_FIELDS = ("name", "industry", "address", "investor_or_head", "no_org_reason")
COUNT_DEFAULTS = {"probationary_members": 0, "mobile_members": 0}


class CellError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def as_text(value: Any) -> str:
    """A cell as text: numbers typed into text columns keep their digits (60, not 60.0)."""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def as_count(value: Any) -> int:
    if isinstance(value, bool):
        raise CellError("not_a_count", "应为非负整数")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    raise CellError("not_a_count", "应为非负整数")


def as_credit_code(value: Any) -> str:
    if isinstance(value, float):
        # Excel turned an all-digit code into a number and lost its last digits.
        raise CellError("credit_code_as_number", "统一社会信用代码须以文本格式填写（单元格被 Excel 当作数字）")
    return as_text(value).upper()


def as_kind(value: Any) -> str:
    text = as_text(value)
    kind = KIND_BY_LABEL.get(text, text)
    if kind not in {k.value for k in UnitKind}:
        raise CellError("invalid_kind", "单位类型应为：" + "、".join(KIND_BY_LABEL))
    return kind


def as_status(value: Any) -> str:
    text = as_text(value)
    status = STATUS_BY_LABEL.get(text, text)
    if status not in {s.value for s in OperatingStatus}:
        raise CellError("invalid_operating_status", "经营状态应为：" + "、".join(STATUS_BY_LABEL))
    return status
