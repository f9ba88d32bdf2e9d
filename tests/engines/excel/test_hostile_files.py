"""Files that cannot be imported at all: a clear 422 with a Chinese message, and nothing changed (not even an
import record). Formulas are refused, never evaluated nor taken from cached values."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import pytest
from flask import Flask
from openpyxl import Workbook

from tests.support.database import fingerprint
from tests.support.excel import HEADERS, upload, xlsx, zip_with
from tests.support.factories import new_credit_code
from tests.support.world import Api, World


def _row() -> list[object]:
    return [new_credit_code(), "甲企业", "非公企业", "east_t1", 60, 3]


def _with_formula() -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(HEADERS)
    ws.append(_row())
    ws["E2"] = "=10*6"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _bomb() -> bytes:
    """A valid-looking .xlsx whose sheet declares 200 MB of zeros that deflate to ~200 KB."""
    base = zipfile.ZipFile(io.BytesIO(xlsx([_row()])))
    members = {i.filename: base.read(i.filename) for i in base.infolist()}
    members["xl/worksheets/sheet1.xml"] = b"<" + b"0" * (200 * 1024 * 1024)
    return zip_with(members)


CASES = {
    "empty": (b"", "empty_file", "为空"),
    "not a zip": (b"credit_code,name\n91350100,x\n", "not_xlsx", ".xlsx"),
    "xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "xls_not_supported", ".xls"),
    "zip, not a workbook": (zip_with({"hello.txt": b"hi"}), "not_xlsx", "不是 Excel"),
    "truncated": (xlsx([_row()])[:-200], "not_xlsx", "损坏"),
    "formula": (_with_formula(), "formulas_not_allowed", "E2"),
    "wrong headers": (xlsx([_row()], ["代码", "名称"]), "missing_columns", "统一社会信用代码"),
    "duplicate headers": (xlsx([[*_row(), "x"]], [*HEADERS, "单位名称"]), "duplicate_columns", "单位名称"),
    "header only": (xlsx([]), "no_rows", "没有数据行"),
    "no header": (xlsx([], None), "no_header", "第一行"),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_hostile_or_malformed_file_is_refused_with_nothing_changed(
    app: Flask, api: Api, world: World, case: str
) -> None:
    data, code, fragment = CASES[case]
    before = fingerprint(app)
    res = upload(api, data)
    assert res.status_code == 422, res.get_data(as_text=True)
    assert res.json["code"] == code
    assert fragment in res.json["message"]
    assert res.json["errors"] == {"files": {"file": [res.json["message"]]}}
    assert fingerprint(app) == before


def test_zip_bomb_is_refused_from_its_declared_sizes(app: Flask, api: Api, world: World) -> None:
    data = _bomb()
    assert len(data) < 1024 * 1024
    before = fingerprint(app)
    res = upload(api, data)
    assert res.status_code == 422 and res.json["code"] == "zip_bomb"
    assert "压缩炸弹" in res.json["message"]
    assert fingerprint(app) == before


def _understated(member: str, size: int) -> bytes:
    """A valid .xlsx whose member `member` is padded with 50 MB of spaces (~50 KB deflated) while its central
    directory entry still declares `size` bytes: the sizes the other checks read are a lie."""
    base = zipfile.ZipFile(io.BytesIO(xlsx([_row()])))
    members = {i.filename: base.read(i.filename) for i in base.infolist()}
    members[member] += b" " * (50 * 1024 * 1024)
    data = bytearray(zip_with(members))
    entry = data.index(b"PK\x01\x02")
    while True:  # the central directory entry of `member`; its uncompressed size is at offset 24
        name_len = int.from_bytes(data[entry + 28 : entry + 30], "little")
        if data[entry + 46 : entry + 46 + name_len] == member.encode():
            break
        entry = data.index(b"PK\x01\x02", entry + 4)
    data[entry + 24 : entry + 28] = size.to_bytes(4, "little")
    return bytes(data)


def test_a_member_that_inflates_past_its_declared_size_is_refused(app: Flask, api: Api, world: World) -> None:
    """The reader inflates a member to its end, whatever the directory says: the true sizes are checked first."""
    before = fingerprint(app)
    for member in ("xl/worksheets/sheet1.xml", "xl/styles.xml"):
        res = upload(api, _understated(member, 4096))
        assert res.status_code == 422 and res.json["code"] == "zip_bomb", (member, res.json)
    assert fingerprint(app) == before


def test_row_column_and_size_limits_are_settings(app: Flask, api: Api, world: World) -> None:
    settings = app.config["SETTINGS"]
    tight = replace(settings.spreadsheets, max_rows=2, max_columns=8, max_bytes=50_000)
    app.config["SETTINGS"] = replace(settings, spreadsheets=tight)
    before = fingerprint(app)
    rows = upload(api, xlsx([_row(), _row(), _row()]))
    assert rows.status_code == 422 and rows.json["code"] == "too_many_rows" and "2 行" in rows.json["message"]
    wide = upload(api, xlsx([[*_row(), 1, 2, 3]], [*HEADERS, "a", "b", "c"]))
    assert wide.status_code == 422 and wide.json["code"] == "too_many_columns"
    big = upload(api, xlsx([_row()]) + b"\0" * 60_000)
    assert big.status_code in (413, 422)
    assert fingerprint(app) == before
    assert upload(api, xlsx([_row(), _row()])).status_code == 202


def test_a_text_cell_starting_with_equals_is_text_not_a_formula(app: Flask, api: Api, world: World) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(HEADERS)
    ws.append(_row())
    ws["B2"].data_type = "s"  # typed as text in Excel: no formula element in the sheet
    ws["B2"].value = "=HYPERLINK(1)"
    ws["B2"].data_type = "s"
    out = io.BytesIO()
    wb.save(out)
    res = upload(api, out.getvalue())
    assert res.status_code == 202, res.json
