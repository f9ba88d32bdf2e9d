"""Importing ledger units from .xlsx, as a background job with progress.

Accepting a file (`start`): every check that refuses a whole file runs in the request (reader.inspect: not a
zip, zip bomb, .xls, formulas, row/column limits; then the headers), so a hostile file is a 422 that changes
nothing. The file is stored with the import record and the job is enqueued after the commit.

The job (`run`) reads the file once, streaming:
1. validate: each row is parsed by its Chinese headers and checked with the unit API's own schema and rules
   (credit code check character, counts, kind, status, jurisdiction code in the uploader's scope, instructor,
   duplicates inside the file). A valid row equal to the ledger (registered in scope, every field it gives
   unchanged) is counted as unchanged there; other valid rows go to a staging table, errors to the error
   table; both, and the progress, are committed per batch so the caller can poll.
2. apply: in one transaction, staged rows are taken in batches, their existing units locked (FOR UPDATE OF),
   the rules that depend on the ledger checked against the locked rows (the unit in scope, deregistered
   units read-only, merged counts, the instructor's area), then one INSERT … ON CONFLICT DO NOTHING for the
   new units, one UPDATE … FROM a staging table for the changed ones (executemany on SQLite) and one
   multi-row INSERT of their audit records (one per changed unit, with the changed fields). all_or_nothing
   rolls everything back if any row failed; valid_rows_only keeps the valid rows. A row identical to the
   ledger changes nothing and leaves no record, so re-importing an exported file is a no-op."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from datetime import timedelta
from typing import Any, NamedTuple, cast

from flask import current_app, g, has_request_context
from marshmallow import ValidationError
from sqlalchemy import ARRAY, Column, Integer, MetaData, Table, any_, bindparam, delete, func, select, text, update
from sqlalchemy.dialects import sqlite

from schemas.common import FieldLoader
from schemas.units import UnitCreateFields, UnitUpdateFields
from service import bulk
from service.auth import Actor
from service.clock import now
from service.db import transaction
from service.errors import ApiError
from service.extensions import db
from service.models import AuditEvent, Jurisdiction, Unit, UnitImport, UnitImportError, UnitImportRow, User
from service.operations.common import get_scoped, rowcount
from service.operations.engines import audit
from service.operations.reference import ledger_events, units
from service.operations.reference.ledger_events import UnitChange
from service.roles import UNIT_WRITERS
from service.spreadsheets import reader
from service.spreadsheets.ledger_columns import (
    BY_HEADER,
    COUNT_FIELDS,
    HEADER_OF_FIELD,
    REQUIRED_HEADERS,
    TEXT_FIELDS,
    CellError,
    LedgerColumn,
    as_count,
    as_credit_code,
    as_kind,
    as_status,
    as_text,
    blank,
)
from service.spreadsheets.limits import SpreadsheetSettings
from workflows import credit_code
from workflows.errors import Conflict, RuleViolation
from workflows.ledger import OperatingStatus, is_in_scope

log = logging.getLogger(__name__)


class Staged(NamedTuple):
    row_no: int
    credit_code: str
    data: dict[str, Any]


MODES = ("all_or_nothing", "valid_rows_only")
ABSENT = object()  # a blank cell of a column whose field is then left out (its default or the ledger's value)
CELL_MEMO_LIMIT = 4096  # cell values remembered per column; past it the memo starts again
QUEUED, RUNNING, SUCCEEDED, FAILED = "queued", "running", "succeeded", "failed"
FINISHED = (SUCCEEDED, FAILED)
JOB = "workers.jobs.run_unit_import"  # by name: the service layer does not import the workers
QUEUE = "default"
# A running import whose heartbeat (one per committed batch) is older than this was abandoned (killed worker).
STALE_AFTER = timedelta(minutes=10)
JOB_TIMEOUT_SECONDS = 3600
CODE_HEADER = HEADER_OF_FIELD["credit_code"]
# The unit columns the import writes (besides the ids and timestamps).
WRITABLE = (
    "name",
    "kind",
    "jurisdiction_id",
    "industry",
    "address",
    "employees",
    "formal_members",
    "probationary_members",
    "mobile_members",
    "investor_or_head",
    "operating_status",
    "no_org_reason",
    "instructor_id",
)


def _table(model: type) -> Table:
    return cast(Table, model.__table__)  # type: ignore[attr-defined]


def _among(column: Any, values: Iterable[Any]) -> Any:
    """`column IN (values)`; on PostgreSQL `column = ANY(:array)`, one parameter instead of a batch's thousand
    (the driver parses a statement of many parameters in Python each time)."""
    if db.session.connection().dialect.name == "postgresql":
        return column == any_(bindparam(None, list(values), type_=ARRAY(column.type)))
    return column.in_(list(values))


def limits() -> SpreadsheetSettings:
    settings: SpreadsheetSettings = current_app.config["SETTINGS"].spreadsheets
    return settings


def _refused(code: str, message: str) -> ApiError:
    return ApiError(422, code, message, errors={"files": {"file": [message]}})


# -- accepting a file ----------------------------------------------------------------------------------------


def _check_headers(headers: list[str | None]) -> list[str]:
    """Unknown columns are reported (and ignored); duplicated or missing required ones refuse the file."""
    named = [h for h in headers if h]
    twice = sorted({h for h in named if named.count(h) > 1})
    if twice:
        raise _refused("duplicate_columns", "列标题重复：" + "、".join(twice))
    missing = [h for h in REQUIRED_HEADERS if h not in named]
    if missing:
        raise _refused("missing_columns", "缺少必需的列：" + "、".join(missing) + "（列标题应与导出的台账一致）")
    return [h for h in named if h not in BY_HEADER]


def create(actor: Actor, filename: str, data: bytes, mode: str) -> UnitImport:
    """Check the whole file and record the import (queued). Nothing else changes; a refusal is a 422."""
    if actor.user_id is None or actor.jurisdiction_id is None:
        raise ApiError(403, "forbidden", "导入须由用户账号发起")
    try:
        found = reader.inspect(data, limits())
    except reader.SpreadsheetRefused as exc:
        raise _refused(exc.code, exc.message) from exc
    unknown = _check_headers(found.headers)
    if found.data_rows == 0:
        raise _refused("no_rows", "文件中没有数据行")
    with transaction():
        row = UnitImport(
            user_id=actor.user_id,
            jurisdiction_id=actor.jurisdiction_id,
            request_id=actor.request_id,
            mode=mode,
            filename=filename[:255],
            size_bytes=len(data),
            content=data,
            sheet_title=found.sheet_title[:64],
            headers=found.headers,
            unknown_columns=unknown,
            status=QUEUED,
            total_rows=found.data_rows,
            processed_rows=0,
            created_at=now(),
        )
        db.session.add(row)
        db.session.flush()
        audit.record(
            actor,
            "unit_import.create",
            "unit_import",
            row.id,
            actor.jurisdiction_id,
            None,
            {"filename": row.filename, "mode": mode, "rows": found.data_rows, "unknown_columns": unknown},
        )
    return row


def enqueue(import_id: int) -> None:
    """Hand the import to a worker (after the commit: the job must find the row). Without a queue the import
    is marked failed and the caller told to retry (503)."""
    from redis.exceptions import RedisError
    from rq import Queue

    connection = current_app.extensions.get("redis")
    try:
        if connection is None:
            raise RedisError("REDIS_URL is not set")
        Queue(QUEUE, connection=connection).enqueue(
            JOB,
            import_id,
            job_id=f"unit-import-{import_id}",
            job_timeout=JOB_TIMEOUT_SECONDS,
            result_ttl=86400,
            failure_ttl=7 * 86400,
            meta={"request_id": g.get("request_id")} if has_request_context() else None,
        )
    except RedisError as exc:
        log.warning("unit import %s not enqueued: %s", import_id, exc)
        _finish(import_id, FAILED, "任务队列暂不可用，导入未开始，请稍后重新上传")
        raise ApiError(503, "queue_unavailable", "任务队列暂不可用，请稍后重试", headers={"Retry-After": "5"}) from exc


def start(actor: Actor, filename: str, data: bytes, mode: str) -> UnitImport:
    row = create(actor, filename, data, mode)
    enqueue(row.id)
    return row


def get(actor: Actor, import_id: int) -> UnitImport:
    return get_scoped(UnitImport, import_id, actor)


def errors_of(import_id: int, limit: int) -> list[UnitImportError]:
    return list(
        db.session.execute(
            select(UnitImportError)
            .where(UnitImportError.import_id == import_id)
            .order_by(UnitImportError.row_no, UnitImportError.id)
            .limit(limit)
        ).scalars()
    )


# -- the job -------------------------------------------------------------------------------------------------


def _claim(import_id: int) -> bool:
    """queued → running, or take over a running import whose worker stopped beating. Exactly one job wins."""
    at = now()
    with transaction():
        claimed = rowcount(
            db.session.execute(
                update(UnitImport)
                .where(
                    UnitImport.id == import_id,
                    (UnitImport.status == QUEUED)
                    | ((UnitImport.status == RUNNING) & (UnitImport.heartbeat_at < at - STALE_AFTER)),
                )
                .values(status=RUNNING, phase="validating", started_at=at, heartbeat_at=at, processed_rows=0)
                .execution_options(synchronize_session=False)
            )
        )
        if claimed:  # a taken-over import starts again from a clean slate
            db.session.execute(delete(UnitImportRow).where(UnitImportRow.import_id == import_id))
            db.session.execute(delete(UnitImportError).where(UnitImportError.import_id == import_id))
    return bool(claimed)


def _actor(imp: UnitImport) -> Actor | None:
    user = db.session.get(User, imp.user_id)
    if user is None or not user.active or user.role not in UNIT_WRITERS:
        return None
    return Actor(user.id, user.username, user.role, user.jurisdiction_id, user.jurisdiction.path, imp.request_id)


def run(import_id: int) -> str:
    """The job: validate, then apply. Returns the final status ("skipped" if another job has it)."""
    if not _claim(import_id):
        return "skipped"
    imp = db.session.get(UnitImport, import_id)
    assert imp is not None
    actor = _actor(imp)
    if actor is None:
        _finish(import_id, FAILED, "发起导入的用户已停用或已无权修改台账")
        return FAILED
    try:
        validation = Validation(imp, actor)
        validation.run()
        return Application(imp, actor, validation.unchanged).run()
    except (reader.SpreadsheetRefused, RuleViolation) as exc:
        # RuleViolation: a rule a workflow subscribed to the ledger enforces on the written rows (an instructor
        # over the cap): the import is refused as a whole with the rule's message.
        db.session.rollback()
        _finish(import_id, FAILED, exc.message)
        return FAILED
    except Exception:
        db.session.rollback()
        log.exception("unit import %s failed", import_id)
        _finish(import_id, FAILED, "导入过程中发生内部错误，未导入任何数据")
        raise


def _finish(import_id: int, status: str, message: str | None, **counts: int) -> None:
    with transaction():
        db.session.execute(delete(UnitImportRow).where(UnitImportRow.import_id == import_id))
        db.session.execute(
            update(UnitImport)
            .where(UnitImport.id == import_id)
            .values(status=status, message=message, finished_at=now(), phase=None, **counts)
            .execution_options(synchronize_session=False)
        )


# -- step 1: validate ----------------------------------------------------------------------------------------

RowErrors = list[tuple[str | None, str, str]]  # (column header, code, message)
# A parsed row: (row number, the fields it gives, its instructor account, its errors, its credit code).
Parsed = tuple[int, dict[str, Any], str | None, RowErrors, str | None]


def _rule_errors(exc: RuleViolation) -> RowErrors:
    return [(HEADER_OF_FIELD.get(exc.field or ""), exc.code, exc.message)]


def _schema_errors(exc: ValidationError) -> RowErrors:
    out: RowErrors = []
    messages = exc.messages if isinstance(exc.messages, dict) else {"": exc.messages}
    for field, msgs in messages.items():
        for msg in msgs if isinstance(msgs, list) else [msgs]:
            out.append((HEADER_OF_FIELD.get(str(field)), "invalid_value", str(msg)))
    return out


class Validation:
    """Step 1: one streaming pass over the file; staged rows, errors and progress committed per batch."""

    def __init__(self, imp: UnitImport, actor: Actor) -> None:
        self.imp = imp
        self.actor = actor
        self.limits = limits()
        self.columns: list[LedgerColumn | None] = [BY_HEADER.get(h) if h else None for h in imp.headers]
        # Every jurisdiction in the uploader's scope, by code: one query (a city has hundreds, not millions).
        self.places = dict(
            db.session.execute(
                select(Jurisdiction.code, Jurisdiction.id).where(
                    Jurisdiction.path.startswith(actor.jurisdiction_path, autoescape=True)
                )
            ).all()
        )
        self.in_scope = set(self.places.values())
        self.seen: dict[str, int] = {}  # credit code → first row (duplicates inside the file)
        # Per column, what its cell values read as (none for the credit code: unique per row).
        self.memos: list[dict[tuple[type, Any], tuple[bool, Any]] | None] = [
            None if c is None or c.field in (None, "credit_code") else {} for c in self.columns
        ]
        self.unchanged = 0  # rows equal to the ledger, counted and not staged
        # The unit API's schemas, applied field by field (schemas.common.FieldLoader: the same fields and messages).
        self.update_schema = FieldLoader(UnitUpdateFields())
        self.create_schema = FieldLoader(UnitCreateFields())
        self.processed = 0

    def run(self) -> None:
        batch: list[Parsed] = []
        for number, values in reader.data_rows(self.imp.content, len(self.columns), self.limits):
            batch.append((number, *self.parse(number, values)))
            if len(batch) >= self.limits.batch_size:
                self.flush(batch)
                batch = []
        self.flush(batch)

    def parse(self, number: int, values: tuple[Any, ...]) -> tuple[dict[str, Any], str | None, RowErrors, str | None]:
        """A row's cells → the unit API's fields (what the row gives), its instructor account, its errors
        (the schema is applied per batch, once the batch knows which codes are registered). A cell value a
        column has already read is not read again (kinds, bodies, counts and statuses repeat on every row;
        each column's memo is bounded, so memory stays flat); credit codes, unique per row, are not kept."""
        data: dict[str, Any] = {}
        errors: RowErrors = []
        instructor: str | None = None
        for column, memo, value in zip(self.columns, self.memos, values, strict=True):
            if column is None or column.field is None:
                continue
            field = column.field
            if memo is None:
                found = self._cell(field, value)
            else:
                key = (type(value), value)
                remembered = memo.get(key)
                if remembered is None:
                    if len(memo) >= CELL_MEMO_LIMIT:
                        memo.clear()
                    remembered = memo[key] = self._cell(field, value)
                found = remembered
            result = found[1]
            if not found[0]:
                errors.append((column.header, result.code, result.message))
            elif field == "instructor_id":
                data[field] = None
                instructor = result
            elif result is not ABSENT:
                data[field] = result
        code = data.pop("credit_code", None)
        if not code:
            errors.append((HEADER_OF_FIELD["credit_code"], "required", "缺少统一社会信用代码"))
        else:
            try:
                code = credit_code.validate(code)
            except RuleViolation as exc:
                errors += _rule_errors(exc)
            else:
                first = self.seen.setdefault(code, number)
                if first != number:
                    errors.append(
                        (HEADER_OF_FIELD["credit_code"], "duplicate_in_file", f"与第 {first} 行的统一社会信用代码重复")
                    )
        return data, instructor, errors, code

    def _cell(self, field: str, value: Any) -> tuple[bool, Any]:
        """One cell of `field`'s column: (True, its value — ABSENT when a blank cell gives nothing, the account
        named for the instructor) or (False, the CellError)."""
        try:
            if blank(value):
                if field in TEXT_FIELDS:
                    return True, "" if field == "name" else None
                return True, None if field in ("credit_code", "instructor_id") else ABSENT
            if field == "credit_code":
                return True, as_credit_code(value)
            if field in TEXT_FIELDS or field == "instructor_id":
                return True, as_text(value)
            if field in COUNT_FIELDS:
                return True, as_count(value)
            if field == "kind":
                return True, as_kind(value)
            if field == "operating_status":
                return True, as_status(value)
            if field == "jurisdiction_id":
                code = as_text(value)
                if code not in self.places:
                    raise CellError("jurisdiction_unknown", f"管辖单位代码「{code}」不存在或不在您的管辖范围内")
                return True, self.places[code]
        except CellError as exc:
            return False, exc
        return True, ABSENT

    def load(self, data: dict[str, Any], code: str, as_update: bool) -> tuple[dict[str, Any], RowErrors]:
        """The unit API's schema, once per row: the update fields for a registered code (or a row already in
        error, as it is reported either way), the create fields (required fields, defaults) for a new one. The
        apply step loads the create fields itself for a row whose code was registered and no longer is."""
        try:
            if as_update:
                return {**self.update_schema.load(data), "credit_code": code}, []
            loaded = self.create_schema.load(_for_create({**data, "credit_code": code}))
            return {**loaded, NEW: True}, []
        except ValidationError as exc:
            return data, _schema_errors(exc)

    def checked(self, batch: list[Parsed]) -> Iterator[tuple[int, dict[str, Any], RowErrors, bool]]:
        """The batch's rows against the ledger and the accounts, with one look-up of each per batch; each row
        with its errors and whether it is unchanged: valid, registered in the uploader's scope, and equal to
        the ledger in every field it gives. An unchanged row is counted here and not staged (the apply step
        would find it unchanged and write nothing; a re-imported export is mostly such rows)."""
        names = {name for _, _, name, _, _ in batch if name}
        codes = {code for _, _, _, _, code in batch if code}
        accounts = (
            dict(db.session.execute(select(User.username, User.id).where(_among(User.username, names))).all())
            if names
            else {}
        )
        ledger = (
            {
                r.credit_code: r._mapping
                for r in db.session.execute(
                    select(Unit.credit_code, *(getattr(Unit, k) for k in WRITABLE)).where(
                        _among(Unit.credit_code, codes)
                    )
                )
            }
            if codes
            else {}
        )
        for number, data, name, row_errors, code in batch:
            if name is not None:
                if name in accounts:
                    data["instructor_id"] = accounts[name]
                else:
                    row_errors.append(
                        (HEADER_OF_FIELD["instructor_id"], "instructor_unknown", f"党建指导员账号「{name}」不存在")
                    )
            current = ledger.get(code or "")
            data, schema_errors = self.load(data, code or "", current is not None or bool(row_errors))
            errors = schema_errors + row_errors
            same = (
                not errors
                and current is not None
                and current["jurisdiction_id"] in self.in_scope
                and all(current[k] == v for k, v in data.items() if k in WRITABLE)
            )
            yield number, data, errors, same

    def flush(self, batch: list[Parsed]) -> None:
        staged: list[dict[str, Any]] = []
        errors: list[dict[str, Any]] = []
        for number, data, row_errors, same in self.checked(batch):
            if same:
                self.unchanged += 1
            elif row_errors:
                errors += [
                    {"import_id": self.imp.id, "row_no": number, "column": c, "code": k, "message": m}
                    for c, k, m in row_errors
                ]
            else:
                staged.append(
                    {"import_id": self.imp.id, "row_no": number, "credit_code": data["credit_code"], "data": data}
                )
        self.processed += len(batch)
        with transaction():
            if staged:
                bulk.insert_rows(_table(UnitImportRow), staged)
            if errors:
                bulk.insert_rows(_table(UnitImportError), errors)
            db.session.execute(
                update(UnitImport)
                .where(UnitImport.id == self.imp.id)
                .values(
                    processed_rows=self.processed, heartbeat_at=now(), error_count=UnitImport.error_count + len(errors)
                )
                .execution_options(synchronize_session=False)
            )


# -- step 2: apply -------------------------------------------------------------------------------------------


class Application:
    """Step 2: staged rows against the locked ledger, written with bulk statements in one transaction."""

    def __init__(self, imp: UnitImport, actor: Actor, unchanged: int = 0) -> None:
        self.imp = imp
        self.import_id = imp.id
        self.all_or_nothing = imp.mode == "all_or_nothing"
        self.actor = actor
        self.limits = limits()
        self.thresholds = units.thresholds()
        self.create_schema = FieldLoader(UnitCreateFields())
        self.counts = {"created_count": 0, "updated_count": 0, "unchanged_count": unchanged}
        self.errors: list[dict[str, Any]] = []
        self.at = now()
        self.comment = f"Excel 导入 #{imp.id}（{imp.filename}）"
        self.row_of: dict[str, int] = {}  # credit code → row, for rows to be inserted

    def run(self) -> str:
        with transaction():
            db.session.execute(
                update(UnitImport)
                .where(UnitImport.id == self.import_id)
                .values(phase="applying", heartbeat_at=now())
                .execution_options(synchronize_session=False)
            )
        earlier = db.session.execute(
            select(func.count()).where(UnitImportError.import_id == self.import_id)
        ).scalar_one()
        self.paths = dict(db.session.execute(select(Jurisdiction.id, Jurisdiction.path)).all())
        failed = False
        try:
            last = 0
            while batch := self._staged_after(last):
                self._apply(batch)
                last = batch[-1].row_no
            failed = self.all_or_nothing and bool(earlier or self.errors)
            if failed:
                db.session.rollback()
            else:
                self._write_errors()
                db.session.execute(delete(UnitImportRow).where(UnitImportRow.import_id == self.import_id))
                db.session.commit()
        except BaseException:
            db.session.rollback()
            raise
        if failed:
            with transaction():
                self._write_errors()
                db.session.execute(delete(UnitImportRow).where(UnitImportRow.import_id == self.import_id))
            self.counts = dict.fromkeys(self.counts, 0)
        total_errors, error_rows = db.session.execute(
            select(func.count(), func.count(func.distinct(UnitImportError.row_no))).where(
                UnitImportError.import_id == self.import_id
            )
        ).one()
        if failed:
            message = f"发现 {total_errors} 处错误（{error_rows} 行），按“全部成功才导入”未导入任何数据"
        elif total_errors:
            message = f"已导入有效行；{error_rows} 行有错误未导入"
        else:
            message = None
        _finish(
            self.import_id,
            FAILED if failed else SUCCEEDED,
            message,
            error_count=total_errors,
            error_rows=error_rows,
            **self.counts,
        )
        return FAILED if failed else SUCCEEDED

    def _staged_after(self, last: int) -> list[Staged]:
        """Plain rows, not ORM objects: read once, the session must not grow with the file."""
        t = UnitImportRow
        rows = db.session.execute(
            select(t.row_no, t.credit_code, t.data)
            .where(t.import_id == self.import_id, t.row_no > last)
            .order_by(t.row_no)
            .limit(self.limits.batch_size)
        )
        return [Staged(r.row_no, r.credit_code, r.data) for r in rows]

    def _error(self, row_no: int, errors: RowErrors) -> None:
        self.errors += [
            {"import_id": self.import_id, "row_no": row_no, "column": c, "code": k, "message": m} for c, k, m in errors
        ]

    def _write_errors(self) -> None:
        if self.errors:
            bulk.insert_rows(_table(UnitImportError), self.errors)
            self.errors = []

    def _apply(self, batch: list[Staged]) -> None:
        t = cast(Table, Unit.__table__)
        existing = {
            r.credit_code: r._mapping
            for r in db.session.execute(
                select(t).where(_among(t.c.credit_code, [r.credit_code for r in batch])).with_for_update(of=t)
            )
        }
        instructor_ids = {r.data.get("instructor_id") for r in batch} | {e["instructor_id"] for e in existing.values()}
        instructor_ids.discard(None)
        instructors = (
            {u.id: u for u in db.session.execute(select(User).where(User.id.in_(instructor_ids))).scalars()}
            if instructor_ids
            else {}
        )
        creates: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        records: list[dict[str, Any]] = []
        self.changes: list[UnitChange] = []
        for row in batch:
            try:
                if row.credit_code in existing:
                    self._update(row, existing[row.credit_code], instructors, updates, records)
                else:
                    creates.append(self._create(row, instructors))
                    self.row_of[row.credit_code] = row.row_no
            except RuleViolation as exc:
                self._error(row.row_no, _rule_errors(exc))
            except ValidationError as exc:
                self._error(row.row_no, _schema_errors(exc))
        if creates:
            self._insert(creates, records)
        if updates:
            _update_units(updates)
        if records:
            bulk.insert_rows(_table(AuditEvent), records)
        ledger_events.changed(self.actor, self.changes)
        if not self.all_or_nothing:
            self._write_errors()

    def _record(self, action: str, unit_id: int, place: int, before: Any, after: Any) -> dict[str, Any]:
        a = self.actor
        return {
            "occurred_at": self.at,
            "actor_id": a.user_id,
            "actor_label": a.label,
            "action": action,
            "subject_type": "unit",
            "subject_id": unit_id,
            "jurisdiction_id": place,
            "state_before": before,
            "state_after": after,
            "comment": self.comment,
            "request_id": a.request_id,
        }

    def _create(self, row: Staged, instructors: dict[int, User]) -> dict[str, Any]:
        data = dict(row.data)
        if not data.pop(NEW, False):  # validated as an update: its code was registered then, and is not now
            data = self.create_schema.load(_for_create(data))
        units.check_creatable(data["operating_status"])
        units.check_counts(data, None)
        if data.get("instructor_id") is not None:
            units.check_instructor(instructors.get(data["instructor_id"]), self.paths[data["jurisdiction_id"]])
        values = {k: data.get(k) for k in WRITABLE}
        values.update(
            credit_code=row.credit_code,
            in_scope=is_in_scope(data["kind"], data["employees"], data["operating_status"], self.thresholds),
            deregistered_at=None,
            version=1,
            created_at=self.at,
            updated_at=self.at,
        )
        return values

    def _insert(self, creates: list[dict[str, Any]], records: list[dict[str, Any]]) -> None:
        ids = _insert_units(creates)
        for values in creates:
            ident = ids.get(values["credit_code"])
            if ident is None:
                message = "统一社会信用代码已存在（他人刚刚登记了该单位）"
                self._error(self.row_of[values["credit_code"]], [(CODE_HEADER, "duplicate_credit_code", message)])
                continue
            self.counts["created_count"] += 1
            after = _json({**values, "id": ident})
            records.append(self._record("unit.create", ident, values["jurisdiction_id"], None, after))
            self.changes.append(UnitChange(ident, None, after))

    def _update(
        self,
        row: Staged,
        current: Any,
        instructors: dict[int, User],
        updates: list[dict[str, Any]],
        records: list[dict[str, Any]],
    ) -> None:
        if not self.paths[current["jurisdiction_id"]].startswith(self.actor.jurisdiction_path):
            raise Conflict("credit_code_out_of_scope", "该统一社会信用代码已登记在您管辖范围以外的单位", "credit_code")
        changes = {k: v for k, v in row.data.items() if k in WRITABLE and current[k] != v}
        if not changes:
            self.counts["unchanged_count"] += 1
            return
        if current["operating_status"] == OperatingStatus.deregistered:
            raise Conflict("unit_deregistered", "该单位已注销，台账记录只读", next(iter(changes)))
        merged = {k: changes.get(k, current[k]) for k in WRITABLE}
        units.check_counts(merged, None)
        place_path = self.paths[merged["jurisdiction_id"]]
        if merged["instructor_id"] is not None and ("instructor_id" in changes or "jurisdiction_id" in changes):
            units.check_instructor(instructors.get(merged["instructor_id"]), place_path)
        deregistered_at = current["deregistered_at"]
        if merged["operating_status"] == OperatingStatus.deregistered:
            deregistered_at = self.at
        new = {
            **merged,
            "in_scope": is_in_scope(merged["kind"], merged["employees"], merged["operating_status"], self.thresholds),
            "deregistered_at": deregistered_at,
            "version": current["version"] + 1,
            "updated_at": self.at,
        }
        old = {k: current[k] for k in new}
        before, after = audit.changed(_json(old), _json(new))
        self.changes.append(UnitChange(current["id"], _json(dict(current)), _json({**dict(current), **new})))
        updates.append({"id": current["id"], **new})
        action = "unit.deregister" if deregistered_at and not current["deregistered_at"] else "unit.update"
        records.append(self._record(action, current["id"], merged["jurisdiction_id"], before, after))
        self.counts["updated_count"] += 1


# The new units of a batch, on PostgreSQL: copied here, then moved into the ledger by one INSERT … SELECT.
_NEW_UNITS = "unit_import_new_units"


def _insert_units(creates: list[dict[str, Any]]) -> dict[str, int]:
    """Insert a batch's new units; their ids by credit code. ON CONFLICT DO NOTHING: a code registered meanwhile
    by someone else is left out (and reported by the caller), not a failed batch. On PostgreSQL the rows go by
    COPY into a temporary table (dropped at commit) and one INSERT … SELECT moves them, in file order, so the
    statement is not thousands of parameters long; elsewhere one multi-row INSERT … RETURNING."""
    t = _table(Unit)
    if db.session.connection().dialect.name != "postgresql":
        stmt = (
            sqlite.insert(t).on_conflict_do_nothing(index_elements=["credit_code"]).returning(t.c.id, t.c.credit_code)
        )
        return {str(r.credit_code): int(r.id) for r in db.session.execute(stmt, creates)}
    keys = list(creates[0])
    staging = Table(_NEW_UNITS, MetaData(), *(Column(k, t.c[k].type) for k in keys), Column("row_order", Integer))
    columns = ", ".join(keys)
    db.session.execute(
        text(
            f"CREATE TEMPORARY TABLE IF NOT EXISTS {_NEW_UNITS} ON COMMIT DROP AS "
            f"SELECT {columns}, 0 AS row_order FROM {t.name} WITH NO DATA"
        )
    )
    bulk.insert_rows(staging, [{**values, "row_order": n} for n, values in enumerate(creates)], copy=True)
    moved = db.session.execute(
        text(
            f"WITH moved AS (DELETE FROM {_NEW_UNITS} RETURNING *) "
            f"INSERT INTO {t.name} ({columns}) SELECT {columns} FROM moved ORDER BY row_order "
            "ON CONFLICT (credit_code) DO NOTHING RETURNING id, credit_code"
        )
    )
    return {str(r.credit_code): int(r.id) for r in moved}


# The changed units of a batch, on PostgreSQL: copied here, then written by one UPDATE … FROM.
_UPDATED_UNITS = "unit_import_updated_units"
# The columns an update writes, besides the id it is keyed by.
_UPDATED = (*WRITABLE, "in_scope", "deregistered_at", "version", "updated_at")


def _update_units(updates: list[dict[str, Any]]) -> None:
    """Write a batch's changed units (each row: the id and every column of `_UPDATED`; the rows are locked). On
    PostgreSQL the rows go by COPY into a temporary table (dropped at commit) and one `UPDATE … FROM` it writes
    them all; elsewhere one executemany UPDATE."""
    t = _table(Unit)
    if db.session.connection().dialect.name != "postgresql":
        db.session.execute(
            update(t).where(t.c.id == bindparam("b_id")).values({k: bindparam(f"b_{k}") for k in _UPDATED}),
            [{f"b_{k}": row[k] for k in ("id", *_UPDATED)} for row in updates],
        )
        return
    keys = ("id", *_UPDATED)
    staging = Table(_UPDATED_UNITS, MetaData(), *(Column(k, t.c[k].type) for k in keys))
    db.session.execute(
        text(
            f"CREATE TEMPORARY TABLE IF NOT EXISTS {_UPDATED_UNITS} ON COMMIT DROP AS "
            f"SELECT {', '.join(keys)} FROM {t.name} WITH NO DATA"
        )
    )
    bulk.insert_rows(staging, [{k: row[k] for k in keys} for row in updates], copy=True)
    db.session.execute(
        text(
            f"WITH moved AS (DELETE FROM {_UPDATED_UNITS} RETURNING *) "
            f"UPDATE {t.name} SET {', '.join(f'{k} = moved.{k}' for k in _UPDATED)} "
            f"FROM moved WHERE {t.name}.id = moved.id"
        )
    )


_NULLABLE = {"industry", "address", "investor_or_head", "no_org_reason", "instructor_id"}
NEW = "_new"  # in a staged row's data: it was validated with the create fields


def _for_create(data: dict[str, Any]) -> dict[str, Any]:
    """Blank cells of columns that have a default are left out, so the create fields' defaults apply."""
    return {k: v for k, v in data.items() if k != NEW and (v is not None or k in _NULLABLE)}


def _json(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in values.items()}
