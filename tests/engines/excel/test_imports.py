"""Importing units from .xlsx: rows validated with the unit API's rules, both modes, the error report,
re-imports by credit code with their audit trail, and the round trip with the export."""

from __future__ import annotations

import io
from typing import Any

import pytest
from flask import Flask
from openpyxl import load_workbook
from sqlalchemy import func, select

from service.extensions import db
from service.models import AuditEvent, Unit
from tests.support.database import fingerprint
from tests.support.excel import HEADERS, IMPORTS, imported, read_xlsx, upload, xlsx
from tests.support.factories import new_credit_code, unit_payload
from tests.support.world import Api, World
from workflows import credit_code


def _units(app: Flask) -> dict[str, Unit]:
    with app.app_context():
        rows = {u.credit_code: u for u in db.session.execute(select(Unit)).scalars()}
        for u in rows.values():
            db.session.expunge(u)
    return rows


def _audits(app: Flask, action: str | None = None) -> list[AuditEvent]:
    with app.app_context():
        stmt = select(AuditEvent).where(AuditEvent.subject_type == "unit").order_by(AuditEvent.id)
        if action:
            stmt = stmt.where(AuditEvent.action == action)
        rows = list(db.session.execute(stmt).scalars())
        for r in rows:
            db.session.expunge(r)
    return rows


def _errors(status: dict[str, Any]) -> set[tuple[int, str | None, str]]:
    return {(e["row"], e["column"], e["code"]) for e in status["errors"]}


def test_new_rows_are_created_with_defaults_and_audited(app: Flask, api: Api, world: World) -> None:
    a, b = new_credit_code(), new_credit_code()
    status = imported(
        app, api, xlsx([[a, "甲企业", "非公企业", "east_t1", 60, 3], [b, "乙协会", "social_org", "east_t2", 10, 0]])
    )
    assert (status["status"], status["created_count"], status["error_count"]) == ("succeeded", 2, 0)
    assert status["progress"] == 1.0 and status["processed_rows"] == 2
    units = _units(app)
    assert units[a].name == "甲企业" and units[a].kind == "enterprise" and units[a].in_scope is True
    assert units[a].probationary_members == 0 and units[a].operating_status == "operating"
    assert units[b].kind == "social_org" and units[b].in_scope is False
    assert units[b].jurisdiction_id == world.ids["east_t2"]
    creates = _audits(app, "unit.create")
    assert {e.subject_id for e in creates} == {units[a].id, units[b].id}
    assert all(e.comment and "Excel 导入" in e.comment and e.actor_id == world.users["admin@east"] for e in creates)


def test_every_row_rule_is_reported_with_row_column_and_chinese_message(app: Flask, api: Api, world: World) -> None:
    good = new_credit_code()
    bad_check = good[:17] + ("0" if good[17] != "0" else "1")
    rows = [
        [good, "正常企业", "非公企业", "east_t1", 60, 3],  # row 2
        [bad_check, "校验位错", "非公企业", "east_t1", 60, 3],  # row 3
        [new_credit_code(), "人数错", "非公企业", "east_t1", 2, 3],  # row 4: members exceed employees
        [new_credit_code(), "负数", "非公企业", "east_t1", -1, 0],  # row 5
        [new_credit_code(), "类型错", "个体户", "east_t1", 60, 3],  # row 6
        [new_credit_code(), "越权", "非公企业", "west_t1", 60, 3],  # row 7: outside admin@east's scope
        [new_credit_code(), "无此地", "非公企业", "nowhere", 60, 3],  # row 8
        [good, "重复", "非公企业", "east_t1", 60, 3],  # row 9: duplicate of row 2
        [new_credit_code(), "文字", "非公企业", "east_t1", "很多", 3],  # row 10
        [new_credit_code(), "", "非公企业", "east_t1", 60, 3],  # row 11: blank name
    ]
    before = fingerprint(app)
    status = imported(app, api, xlsx(rows))
    assert status["status"] == "failed"
    assert status["created_count"] == 0 and status["error_rows"] == 9
    assert "未导入任何数据" in status["message"]
    found = _errors(status)
    assert (3, "统一社会信用代码", "credit_code_check") in found
    assert (4, "正式党员数", "members_exceed_employees") in found
    assert (5, "从业人员数", "invalid_value") in found  # the schema's range
    assert (6, "单位类型", "invalid_kind") in found
    assert (7, "所属管辖单位代码", "jurisdiction_unknown") in found
    assert (8, "所属管辖单位代码", "jurisdiction_unknown") in found
    assert (9, "统一社会信用代码", "duplicate_in_file") in found
    assert (10, "从业人员数", "not_a_count") in found
    assert (11, "单位名称", "invalid_value") in found
    messages = {e["row"]: e["message"] for e in status["errors"]}
    assert messages[3] == "统一社会信用代码校验位错误"
    assert messages[9] == "与第 2 行的统一社会信用代码重复"
    # all or nothing: not even the good row; only the import record and its audit changed
    after = fingerprint(app)
    assert after[0] == before[0] + 1
    assert good not in _units(app)


