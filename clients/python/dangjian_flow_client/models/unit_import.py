from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_error import ImportError_


T = TypeVar("T", bound="UnitImport")


@_attrs_define
class UnitImport:
    """
    Attributes:
        id (int | Unset):
        status (str | Unset): queued, running, succeeded or failed
        status_label (Any | Unset):
        phase (None | str | Unset): While running: validating, then applying
        phase_label (Any | Unset):
        mode (str | Unset):
        filename (str | Unset):
        size_bytes (int | Unset):
        sheet_title (str | Unset):
        total_rows (int | Unset): Rows below the header, as the sheet holds them
        processed_rows (int | Unset): Rows validated so far
        progress (Any | Unset): 0..1
        created_count (int | Unset):
        updated_count (int | Unset):
        unchanged_count (int | Unset):
        error_count (int | Unset):
        error_rows (int | Unset):
        unknown_columns (list[str] | Unset): Headers the import does not know (ignored)
        message (None | str | Unset):
        created_at (datetime.datetime | Unset):
        started_at (datetime.datetime | None | Unset):
        finished_at (datetime.datetime | None | Unset):
        errors (list[ImportError_] | Unset): The first errors (all of them in errors.xlsx)
    """

    id: int | Unset = UNSET
    status: str | Unset = UNSET
    status_label: Any | Unset = UNSET
    phase: None | str | Unset = UNSET
    phase_label: Any | Unset = UNSET
    mode: str | Unset = UNSET
    filename: str | Unset = UNSET
    size_bytes: int | Unset = UNSET
    sheet_title: str | Unset = UNSET
    total_rows: int | Unset = UNSET
    processed_rows: int | Unset = UNSET
    progress: Any | Unset = UNSET
    created_count: int | Unset = UNSET
    updated_count: int | Unset = UNSET
    unchanged_count: int | Unset = UNSET
    error_count: int | Unset = UNSET
    error_rows: int | Unset = UNSET
    unknown_columns: list[str] | Unset = UNSET
    message: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    errors: list[ImportError_] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status

        status_label = self.status_label

        phase: None | str | Unset
        if isinstance(self.phase, Unset):
            phase = UNSET
        else:
            phase = self.phase

        phase_label = self.phase_label

        mode = self.mode

        filename = self.filename

        size_bytes = self.size_bytes

        sheet_title = self.sheet_title

        total_rows = self.total_rows

        processed_rows = self.processed_rows

        progress = self.progress

        created_count = self.created_count

        updated_count = self.updated_count

        unchanged_count = self.unchanged_count

        error_count = self.error_count

        error_rows = self.error_rows

        unknown_columns: list[str] | Unset = UNSET
        if not isinstance(self.unknown_columns, Unset):
            unknown_columns = self.unknown_columns

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if status is not UNSET:
            field_dict["status"] = status
        if status_label is not UNSET:
            field_dict["status_label"] = status_label
        if phase is not UNSET:
            field_dict["phase"] = phase
        if phase_label is not UNSET:
            field_dict["phase_label"] = phase_label
        if mode is not UNSET:
            field_dict["mode"] = mode
        if filename is not UNSET:
            field_dict["filename"] = filename
        if size_bytes is not UNSET:
            field_dict["size_bytes"] = size_bytes
        if sheet_title is not UNSET:
            field_dict["sheet_title"] = sheet_title
        if total_rows is not UNSET:
            field_dict["total_rows"] = total_rows
        if processed_rows is not UNSET:
            field_dict["processed_rows"] = processed_rows
        if progress is not UNSET:
            field_dict["progress"] = progress
        if created_count is not UNSET:
            field_dict["created_count"] = created_count
        if updated_count is not UNSET:
            field_dict["updated_count"] = updated_count
        if unchanged_count is not UNSET:
            field_dict["unchanged_count"] = unchanged_count
        if error_count is not UNSET:
            field_dict["error_count"] = error_count
        if error_rows is not UNSET:
            field_dict["error_rows"] = error_rows
        if unknown_columns is not UNSET:
            field_dict["unknown_columns"] = unknown_columns
        if message is not UNSET:
            field_dict["message"] = message
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_error import ImportError_  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        status = d.pop("status", UNSET)

        status_label = d.pop("status_label", UNSET)

        def _parse_phase(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phase = _parse_phase(d.pop("phase", UNSET))

        phase_label = d.pop("phase_label", UNSET)

        mode = d.pop("mode", UNSET)

        filename = d.pop("filename", UNSET)

        size_bytes = d.pop("size_bytes", UNSET)

        sheet_title = d.pop("sheet_title", UNSET)

        total_rows = d.pop("total_rows", UNSET)

        processed_rows = d.pop("processed_rows", UNSET)

        progress = d.pop("progress", UNSET)

        created_count = d.pop("created_count", UNSET)

        updated_count = d.pop("updated_count", UNSET)

        unchanged_count = d.pop("unchanged_count", UNSET)

        error_count = d.pop("error_count", UNSET)

        error_rows = d.pop("error_rows", UNSET)

        unknown_columns = cast(list[str], d.pop("unknown_columns", UNSET))

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        def _parse_finished_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))

        _errors = d.pop("errors", UNSET)
        errors: list[ImportError_] | Unset = UNSET
        if _errors is not UNSET:
            errors = []
            for errors_item_data in _errors:
                errors_item = ImportError_.from_dict(errors_item_data)

                errors.append(errors_item)

        unit_import = cls(
            id=id,
            status=status,
            status_label=status_label,
            phase=phase,
            phase_label=phase_label,
            mode=mode,
            filename=filename,
            size_bytes=size_bytes,
            sheet_title=sheet_title,
            total_rows=total_rows,
            processed_rows=processed_rows,
            progress=progress,
            created_count=created_count,
            updated_count=updated_count,
            unchanged_count=unchanged_count,
            error_count=error_count,
            error_rows=error_rows,
            unknown_columns=unknown_columns,
            message=message,
            created_at=created_at,
            started_at=started_at,
            finished_at=finished_at,
            errors=errors,
        )

        return unit_import
