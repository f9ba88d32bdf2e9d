from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Attachment")


@_attrs_define
class Attachment:
    """
    Attributes:
        id (int | Unset):
        subject_type (str | Unset):
        subject_id (int | Unset):
        kind (str | Unset):
        kind_label (str | Unset):
        filename (str | Unset): The display name (no path)
        content_type (str | Unset): As judged from the content
        size (int | Unset): Bytes
        sha256 (str | Unset):
        uploaded_by (int | None | Unset):
        uploader_name (str | Unset): The uploader's display name
        uploaded_at (datetime.datetime | Unset):
        supersedes_id (int | None | Unset):
        withdrawn (Any | Unset):
        withdrawn_at (datetime.datetime | None | Unset):
        withdrawn_by (int | None | Unset):
        withdrawer_name (None | str | Unset):
        withdrawal_reason (None | str | Unset):
    """

    id: int | Unset = UNSET
    subject_type: str | Unset = UNSET
    subject_id: int | Unset = UNSET
    kind: str | Unset = UNSET
    kind_label: str | Unset = UNSET
    filename: str | Unset = UNSET
    content_type: str | Unset = UNSET
    size: int | Unset = UNSET
    sha256: str | Unset = UNSET
    uploaded_by: int | None | Unset = UNSET
    uploader_name: str | Unset = UNSET
    uploaded_at: datetime.datetime | Unset = UNSET
    supersedes_id: int | None | Unset = UNSET
    withdrawn: Any | Unset = UNSET
    withdrawn_at: datetime.datetime | None | Unset = UNSET
    withdrawn_by: int | None | Unset = UNSET
    withdrawer_name: None | str | Unset = UNSET
    withdrawal_reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        subject_type = self.subject_type

        subject_id = self.subject_id

        kind = self.kind

        kind_label = self.kind_label

        filename = self.filename

        content_type = self.content_type

        size = self.size

        sha256 = self.sha256

        uploaded_by: int | None | Unset
        if isinstance(self.uploaded_by, Unset):
            uploaded_by = UNSET
        else:
            uploaded_by = self.uploaded_by

        uploader_name = self.uploader_name

        uploaded_at: str | Unset = UNSET
        if not isinstance(self.uploaded_at, Unset):
            uploaded_at = self.uploaded_at.isoformat()

        supersedes_id: int | None | Unset
        if isinstance(self.supersedes_id, Unset):
            supersedes_id = UNSET
        else:
            supersedes_id = self.supersedes_id

        withdrawn = self.withdrawn

        withdrawn_at: None | str | Unset
        if isinstance(self.withdrawn_at, Unset):
            withdrawn_at = UNSET
        elif isinstance(self.withdrawn_at, datetime.datetime):
            withdrawn_at = self.withdrawn_at.isoformat()
        else:
            withdrawn_at = self.withdrawn_at

        withdrawn_by: int | None | Unset
        if isinstance(self.withdrawn_by, Unset):
            withdrawn_by = UNSET
        else:
            withdrawn_by = self.withdrawn_by

        withdrawer_name: None | str | Unset
        if isinstance(self.withdrawer_name, Unset):
            withdrawer_name = UNSET
        else:
            withdrawer_name = self.withdrawer_name

        withdrawal_reason: None | str | Unset
        if isinstance(self.withdrawal_reason, Unset):
            withdrawal_reason = UNSET
        else:
            withdrawal_reason = self.withdrawal_reason

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if subject_type is not UNSET:
            field_dict["subject_type"] = subject_type
        if subject_id is not UNSET:
            field_dict["subject_id"] = subject_id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if kind_label is not UNSET:
            field_dict["kind_label"] = kind_label
        if filename is not UNSET:
            field_dict["filename"] = filename
        if content_type is not UNSET:
            field_dict["content_type"] = content_type
        if size is not UNSET:
            field_dict["size"] = size
        if sha256 is not UNSET:
            field_dict["sha256"] = sha256
        if uploaded_by is not UNSET:
            field_dict["uploaded_by"] = uploaded_by
        if uploader_name is not UNSET:
            field_dict["uploader_name"] = uploader_name
        if uploaded_at is not UNSET:
            field_dict["uploaded_at"] = uploaded_at
        if supersedes_id is not UNSET:
            field_dict["supersedes_id"] = supersedes_id
        if withdrawn is not UNSET:
            field_dict["withdrawn"] = withdrawn
        if withdrawn_at is not UNSET:
            field_dict["withdrawn_at"] = withdrawn_at
        if withdrawn_by is not UNSET:
            field_dict["withdrawn_by"] = withdrawn_by
        if withdrawer_name is not UNSET:
            field_dict["withdrawer_name"] = withdrawer_name
        if withdrawal_reason is not UNSET:
            field_dict["withdrawal_reason"] = withdrawal_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        subject_type = d.pop("subject_type", UNSET)

        subject_id = d.pop("subject_id", UNSET)

        kind = d.pop("kind", UNSET)

        kind_label = d.pop("kind_label", UNSET)

        filename = d.pop("filename", UNSET)

        content_type = d.pop("content_type", UNSET)

        size = d.pop("size", UNSET)

        sha256 = d.pop("sha256", UNSET)

        def _parse_uploaded_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        uploaded_by = _parse_uploaded_by(d.pop("uploaded_by", UNSET))

        uploader_name = d.pop("uploader_name", UNSET)

        _uploaded_at = d.pop("uploaded_at", UNSET)
        uploaded_at: datetime.datetime | Unset
        if isinstance(_uploaded_at, Unset):
            uploaded_at = UNSET
        else:
            uploaded_at = datetime.datetime.fromisoformat(_uploaded_at)

        def _parse_supersedes_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        supersedes_id = _parse_supersedes_id(d.pop("supersedes_id", UNSET))

        withdrawn = d.pop("withdrawn", UNSET)

        def _parse_withdrawn_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                withdrawn_at_type_0 = datetime.datetime.fromisoformat(data)

                return withdrawn_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        withdrawn_at = _parse_withdrawn_at(d.pop("withdrawn_at", UNSET))

        def _parse_withdrawn_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        withdrawn_by = _parse_withdrawn_by(d.pop("withdrawn_by", UNSET))

        def _parse_withdrawer_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        withdrawer_name = _parse_withdrawer_name(d.pop("withdrawer_name", UNSET))

        def _parse_withdrawal_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        withdrawal_reason = _parse_withdrawal_reason(d.pop("withdrawal_reason", UNSET))

        attachment = cls(
            id=id,
            subject_type=subject_type,
            subject_id=subject_id,
            kind=kind,
            kind_label=kind_label,
            filename=filename,
            content_type=content_type,
            size=size,
            sha256=sha256,
            uploaded_by=uploaded_by,
            uploader_name=uploader_name,
            uploaded_at=uploaded_at,
            supersedes_id=supersedes_id,
            withdrawn=withdrawn,
            withdrawn_at=withdrawn_at,
            withdrawn_by=withdrawn_by,
            withdrawer_name=withdrawer_name,
            withdrawal_reason=withdrawal_reason,
        )

        return attachment