def test_valid_rows_only_keeps_the_valid_rows(app: Flask, api: Api, world: World) -> None:
    good, other = new_credit_code(), new_credit_code()
    rows = [
        [good, "正常企业", "非公企业", "east_t1", 60, 3],
        [other, "人数错", "非公企业", "east_t1", 2, 3],
    ]
    status = imported(app, api, xlsx(rows), mode="valid_rows_only")
    assert (status["status"], status["created_count"], status["error_rows"]) == ("succeeded", 1, 1)
    assert _errors(status) == {(3, "正式党员数", "members_exceed_employees")}
    units = _units(app)
    assert good in units and other not in units


def test_reimport_updates_by_credit_code_and_audits_exactly_the_changes(app: Flask, api: Api, world: World) -> None:
    a, b = new_credit_code(), new_credit_code()
    first = [[a, "甲企业", "非公企业", "east_t1", 60, 3], [b, "乙企业", "非公企业", "east_t1", 70, 4]]
    assert imported(app, api, xlsx(first))["created_count"] == 2
    ids = {code: u.id for code, u in _units(app).items()}
    version = _units(app)[a].version
    again = imported(app, api, xlsx(first))
    assert (again["created_count"], again["updated_count"], again["unchanged_count"]) == (0, 0, 2)
    assert len(_audits(app, "unit.update")) == 0
    changed = [[a, "甲企业（更名）", "非公企业", "east_t1", 61, 3], [b, "乙企业", "非公企业", "east_t1", 70, 4]]
    status = imported(app, api, xlsx(changed))
    assert (status["updated_count"], status["unchanged_count"]) == (1, 1)
    units = _units(app)
    assert {code: u.id for code, u in units.items()} == ids  # no duplicates
    assert units[a].name == "甲企业（更名）" and units[a].employees == 61 and units[a].version == version + 1
    (record,) = _audits(app, "unit.update")
    assert record.subject_id == ids[a]
    assert record.state_before == {"name": "甲企业", "employees": 60, "version": version}
    assert record.state_after == {"name": "甲企业（更名）", "employees": 61, "version": version + 1}


def test_ledger_state_rules_apply_to_updates(app: Flask, api: Api, world: World) -> None:
    """A unit outside the caller's scope, a deregistered unit, a bad instructor: refused like PATCH."""
    west = api.post("/api/v1/units", json=unit_payload(world.ids["west_t1"]), as_="admin@city").json
    gone = api.post("/api/v1/units", json=unit_payload(world.ids["east_t1"]), as_="admin@city").json
    res = api.get(f"/api/v1/units/{gone['id']}")
    api.patch(
        f"/api/v1/units/{gone['id']}",
        json={"operating_status": "deregistered"},
        headers={"If-Match": res.headers["ETag"]},
    )
    headers = [*HEADERS, "经营状态", "党建指导员账号"]
    rows = [
        [west["credit_code"], west["name"], "非公企业", "east_t1", 60, 3, "正常经营", None],  # row 2
        [gone["credit_code"], "改名", "非公企业", "east_t1", 60, 3, "已注销", None],  # row 3
        [new_credit_code(), "新单位", "非公企业", "east_t1", 60, 3, "已注销", None],  # row 4
        [new_credit_code(), "指导员", "非公企业", "east_t1", 10, 0, "正常经营", "handler.east_t1"],  # row 5
        [new_credit_code(), "指导员2", "非公企业", "east_t1", 10, 0, "正常经营", "no.such.user"],  # row 6
        [new_credit_code(), "指导员3", "非公企业", "east_t1", 10, 0, "正常经营", "instructor.east_t1"],  # ok
    ]
    status = imported(app, api, xlsx(rows, headers), mode="valid_rows_only")
    assert _errors(status) == {
        (2, "统一社会信用代码", "credit_code_out_of_scope"),
        (3, "单位名称", "unit_deregistered"),
        (4, "经营状态", "create_deregistered"),
        (5, "党建指导员账号", "instructor_invalid"),
        (6, "党建指导员账号", "instructor_unknown"),
    }
    assert status["created_count"] == 1
    assert _units(app)[rows[5][0]].instructor_id == world.users["instructor@east_t1"]


