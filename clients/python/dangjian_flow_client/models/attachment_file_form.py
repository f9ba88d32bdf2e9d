from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .. import types
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="AttachmentFileForm")


@_attrs_define
class AttachmentFileForm:
    """
    Attributes:
        file (File): The file: PDF, PNG, JPEG, .docx/.xlsx, .doc/.xls or plain text, judged by its content
        kind (str): The kind of file the subject takes: a case request/roster/minutes/reply_scan, a ticket
            evidence/report, an interview record
        supersedes (int | Unset): The id of an attachment of the same subject this one replaces
    """

    file: File
    kind: str
    supersedes: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()

        kind = self.kind

        supersedes = self.supersedes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "file": file,
                "kind": kind,
            }
        )
        if supersedes is not UNSET:
            field_dict["supersedes"] = supersedes

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        files.append(("kind", (None, str(self.kind).encode(), "text/plain")))

        if not isinstance(self.supersedes, Unset):
            files.append(("supersedes", (None, str(self.supersedes).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = File(payload=BytesIO(d.pop("file")))

        kind = d.pop("kind")

        supersedes = d.pop("supersedes", UNSET)

        attachment_file_form = cls(
            file=file,
            kind=kind,
            supersedes=supersedes,
        )

        return attachment_file_form
