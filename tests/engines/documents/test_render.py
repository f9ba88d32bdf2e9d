"""The renderer on its own: placeholders split across runs, tables, headers, multi-line bodies, repeated rows,
the circular from a plain dict, and template validation."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document

from service.documents.kinds import COMMON_PLACEHOLDERS, KINDS, DocumentKind, chinese_date, doc_no
from service.documents.render import (
    TemplateError,
    check_template,
    default_template,
    placeholders_of,
    render,
    render_template,
)
from tests.support.documents import save, split_runs_template, table_rows, text_of

CIRCULAR = {
    "issuer": "中共测试市委员会组织部",
    "doc_no": "测试市通〔2026〕4号",
    "title": "关于2026年10月两个覆盖工作进展情况的通报",
    "addressee": "各县（区）委组织部",
    "body": "现将10月份全市两个覆盖工作进展情况通报如下。\n请排名靠后的单位认真分析原因。",
    "date": "2026年11月30日",
    "period": "2026年10月1日至2026年10月31日",
    "lagging": "西区",
    "rankings": [
        {"rank": 1, "name": "东县", "org_coverage_rate": "92.5%", "work_coverage_rate": "100%", "progress": "+4.1"},
        {"rank": 2, "name": "西区", "org_coverage_rate": "71.0%", "work_coverage_rate": "88.2%", "progress": "+0.3"},
    ],
}


def test_chinese_date_and_number_style() -> None:
    from datetime import date

    assert chinese_date(date(2026, 11, 30)) == "2026年11月30日"
    assert chinese_date(date(2026, 1, 5)) == "2026年1月5日"
    assert doc_no("东县督", 2026, 12) == "东县督〔2026〕12号"


def test_placeholders_split_across_runs_in_body_table_and_header_are_replaced() -> None:
    template = split_runs_template()
    assert placeholders_of(template)[0] == {"doc_no", "title", "body", "addressee", "date", "issuer"}
    out = render_template(
        template,
        {
            "doc_no": "东县督〔2026〕1号",
            "title": "标题甲",
            "body": "正文",
            "addressee": "东一镇",
            "date": "2026年9月25日",
            "issuer": "中共东县委员会组织部",
        },
    )
    text = text_of(out)
    assert "发文字号：东县督〔2026〕1号。" in text
    assert "标题甲" in text and "{{" not in text
    assert table_rows(out) == [["东一镇", "2026年9月25日"]]
    doc = Document(io.BytesIO(out))
    assert doc.sections[0].header.paragraphs[0].text == "中共东县委员会组织部"
    # The value sits in the run where the placeholder started and keeps its formatting (not bold).
    first = doc.paragraphs[0]
    assert [r.text for r in first.runs] == ["发文字号：东县督〔2026〕1号", "", "", "", "。"]


def test_multiline_body_becomes_paragraphs_and_inline_newlines_become_breaks() -> None:
    doc = Document()
    doc.add_paragraph("{{body}}")
    doc.add_paragraph("地点：{{place}}")
    out = render_template(save(doc), {"body": "第一段\n第二段\n第三段", "place": "一楼\n二楼"})
    paragraphs = [p.text for p in Document(io.BytesIO(out)).paragraphs]
    assert paragraphs == ["第一段", "第二段", "第三段", "地点：一楼\n二楼"]


def test_values_with_xml_forbidden_characters_are_cleaned() -> None:
    out = render(DocumentKind.interview_notice, {"place": "会议室\x00\x07A", "reason": "<&>"})
    text = text_of(out)
    assert "会议室A" in text and "<&>" in text


def test_circular_renders_from_a_plain_dict_with_rankings_as_a_table() -> None:
    out = render("circular", CIRCULAR)
    text = text_of(out)
    for expected in (
        "测试市通〔2026〕4号",
        "关于2026年10月两个覆盖工作进展情况的通报",
        "各县（区）委组织部：",
        "通报期间：2026年10月1日至2026年10月31日。",
        "进展滞后单位：西区。",
        "2026年11月30日",
    ):
        assert expected in text
    rows = table_rows(out)
    assert rows[0][:3] == ["名次", "单位", "组织覆盖率"]
    assert rows[1][:5] == ["1", "东县", "92.5%", "100%", "+4.1"]
    assert rows[2][:2] == ["2", "西区"]
    assert rows[1][5:] == ["", "", ""]  # fields the context leaves out are empty, not "{{…}}"
    assert len(rows) == 3
    assert "{{" not in text


def test_every_default_template_uses_only_its_documented_placeholders() -> None:
    for kind, spec in KINDS.items():
        found = check_template(kind, default_template(kind))
        assert set(found["placeholders"]) <= set(spec.all_placeholders), kind
        assert set(COMMON_PLACEHOLDERS) <= set(found["placeholders"]), kind


def test_unknown_and_malformed_placeholders_are_reported_in_chinese() -> None:
    with pytest.raises(TemplateError) as err:
        check_template("interview_notice", split_runs_template("{{salary}} 与 {{ 约谈 }} 以及 {{rankings.rank}}"))
    message = str(err.value)
    assert "约谈通知不支持的占位符：{{rankings.rank}}、{{salary}}" in message
    assert "占位符格式不正确：{{ 约谈 }}" in message


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a zip at all", "文件不是 Word 文档（.docx）"),
        (b"", "文件不是 Word 文档（.docx）"),
    ],
)
def test_files_that_are_not_docx_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(TemplateError, match=message):
        check_template("approval_reply", data)


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in entries.items():
            z.writestr(name, content)
    return out.getvalue()


def test_zips_that_are_not_word_documents_are_refused() -> None:
    with pytest.raises(TemplateError, match="不是 Word 文档"):
        check_template("approval_reply", _zip({"hello.txt": b"hi"}))
    # An Excel workbook is a zip with content types, but not a Word main document.
    xlsx_types = (
        b'<Types><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        b"</Types>"
    )
    with pytest.raises(TemplateError, match="不是 Word 文档"):
        check_template("approval_reply", _zip({"[Content_Types].xml": xlsx_types}))
    # A macro-enabled document (.docm) renamed to .docx.
    data = default_template("approval_reply").replace(b"document.main+xml", b"documentXX.main+xml")
    with zipfile.ZipFile(io.BytesIO(default_template("approval_reply"))) as z:
        entries = {n: z.read(n) for n in z.namelist()}
    entries["[Content_Types].xml"] = entries["[Content_Types].xml"].replace(
        b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml"
    )
    with pytest.raises(TemplateError, match="启用宏"):
        check_template("approval_reply", _zip(entries))
    assert data  # the original stays a valid template
    check_template("approval_reply", default_template("approval_reply"))


def test_zip_bomb_is_refused_before_parsing() -> None:
    bomb = _zip({"[Content_Types].xml": b"x", "word/document.xml": b"\0" * (60 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024
    with pytest.raises(TemplateError, match="解压后过大"):
        check_template("approval_reply", bomb)
