"""The ledger import template (.xlsx): the header row the importer reads (service/spreadsheets/ledger_columns.py,
the importable columns in the export's order, so a template and an exported ledger read alike), one example
row, and a 填写说明 sheet. The data sheet comes first: the importer reads the first sheet."""

from __future__ import annotations

import io
from collections.abc import Mapping
from functools import cache
from types import SimpleNamespace
from typing import Any

from service.spreadsheets.ledger_columns import COLUMNS, LedgerColumn
from workflows import credit_code
from workflows.ledger import OPERATING_STATUS_LABELS, UNIT_KIND_LABELS, OperatingStatus, UnitKind

# The rows a drop-down list covers below the header.
VALIDATED_ROWS = 5000

# Columns filled from a fixed list: a drop-down of the Chinese labels the importer accepts.
CHOICES: dict[str, Mapping[Any, str]] = {"kind": UNIT_KIND_LABELS, "operating_status": OPERATING_STATUS_LABELS}
IMPORT_COLUMNS: list[LedgerColumn] = [c for c in COLUMNS if c.field]
TEMPLATE_HEADERS = [c.header for c in IMPORT_COLUMNS]

# How each column is filled, by the unit field it fills.
NOTES: dict[str, str] = {
    "credit_code": (
        "18位统一社会信用代码（GB 32100-2015），最后一位为校验位；请以文本格式填写；代码已在台账中的单位按本表更新"
    ),
    "name": "单位全称",
    "kind": "填写：" + "、".join(UNIT_KIND_LABELS.values()),
    "jurisdiction_id": "所属乡镇（街道）或行业党委的管辖单位代码，须在本账号的管辖范围内",
    "industry": "所属行业，可空",
    "address": "单位地址，可空",
    "employees": "非负整数；非公企业50人以上、社会组织30人以上为应建范围",
    "formal_members": "非负整数，只计正式党员",
    "probationary_members": "非负整数，空白按0",
    "mobile_members": "非负整数，空白按0",
    "investor_or_head": "出资人或负责人姓名，可空",
    "operating_status": "填写：" + "、".join(OPERATING_STATUS_LABELS.values()) + "；空白按正常经营",
    "no_org_reason": "尚未建立党组织的原因（五个清之一），可空",
    "instructor_id": "党建指导员的登录账号（不是姓名），可空",
}


def example_row(jurisdiction_code: str) -> dict[str, Any]:
    """An example unit under the downloader's own jurisdiction code, valid as it stands (its credit code
    carries a correct check character): replace it with the real units before importing."""
    return {
        "credit_code": credit_code.make("91350100MA2Y00001"),
        "name": "示例科技有限公司",
        "kind": UNIT_KIND_LABELS[UnitKind.enterprise],
        "jurisdiction_id": jurisdiction_code,
        "industry": "信息技术",
        "address": "示例路1号",
        "employees": 60,
        "formal_members": 3,
        "probationary_members": 1,
        "mobile_members": 0,
        "investor_or_head": "张三",
        "operating_status": OPERATING_STATUS_LABELS[OperatingStatus.operating],
        "no_org_reason": "正在筹备建立党支部",
        "instructor_id": None,
    }


@cache
def styles() -> SimpleNamespace:
    """openpyxl is imported when a template is written, not when the app starts."""
    from openpyxl.styles import Alignment, Font, PatternFill

    return SimpleNamespace(
        header_font=Font(bold=True),
        required_fill=PatternFill("solid", fgColor="F8CBAD"),
        optional_fill=PatternFill("solid", fgColor="DDEBF7"),
        example_font=Font(color="808080", italic=True),
        wrap=Alignment(wrap_text=True, vertical="top"),
    )


def template_workbook(jurisdiction_code: str) -> io.BytesIO:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    look = styles()
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账导入"
    ws.append(TEMPLATE_HEADERS)
    example = example_row(jurisdiction_code)
    ws.append([example[c.field] for c in IMPORT_COLUMNS if c.field])
    for index, col in enumerate(IMPORT_COLUMNS, start=1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = col.column.width
        head = ws.cell(row=1, column=index)
        head.font = look.header_font
        head.fill = look.required_fill if col.required else look.optional_fill
        ws.cell(row=2, column=index).font = look.example_font
        if col.field == "credit_code":
            # Text, so Excel neither turns an all-digit code into a number nor drops its last digits.
            # A column style, not styled empty cells: the importer counts every row the sheet holds.
            ws.column_dimensions[letter].number_format = "@"
            ws.cell(row=2, column=index).number_format = "@"
        choices = CHOICES.get(col.field or "")
        if choices:
            check = DataValidation(type="list", formula1='"' + ",".join(choices.values()) + '"', allow_blank=True)
            check.error, check.errorTitle = "请从下拉列表中选择", "取值无效"
            ws.add_data_validation(check)
            check.add(f"{letter}2:{letter}{VALIDATED_ROWS + 1}")
    ws.freeze_panes = "A2"

    notes = wb.create_sheet("填写说明")
    notes.append(["列标题", "是否必填", "填写说明"])
    for cell in notes[1]:
        cell.font = look.header_font
    for col in IMPORT_COLUMNS:
        notes.append([col.header, "必填" if col.required else "选填", NOTES.get(col.field or "", "")])
    notes.append([])
    for line in (
        "1. 只导入第一个工作表（台账导入）；列标题须与模板一致，列的顺序可以调整，不认识的列会被忽略。",
        "2. 第2行是填写示例（灰色斜体），导入前请改为实际单位或删除该行。",
        "3. 统一社会信用代码已在台账中的单位按本表更新，其余新增；每行结果见导入后的错误报告。",
        "4. 单元格中不能使用公式；“全部成功才导入”模式下任何一行有误则整表不导入。",
    ):
        notes.append([line])
    notes.column_dimensions["A"].width = 20
    notes.column_dimensions["B"].width = 10
    notes.column_dimensions["C"].width = 80
    for row in notes.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = look.wrap
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    return out