def test_errors_xlsx_puts_each_rows_errors_beside_it(app: Flask, api: Api, world: World) -> None:
    good = new_credit_code()
    rows = [
        [good, "正常企业", "非公企业", "east_t1", 60, 3],
        [new_credit_code(), "人数错", "非公企业", "east_t1", 2, 3],
    ]
    status = imported(app, api, xlsx(rows, [*HEADERS, "备注"]))
    assert status["unknown_columns"] == ["备注"]
    res = api.get(f"{IMPORTS}/{status['id']}/errors.xlsx", as_="admin@east")
    assert res.status_code == 200 and res.mimetype.endswith("spreadsheetml.sheet")
    sheet = read_xlsx(res.data)
    assert sheet[0] == ("原行号", *HEADERS, "备注", "导入错误")
    assert sheet[1][0] == 2 and sheet[1][-1] is None
    assert sheet[2][0] == 3 and sheet[2][1:7] == tuple(rows[1]) and "正式党员数：" in sheet[2][-1]
    wb = load_workbook(io.BytesIO(res.data))
    assert wb.active["G3"].fill.fgColor.rgb.endswith("F8CBAD")  # the faulty cell (正式党员数) is red
    assert wb.active.freeze_panes == "A2"
    only = read_xlsx(api.get(f"{IMPORTS}/{status['id']}/errors.xlsx?only_errors=true", as_="admin@east").data)
    assert [r[0] for r in only[1:]] == [3]


def test_round_trip_export_then_import_changes_nothing(app: Flask, api: Api, world: World) -> None:
    for place in ("east_t1", "east_t2", "east_ic"):
        api.post(
            "/api/v1/units", json=unit_payload(world.ids[place], address="=1+1 路", industry=None), as_="admin@east"
        )
    with_instructor = unit_payload(world.ids["east_t1"], instructor_id=world.users["instructor@east_t1"])
    api.post("/api/v1/units", json=with_instructor, as_="admin@east")
    exported = api.get("/api/v1/units/export.xlsx", as_="admin@east")
    assert exported.status_code == 200
    before = fingerprint(app)
    status = imported(app, api, exported.data)
    assert (status["status"], status["unchanged_count"], status["updated_count"], status["created_count"]) == (
        "succeeded",
        4,
        0,
        0,
    )
    after = fingerprint(app)
    assert after[0] == before[0] + 1  # the import's own record only; no unit changed
    assert _units(app) and all(u.address in (None, "=1+1 路") for u in _units(app).values())


def test_round_trip_edit_one_cell_updates_exactly_that_unit(app: Flask, api: Api, world: World) -> None:
    made = [api.post("/api/v1/units", json=unit_payload(world.ids["east_t1"]), as_="admin@east").json for _ in range(3)]
    exported = api.get("/api/v1/units/export.xlsx?sort=credit_code", as_="admin@east").data
    wb = load_workbook(io.BytesIO(exported))
    ws = wb.active
    header = [c.value for c in ws[1]]
    target = next(r for r in ws.iter_rows(min_row=2) if r[0].value == made[1]["credit_code"])
    target[header.index("从业人员数")].value = 99
    out = io.BytesIO()
    wb.save(out)
    status = imported(app, api, out.getvalue())
    assert (status["updated_count"], status["unchanged_count"]) == (1, 2)
    (record,) = _audits(app, "unit.update")
    assert record.subject_id == made[1]["id"]
    assert record.state_after["employees"] == 99 and record.state_before["employees"] == made[1]["employees"]
    assert api.get(f"/api/v1/units/{made[1]['id']}").json["employees"] == 99


def test_status_is_scoped_and_role_checked(app: Flask, api: Api, world: World) -> None:
    res = upload(api, xlsx([[new_credit_code(), "甲", "非公企业", "east_t1", 60, 3]]), as_="handler@east_t1")
    assert res.status_code == 202 and res.headers["Location"].endswith(f"/units/imports/{res.json['id']}")
    assert res.json["status"] == "queued" and res.json["total_rows"] == 1
    path = f"{IMPORTS}/{res.json['id']}"
    assert api.get(path, as_="admin@east").status_code == 200  # above the uploader
    assert api.get(path, as_="admin@west_t1").status_code == 404  # beside
    assert api.get(path, as_="instructor@east_t1").status_code == 403
    assert api.get(f"{path}/errors.xlsx", as_="handler@east_t1").status_code == 409  # not finished yet
    before = fingerprint(app)
    refused = upload(api, xlsx([[new_credit_code(), "甲", "非公企业", "east_t1", 60, 3]]), as_="approver@east_t1")
    assert refused.status_code == 403 and fingerprint(app) == before


