from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_detail import ErrorDetail
    from ..models.error_errors import ErrorErrors


T = TypeVar("T", bound="Error")


@_attrs_define
class Error:
    """
    Attributes:
        status (int | Unset): HTTP status
        code (str | Unset): Machine-readable error code
        message (str | Unset): Human message (Chinese)
        errors (ErrorErrors | Unset): Field errors by location: {'json': {'field': ['msg']}}
        detail (ErrorDetail | Unset): Only on some rule refusals: the numbers behind it, from the settings in force,
            e.g. {'threshold': 100, 'formal_members': 80}. `threshold` is the least count that passes; other keys name the
            counts (`formal_members`, `mobile_members`, `units`, `max_units`, `soft_max`).
        required_scope (str | Unset): Only on 403 `insufficient_scope`: the token scope the operation requires
        request_id (str | Unset):
    """

    status: int | Unset = UNSET
    code: str | Unset = UNSET
    message: str | Unset = UNSET
    errors: ErrorErrors | Unset = UNSET
    detail: ErrorDetail | Unset = UNSET
    required_scope: str | Unset = UNSET
    request_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        code = self.code

        message = self.message

        errors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = self.errors.to_dict()

        detail: dict[str, Any] | Unset = UNSET
        if not isinstance(self.detail, Unset):
            detail = self.detail.to_dict()

        required_scope = self.required_scope

        request_id = self.request_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if code is not UNSET:
            field_dict["code"] = code
        if message is not UNSET:
            field_dict["message"] = message
        if errors is not UNSET:
            field_dict["errors"] = errors
        if detail is not UNSET:
            field_dict["detail"] = detail
        if required_scope is not UNSET:
            field_dict["required_scope"] = required_scope
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_detail import ErrorDetail  # noqa: PLC0415
        from ..models.error_errors import ErrorErrors  # noqa: PLC0415

        d = dict(src_dict)
        status = d.pop("status", UNSET)

        code = d.pop("code", UNSET)

        message = d.pop("message", UNSET)

        _errors = d.pop("errors", UNSET)
        errors: ErrorErrors | Unset
        if isinstance(_errors, Unset):
            errors = UNSET
        else:
            errors = ErrorErrors.from_dict(_errors)

        _detail = d.pop("detail", UNSET)
        detail: ErrorDetail | Unset
        if isinstance(_detail, Unset):
            detail = UNSET
        else:
            detail = ErrorDetail.from_dict(_detail)

        required_scope = d.pop("required_scope", UNSET)

        request_id = d.pop("request_id", UNSET)

        error = cls(
            status=status,
            code=code,
            message=message,
            errors=errors,
            detail=detail,
            required_scope=required_scope,
            request_id=request_id,
        )

        return error
