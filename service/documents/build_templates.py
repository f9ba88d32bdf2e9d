"""Build the default templates in service/documents/templates/ (run once; the .docx files are committed):

    .venv/bin/python -m service.documents.build_templates

Layout after GB/T 9704-2012 (党政机关公文格式): A4, the issuing body in red as the masthead, the document number
under it and a red rule, the title centred, the addressee flush left, the body in 16 pt with a two-character
first-line indent, the issuing body and the date at the right. Fonts are named as offices have them (方正小标宋简体,
仿宋_GB2312, 黑体); LibreOffice substitutes a CJK font where they are missing."""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from service.documents.kinds import KINDS, DocumentKind
from service.documents.templates import APPROVAL_FORM, PAIRING_LETTER, REQUEST, path_of

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
RED = RGBColor(0xD0, 0x00, 0x00)


def _font(run: Run, name: str, size: float, *, color: RGBColor | None = None) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    if color is not None:
        run.font.color.rgb = color
    # East Asian text takes its font from w:eastAsia, not from w:ascii that font.name sets.
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _para(
    doc: DocxDocument,
    text: str,
    *,
    align: WD_ALIGN_PARAGRAPH | None = None,
    font: str = BODY_FONT,
    size: float = 16,
    color: RGBColor | None = None,
) -> Paragraph:
    p = doc.add_paragraph()
    if align is not None:
        p.alignment = align
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.line_spacing = Pt(28)
    if text:
        _font(p.add_run(text), font, size, color=color)
    return p


def _red_rule(p: Paragraph) -> None:
    """The red line under the masthead: a bottom border on the document-number paragraph."""
    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in {"w:val": "single", "w:sz": "12", "w:space": "4", "w:color": "D00000"}.items():
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def _body(doc: DocxDocument, text: str) -> None:
    p = _para(doc, text)
    p.paragraph_format.first_line_indent = Pt(32)  # two characters of 16 pt