def test_counts_match_the_ledger_after_many_rows(app: Flask, api: Api, world: World) -> None:
    """Several batches (batch size lowered): staging, progress and the apply step page through them."""
    from dataclasses import replace

    settings = app.config["SETTINGS"]
    app.config["SETTINGS"] = replace(settings, spreadsheets=replace(settings.spreadsheets, batch_size=7))
    codes = [credit_code.make(f"91350100{n:08d}X") for n in range(40)]
    rows = [[c, f"企业{n}", "非公企业", "east_t1", 50 + n, 3] for n, c in enumerate(codes)]
    status = imported(app, api, xlsx(rows))
    assert (status["created_count"], status["processed_rows"], status["total_rows"]) == (40, 40, 40)
    with app.app_context():
        assert db.session.execute(select(func.count()).select_from(Unit)).scalar_one() == 40
        assert len(_audits(app, "unit.create")) == 40


def test_a_large_batch_takes_the_bulk_path_with_the_same_outcome(app: Flask, api: Api, world: World) -> None:
    """Past bulk.COPY_FROM rows PostgreSQL stages, reports and audits by COPY and moves new units through a
    temporary table: same counts, errors, audit records, file order of ids and preparation items (with their
    plan) as the row-by-row rules give; SQLite takes the multi-row INSERTs. Duplicates in the file, unchanged
    rows, a deregistered unit and a unit outside the uploader's scope are in the same file."""
    from service.models.instructor import PreparationItem

    west = api.post("/api/v1/units", json=unit_payload(world.ids["west_t1"]), as_="admin@city").json
    kept = api.post("/api/v1/units", json=unit_payload(world.ids["east_t1"], employees=60), as_="admin@city").json
    gone = api.post("/api/v1/units", json=unit_payload(world.ids["east_t1"]), as_="admin@city").json
    etag = api.get(f"/api/v1/units/{gone['id']}").headers["ETag"]
    api.patch(f"/api/v1/units/{gone['id']}", json={"operating_status": "deregistered"}, headers={"If-Match": etag})
    codes = [new_credit_code() for _ in range(150)]
    rows: list[list[Any]] = [[c, f"企业{n}", "非公企业", "east_t1", 60 + n, n % 4] for n, c in enumerate(codes)]
    rows[10] = [codes[3], "重复", "非公企业", "east_t1", 60, 3]  # row 12: duplicate of row 5
    rows.append([kept["credit_code"], kept["name"], "非公企业", "east_t1", 60, kept["formal_members"]])  # unchanged
    rows.append([gone["credit_code"], "改名", "非公企业", "east_t1", 60, 3])  # deregistered: read-only
    rows.append([west["credit_code"], west["name"], "非公企业", "east_t1", 60, 3])  # outside admin@east's scope
    rows.append([new_credit_code(), "人数错", "非公企业", "east_t1", 2, 3])  # members exceed employees
    status = imported(app, api, xlsx(rows), mode="valid_rows_only")
    assert (status["created_count"], status["updated_count"], status["unchanged_count"]) == (149, 0, 1)
    assert _errors(status) == {
        (12, "统一社会信用代码", "duplicate_in_file"),
        (153, "单位名称", "unit_deregistered"),
        (154, "统一社会信用代码", "credit_code_out_of_scope"),
        (155, "正式党员数", "members_exceed_employees"),
    }
    units = _units(app)
    created = [units[c] for n, c in enumerate(codes) if n != 10]
    assert [u.id for u in created] == sorted(u.id for u in created)  # in file order
    assert all(u.version == 1 and u.in_scope and u.probationary_members == 0 for u in created)
    assert units[codes[7]].employees == 67 and units[codes[7]].formal_members == 3
    records = {e.subject_id: e for e in _audits(app, "unit.create")}
    record = records[units[codes[7]].id]
    assert record.state_before is None and record.comment and "Excel 导入" in record.comment
    assert record.state_after["credit_code"] == codes[7] and record.state_after["employees"] == 67
    assert record.state_after["created_at"] == record.occurred_at.isoformat()
    with app.app_context():
        items = {
            i.unit_id: i
            for i in db.session.execute(
                select(PreparationItem).where(PreparationItem.unit_id.in_([u.id for u in created]))
            ).scalars()
        }
        opened = list(
            db.session.execute(
                select(AuditEvent).where(AuditEvent.action == "preparation_item.open").order_by(AuditEvent.id)
            ).scalars()
        )
    assert set(items) == {u.id for u in created}
    assert all(i.version == 1 and i.next_escalation_at is not None for i in items.values())
    opened = [e for e in opened if e.subject_id in {i.id for i in items.values()}]
    assert len(opened) == 149 and all(e.state_after["next_escalation_at"] is not None for e in opened)
    changed = [[c, f"企业{n}", "非公企业", "east_t1", 61 + n, n % 4] for n, c in enumerate(codes) if n != 10]
    again = imported(app, api, xlsx(changed))
    assert (again["updated_count"], again["unchanged_count"], again["error_count"]) == (149, 0, 0)
    update = next(e for e in _audits(app, "unit.update") if e.subject_id == units[codes[7]].id)
    assert update.state_before == {"employees": 67, "version": 1}
    assert update.state_after == {"employees": 68, "version": 2}


