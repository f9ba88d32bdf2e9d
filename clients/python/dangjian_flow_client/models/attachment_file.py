from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import File

T = TypeVar("T", bound="AttachmentFile")


@_attrs_define
class AttachmentFile:
    """
    Attributes:
        file (File): The file: PDF, PNG, JPEG, .docx/.xlsx, .doc/.xls or plain text, judged by its content
    """

    file: File

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "file": file,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = File(payload=BytesIO(d.pop("file")))

        attachment_file = cls(
            file=file,
        )

        return attachment_file
