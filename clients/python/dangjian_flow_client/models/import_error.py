from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ImportError_")


@_attrs_define
class ImportError_:
    """
    Attributes:
        row (int | Unset): Row number in the sheet (the header is row 1)
        column (None | str | Unset): The column's Chinese header
        code (str | Unset):
        message (str | Unset): Chinese message
    """

    row: int | Unset = UNSET
    column: None | str | Unset = UNSET
    code: str | Unset = UNSET
    message: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        row = self.row

        column: None | str | Unset
        if isinstance(self.column, Unset):
            column = UNSET
        else:
            column = self.column

        code = self.code

        message = self.message

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if row is not UNSET:
            field_dict["row"] = row
        if column is not UNSET:
            field_dict["column"] = column
        if code is not UNSET:
            field_dict["code"] = code
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        row = d.pop("row", UNSET)

        def _parse_column(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        column = _parse_column(d.pop("column", UNSET))

        code = d.pop("code", UNSET)

        message = d.pop("message", UNSET)

        import_error = cls(
            row=row,
            column=column,
            code=code,
            message=message,
        )

        return import_error