def test_rows_equal_to_the_ledger_are_counted_unchanged_before_staging(app: Flask, api: Api, world: World) -> None:
    """The validate step counts a valid row equal to the ledger as unchanged (a deregistered unit's too, as the
    apply step did); a row of the same unit that changes a field is still refused as read-only, and a row with
    an error is reported, not counted."""
    gone = api.post("/api/v1/units", json=unit_payload(world.ids["east_t1"], employees=60), as_="admin@city").json
    etag = api.get(f"/api/v1/units/{gone['id']}").headers["ETag"]
    api.patch(f"/api/v1/units/{gone['id']}", json={"operating_status": "deregistered"}, headers={"If-Match": etag})
    kept = api.post("/api/v1/units", json=unit_payload(world.ids["east_t1"], employees=70), as_="admin@city").json
    headers = [*HEADERS, "经营状态"]
    same = [
        [gone["credit_code"], gone["name"], "非公企业", "east_t1", 60, gone["formal_members"], "已注销"],
        [kept["credit_code"], kept["name"], "非公企业", "east_t1", 70, kept["formal_members"], "正常经营"],
    ]
    before = fingerprint(app)
    status = imported(app, api, xlsx(same, headers))
    assert (status["status"], status["unchanged_count"], status["updated_count"], status["error_count"]) == (
        "succeeded",
        2,
        0,
        0,
    )
    assert fingerprint(app)[0] == before[0] + 1  # the import's own record only
    changed = [[*same[0][:4], 61, *same[0][5:]], [*same[1][:4], 70, 999, "正常经营"]]
    status = imported(app, api, xlsx(changed, headers), mode="valid_rows_only")
    assert _errors(status) == {(2, "从业人员数", "unit_deregistered"), (3, "正式党员数", "members_exceed_employees")}
    assert (status["unchanged_count"], status["updated_count"]) == (0, 0)


@pytest.mark.parametrize("memo_limit", [4096, 1])
def test_a_repeated_cell_reads_the_same_on_every_row(
    app: Flask, api: Api, world: World, monkeypatch: pytest.MonkeyPatch, memo_limit: int
) -> None:
    """A column reads a value it has seen once (each column's memo, bounded: limit 1 starts it again on every
    new value): a bad kind, an unknown body and a bad count repeated on several rows are
    reported on each of them, and a good value repeated reads the same each time."""
    from service.operations.engines import unit_imports

    monkeypatch.setattr(unit_imports, "CELL_MEMO_LIMIT", memo_limit)
    codes = [new_credit_code() for _ in range(6)]
    rows = [
        [codes[0], "甲", "某类", "east_t1", 60, 3],
        [codes[1], "乙", "非公企业", "nowhere", 60, 3],
        [codes[2], "丙", "某类", "nowhere", "许多", None],
        [codes[3], "丁", "非公企业", "east_t1", "许多", None],
        [codes[4], "戊", "非公企业", "east_t1", 60, 3],
        [codes[5], "己", "某类", "east_t1", 60, 3],
    ]
    status = imported(app, api, xlsx(rows), mode="valid_rows_only")
    assert _errors(status) == {
        (2, "单位类型", "invalid_kind"),
        (3, "所属管辖单位代码", "jurisdiction_unknown"),
        (4, "单位类型", "invalid_kind"),
        (4, "所属管辖单位代码", "jurisdiction_unknown"),
        (4, "从业人员数", "not_a_count"),
        (5, "从业人员数", "not_a_count"),
        (7, "单位类型", "invalid_kind"),
    }
    assert status["created_count"] == 1
    unit = _units(app)[codes[4]]
    assert (unit.kind, unit.jurisdiction_id, unit.employees, unit.formal_members) == (
        "enterprise",
        world.ids["east_t1"],
        60,
        3,
    )
