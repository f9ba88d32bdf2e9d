"""Building .xlsx files and running imports synchronously (the job's function, no worker, no sleep)."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from flask import Flask
from openpyxl import Workbook, load_workbook

from tests.support.world import Api

IMPORTS = "/api/v1/units/imports"
HEADERS = ["统一社会信用代码", "单位名称", "单位类型", "所属管辖单位代码", "从业人员数", "正式党员数"]


def xlsx(rows: list[list[Any]], headers: list[str] | None = HEADERS) -> bytes:
    wb = Workbook()
    ws = wb.active
    if headers is not None:
        ws.append(headers)
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def read_xlsx(data: bytes, sheet: int = 0) -> list[tuple[Any, ...]]:
    wb = load_workbook(io.BytesIO(data), read_only=True)
    rows = [tuple(r) for r in wb.worksheets[sheet].iter_rows(values_only=True)]
    wb.close()
    width = max((len(r) for r in rows), default=0)
    return [r + (None,) * (width - len(r)) for r in rows]  # trailing blank cells are not stored


def upload(
    api: Api, data: bytes, mode: str = "all_or_nothing", as_: str = "admin@east", name: str = "台账.xlsx"
) -> Any:
    return api.post(
        f"{IMPORTS}?mode={mode}",
        as_=as_,
        data={"file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def run_job(app: Flask, import_id: int) -> str:
    from service.operations.engines import unit_imports

    with app.app_context():
        return unit_imports.run(import_id)


def imported(app: Flask, api: Api, data: bytes, mode: str = "all_or_nothing", as_: str = "admin@east") -> Any:
    """Upload, run the job in-process, answer the final status."""
    res = upload(api, data, mode, as_)
    assert res.status_code == 202, res.get_data(as_text=True)
    run_job(app, res.json["id"])
    status = api.get(f"{IMPORTS}/{res.json['id']}", as_=as_)
    assert status.status_code == 200
    return status.json


def zip_with(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, content in members.items():
            z.writestr(name, content)
    return out.getvalue()
