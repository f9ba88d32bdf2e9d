from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TemplateVersion")


@_attrs_define
class TemplateVersion:
    """
    Attributes:
        id (int | Unset):
        kind (str | Unset):
        jurisdiction_id (int | Unset):
        version (int | Unset):
        filename (None | str | Unset):
        size (int | None | Unset):
        sha256 (None | str | Unset):
        uploaded_by (int | None | Unset):
        uploaded_at (str | Unset):
        current (bool | Unset):
        reset (bool | Unset): A return to the inherited/default template
    """

    id: int | Unset = UNSET
    kind: str | Unset = UNSET
    jurisdiction_id: int | Unset = UNSET
    version: int | Unset = UNSET
    filename: None | str | Unset = UNSET
    size: int | None | Unset = UNSET
    sha256: None | str | Unset = UNSET
    uploaded_by: int | None | Unset = UNSET
    uploaded_at: str | Unset = UNSET
    current: bool | Unset = UNSET
    reset: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind

        jurisdiction_id = self.jurisdiction_id

        version = self.version

        filename: None | str | Unset
        if isinstance(self.filename, Unset):
            filename = UNSET
        else:
            filename = self.filename

        size: int | None | Unset
        if isinstance(self.size, Unset):
            size = UNSET
        else:
            size = self.size

        sha256: None | str | Unset
        if isinstance(self.sha256, Unset):
            sha256 = UNSET
        else:
            sha256 = self.sha256

        uploaded_by: int | None | Unset
        if isinstance(self.uploaded_by, Unset):
            uploaded_by = UNSET
        else:
            uploaded_by = self.uploaded_by

        uploaded_at = self.uploaded_at

        current = self.current

        reset = self.reset

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if jurisdiction_id is not UNSET:
            field_dict["jurisdiction_id"] = jurisdiction_id
        if version is not UNSET:
            field_dict["version"] = version
        if filename is not UNSET:
            field_dict["filename"] = filename
        if size is not UNSET:
            field_dict["size"] = size
        if sha256 is not UNSET:
            field_dict["sha256"] = sha256
        if uploaded_by is not UNSET:
            field_dict["uploaded_by"] = uploaded_by
        if uploaded_at is not UNSET:
            field_dict["uploaded_at"] = uploaded_at
        if current is not UNSET:
            field_dict["current"] = current
        if reset is not UNSET:
            field_dict["reset"] = reset

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        kind = d.pop("kind", UNSET)

        jurisdiction_id = d.pop("jurisdiction_id", UNSET)

        version = d.pop("version", UNSET)

        def _parse_filename(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        filename = _parse_filename(d.pop("filename", UNSET))

        def _parse_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        size = _parse_size(d.pop("size", UNSET))

        def _parse_sha256(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sha256 = _parse_sha256(d.pop("sha256", UNSET))

        def _parse_uploaded_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        uploaded_by = _parse_uploaded_by(d.pop("uploaded_by", UNSET))

        uploaded_at = d.pop("uploaded_at", UNSET)

        current = d.pop("current", UNSET)

        reset = d.pop("reset", UNSET)

        template_version = cls(
            id=id,
            kind=kind,
            jurisdiction_id=jurisdiction_id,
            version=version,
            filename=filename,
            size=size,
            sha256=sha256,
            uploaded_by=uploaded_by,
            uploaded_at=uploaded_at,
            current=current,
            reset=reset,
        )

        return template_version
