"""The 责任书 of a pairing agreement (.docx, .pdf): both organisations, the body that follows them, the year's
duties with their due date, the signatures block; a draft marked 草稿 until signed; read only (nothing is
numbered, recorded or audited); scoped like the agreement; the console's downloads say the same."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from typing import Any

from flask import Flask

from service.documents.pdf import find_converter
from tests.engines.documents.test_pdf import require
from tests.support.console import Console
from tests.support.database import fingerprint
from tests.support.documents import table_rows, text_of
from tests.support.pairing import URL, body, in_force, ok
from tests.support.world import Api, World

HANDLER = "handler@east_t1"


def test_the_letter_names_both_sides_the_duties_and_the_signatures(app: Flask, api: Api, world: World) -> None:
    a = in_force(api, app, world)  # signed 2026-09-20, due 2026-09-30: 2 visits, 1 training, 2 activists
    before = fingerprint(app)
    res = api.get(f"{URL}/{a['id']}/letter.docx", as_="instructor@east_t1")
    assert res.status_code == 200 and res.data.startswith(b"PK")
    assert f"filename=pairing-letter-{a['id']}.docx" in res.headers["Content-Disposition"]
    text = text_of(res.data)
    assert "结对共建责任书" in text and "（2026年度）东县结对共建" in text
    assert f"甲方：{a['org_a']['name']}" in text and f"乙方：{a['org_b']['name']}" in text
    assert "督导单位：中共东一镇委员会" in text and "2026年9月30日前" in text and "草稿" not in text
    rows = table_rows(res.data)
    assert ["1", "走访交流", "2次", "2026年9月30日"] in rows
    assert ["2", "联合培训", "1次", "2026年9月30日"] in rows
    assert ["3", "培养入党积极分子", "2名", "2026年9月30日"] in rows
    assert ["甲方", a["org_a"]["name"], "", "2026年9月20日"] in rows
    assert ["乙方", a["org_b"]["name"], "", "2026年9月20日"] in rows
    assert fingerprint(app) == before  # read only: nothing numbered, recorded or audited
    # The same bytes' text at every download: the plan cannot change once drafted.
    ok(api.post(f"{URL}/{a['id']}/progress", as_=HANDLER, json={"visits": 1}))
    assert text_of(api.get(f"{URL}/{a['id']}/letter.docx", as_=HANDLER).data) == text


def test_a_draft_is_marked_and_a_terminated_one_says_so(app: Flask, api: Api, world: World) -> None:
    a = ok(api.post(URL, as_=HANDLER, json=body(app, world, "east_t1", "east_t1")), 201)
    res = api.get(f"{URL}/{a['id']}/letter.docx", as_=HANDLER)
    assert "草稿（协议尚未签订）" in text_of(res.data)
    assert ["甲方", a["org_a"]["name"], "", ""] in table_rows(res.data)  # no date of signing yet
    assert "%EF%BC%88%E8%8D%89%E7%A8%BF%EF%BC%89" in res.headers["Content-Disposition"]  # （草稿） in the name
    ok(api.post(f"{URL}/{a['id']}/terminate", as_=HANDLER, json={"reason": "一方党组织撤销"}))
    assert "协议已终止（一方党组织撤销）" in text_of(api.get(f"{URL}/{a['id']}/letter.docx", as_=HANDLER).data)


def test_out_of_scope_is_not_found(app: Flask, api: Api, world: World, console: Console) -> None:
    a = in_force(api, app, world)
    assert api.get(f"{URL}/{a['id']}/letter.docx", as_="supervisor@west_t1").status_code == 404
    assert api.get(f"{URL}/{a['id']}/letter.pdf", as_="supervisor@west_t1").status_code == 404
    assert console.get(f"/pairing/{a['id']}/letter.docx", as_="supervisor@west_t1").status_code == 404


def test_the_console_link_downloads_the_same_letter(app: Flask, api: Api, world: World, console: Console) -> None:
    a = in_force(api, app, world)
    page = console.get(f"/pairing/{a['id']}", as_="approver@east_t1").get_data(as_text=True)
    assert f'href="/pairing/{a["id"]}/letter.docx"' in page
    res = console.get(f"/pairing/{a['id']}/letter.docx", as_="approver@east_t1")
    assert res.status_code == 200
    assert text_of(res.data) == text_of(api.get(f"{URL}/{a['id']}/letter.docx", as_=HANDLER).data)


def test_pdf_without_a_converter_is_501_in_chinese(app: Flask, api: Api, world: World) -> None:
    a = in_force(api, app, world)
    settings = app.config["SETTINGS"]
    app.config["SETTINGS"] = replace(settings, documents=replace(settings.documents, pdf_converter="none"))
    res = api.get(f"{URL}/{a['id']}/letter.pdf", as_=HANDLER)
    assert res.status_code == 501 and res.json["message"] == "服务器未安装 PDF 转换器（LibreOffice），请下载 .docx 文件"


def test_pdf_where_libreoffice_is_installed(app: Flask, api: Api, world: World, tmp_path: Any) -> None:
    require("LibreOffice (soffice/libreoffice)", find_converter() is not None)
    require("pdftotext (poppler-utils)", shutil.which("pdftotext") is not None)
    a = in_force(api, app, world)
    res = api.get(f"{URL}/{a['id']}/letter.pdf", as_=HANDLER)
    assert res.status_code == 200 and res.data.startswith(b"%PDF")
    path = tmp_path / "letter.pdf"
    path.write_bytes(res.data)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, timeout=120).stdout
    decoded = "".join(out.decode().split())  # pdftotext spaces CJK from digits
    assert "结对共建责任书" in decoded and a["org_b"]["name"] in decoded and "负责人（签字）" in decoded