def _table(doc: DocxDocument, headers: list[str], cells: list[str]) -> None:
    table = doc.add_table(rows=2, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, header in enumerate(headers):
        cell = table.rows[0].cells[i]
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(cell.paragraphs[0].add_run(header), HEADING_FONT, 12)
    for i, text in enumerate(cells):
        _font(table.rows[1].cells[i].paragraphs[0].add_run(text), BODY_FONT, 12)


def _masthead(doc: DocxDocument) -> None:
    _para(doc, "{{issuer}}", align=WD_ALIGN_PARAGRAPH.CENTER, font=TITLE_FONT, size=26, color=RED)
    _para(doc, "")
    number = _para(doc, "{{doc_no}}", align=WD_ALIGN_PARAGRAPH.CENTER)
    _red_rule(number)
    _para(doc, "")
    _para(doc, "{{title}}", align=WD_ALIGN_PARAGRAPH.CENTER, font=TITLE_FONT, size=22)
    _para(doc, "")
    _para(doc, "{{addressee}}：")


def _closing(doc: DocxDocument) -> None:
    _para(doc, "")
    _para(doc, "{{issuer}}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    _para(doc, "{{date}}", align=WD_ALIGN_PARAGRAPH.RIGHT)


def build(kind: DocumentKind) -> DocxDocument:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    doc.core_properties.title = KINDS[kind].label
    doc.core_properties.author = "Dangjian Flow"
    _masthead(doc)
    _body(doc, "{{body}}")
    if kind is DocumentKind.supervision_ticket:
        _body(doc, "承办单位：{{unit}}；责任人：{{responsible}}；督办等级：{{priority}}。")
        _body(doc, "下发日期：{{issued_on}}；签收期限：{{acknowledge_by}}；整改期限：{{rectification_deadline}}。")
        _para(doc, "问题清单及整改要求", align=WD_ALIGN_PARAGRAPH.CENTER, font=HEADING_FONT)
        _table(
            doc,
            ["序号", "存在问题", "整改要求"],
            ["{{problems.no}}", "{{problems.description}}", "{{problems.measure}}"],
        )
    elif kind is DocumentKind.interview_notice:
        _body(doc, "约谈对象：{{interviewee_body}} {{interviewee}}")
        _body(doc, "约谈时间：{{scheduled_at}}")
        _body(doc, "约谈地点：{{place}}")
        _body(doc, "约谈事由：{{reason}}")
    elif kind is DocumentKind.approval_reply:
        _body(doc, "党组织名称：{{organisation_name}}；组织形式：{{form}}；所涉单位：{{units}}。")
        _body(doc, "正式党员{{formal_members}}名，预备党员{{probationary_members}}名。")
    elif kind is DocumentKind.circular:
        _body(doc, "通报期间：{{period}}。")
        _table(
            doc,
            ["名次", "单位", "组织覆盖率", "工作覆盖率", "期间进展", "按期办结", "逾期督办", "约谈"],
            [
                "{{rankings.rank}}",
                "{{rankings.name}}",
                "{{rankings.org_coverage_rate}}",
                "{{rankings.work_coverage_rate}}",
                "{{rankings.progress}}",
                "{{rankings.tickets_closed_on_time}}",
                "{{rankings.tickets_overdue}}",
                "{{rankings.interviews_held}}",
            ],
        )
        _body(doc, "进展滞后单位：{{lagging}}。")
    _closing(doc)
    return doc


def _grid(doc: DocxDocument, headers: list[str], cells: list[str], widths: list[float]) -> None:
    """A table of the form: headings, one row of placeholders (repeated per item), column widths in mm."""
    _table(doc, headers, cells)
    table = doc.tables[-1]
    table.autofit = False
    # The grid (w:gridCol) is what LibreOffice lays out by; the cells' widths are what Word does.
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Mm(width)


def build_approval_form() -> DocxDocument:
    """审批单: a printable record of a subject's approval as it stands (not a numbered document): A4 portrait,
    the subject's facts, a table of the steps, a table of every action with who, what opinion and when, and
    the reply's number and date. Filled by service/operations/engines/approval_forms.py."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(25), Mm(25)
    section.left_margin, section.right_margin = Mm(20), Mm(20)
    doc.core_properties.title = "审批单"
    doc.core_properties.author = "Dangjian Flow"
    _para(doc, "{{title}}", align=WD_ALIGN_PARAGRAPH.CENTER, font=TITLE_FONT, size=22)
    _para(doc, "{{subtitle}}", align=WD_ALIGN_PARAGRAPH.CENTER, size=12)
    _para(doc, "")
    _grid(doc, ["事项", "内容"], ["{{fields.label}}", "{{fields.value}}"], [40, 130])
    _para(doc, "")
    _para(doc, "审批环节", font=HEADING_FONT, size=14)
    _grid(
        doc,
        ["序号", "层级", "审批机关", "审批方式", "办理期限", "状态", "表决情况"],
        [
            "{{steps.no}}",
            "{{steps.level}}",
            "{{steps.body}}",
            "{{steps.mode}}",
            "{{steps.due_on}}",
            "{{steps.status}}",
            "{{steps.tally}}",
        ],
        [12, 24, 30, 22, 30, 16, 36],
    )
    _para(doc, "")
    _para(doc, "审批意见", font=HEADING_FONT, size=14)
    _grid(
        doc,
        ["环节", "审批人", "办理", "意见", "时间"],
        ["{{actions.step}}", "{{actions.person}}", "{{actions.action}}", "{{actions.opinion}}", "{{actions.at}}"],
        [12, 24, 22, 80, 32],
    )
    _para(doc, "")
    _para(doc, "批复文号：{{reply_no}}", size=12)
    _para(doc, "批复日期：{{reply_date}}", size=12)
    _para(doc, "")
    _para(
        doc, "本审批单按系统记录生成，时间为北京时间。打印时间：{{printed_at}}", align=WD_ALIGN_PARAGRAPH.RIGHT, size=10
    )
    return doc


def _a4_document(title: str) -> DocxDocument:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    doc.core_properties.title = title
    doc.core_properties.author = "Dangjian Flow"
    return doc


def build_request() -> DocxDocument:
    """请示 of an establishment case (上行文, GB/T 9704-2012): a draft's mark, the title, the addressee, the
    applicant's text one paragraph per line, 附件 with a hanging indent (later items under the first one's
    name), the units and the date at the right, the contact as 附注. No masthead or number: the request is the
    units' own, read only. Filled by service/operations/flows/establishment/request_document.py."""
    doc = _a4_document("请示")
    _para(doc, "{{draft_mark}}", font=HEADING_FONT, color=RED)
    _para(doc, "")
    _para(doc, "{{title}}", align=WD_ALIGN_PARAGRAPH.CENTER, font=TITLE_FONT, size=22)
    _para(doc, "")
    _para(doc, "{{addressee}}：")
    _body(doc, "{{body}}")
    _para(doc, "")
    listing = _para(doc, "{{attachments_label}}{{attachments}}")
    listing.paragraph_format.left_indent = Pt(80)  # two characters, then 附件：
    listing.paragraph_format.first_line_indent = Pt(-48)
    _para(doc, "")
    _para(doc, "")
    for name in ("{{signatories}}", "{{date}}"):
        closing = _para(doc, name, align=WD_ALIGN_PARAGRAPH.RIGHT)
        closing.paragraph_format.right_indent = Pt(64)  # 成文日期右空四字
    _para(doc, "")
    _body(doc, "{{contact}}")
    return doc


def build_pairing_letter() -> DocxDocument:
    """责任书 of a pairing agreement (结对共建): a draft's mark, the title, the two organisations (甲方, 乙方) and the
    body that follows them, the agreement in paragraphs, a table of the year's duties (事项, 年度任务, 完成期限),
    then the signatures block, one row per side. No masthead or number: the agreement is the two
    organisations', read only (decision 0057). Filled by service/operations/flows/pairing/letter.py."""
    doc = _a4_document("结对共建责任书")
    _para(doc, "{{draft_mark}}", font=HEADING_FONT, color=RED)
    _para(doc, "")
    _para(doc, "{{title}}", align=WD_ALIGN_PARAGRAPH.CENTER, font=TITLE_FONT, size=22)
    _para(doc, "{{subtitle}}", align=WD_ALIGN_PARAGRAPH.CENTER, size=14)
    _para(doc, "")
    _para(doc, "甲方：{{org_a}}")
    _para(doc, "乙方：{{org_b}}")
    _para(doc, "督导单位：{{follower}}")
    _para(doc, "")
    _body(doc, "{{body}}")
    _para(doc, "")
    _grid(
        doc,
        ["序号", "共建事项", "年度任务", "完成期限"],
        ["{{duties.no}}", "{{duties.duty}}", "{{duties.target}}", "{{duties.due_on}}"],
        [14, 66, 40, 40],
    )
    _para(doc, "")
    _body(doc, "{{closing}}")
    _para(doc, "")
    _grid(
        doc,
        ["", "党组织（盖章）", "负责人（签字）", "签订日期"],
        ["{{signatures.side}}", "{{signatures.org}}", "", "{{signatures.signed_on}}"],
        [14, 62, 40, 44],
    )
    return doc


def main(out: Path | None = None) -> None:
    for kind in DocumentKind:
        target = out / f"{kind.value}.docx" if out else path_of(kind)
        build(kind).save(str(target))
        print(f"wrote {target}")
    target = out / APPROVAL_FORM.name if out else APPROVAL_FORM
    build_approval_form().save(str(target))
    print(f"wrote {target}")
    target = out / REQUEST.name if out else REQUEST
    build_request().save(str(target))
    print(f"wrote {target}")
    target = out / PAIRING_LETTER.name if out else PAIRING_LETTER
    build_pairing_letter().save(str(target))
    print(f"wrote {target}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
