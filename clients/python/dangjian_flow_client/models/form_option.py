from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FormOption")


@_attrs_define
class FormOption:
    """
    Attributes:
        form (str | Unset):
        label (str | Unset):
        allowed (bool | Unset):
        required (bool | Unset):
        needs_reason (bool | Unset):
        reason (str | Unset):
        code (None | str | Unset):
    """

    form: str | Unset = UNSET
    label: str | Unset = UNSET
    allowed: bool | Unset = UNSET
    required: bool | Unset = UNSET
    needs_reason: bool | Unset = UNSET
    reason: str | Unset = UNSET
    code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        form = self.form

        label = self.label

        allowed = self.allowed

        required = self.required

        needs_reason = self.needs_reason

        reason = self.reason

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if form is not UNSET:
            field_dict["form"] = form
        if label is not UNSET:
            field_dict["label"] = label
        if allowed is not UNSET:
            field_dict["allowed"] = allowed
        if required is not UNSET:
            field_dict["required"] = required
        if needs_reason is not UNSET:
            field_dict["needs_reason"] = needs_reason
        if reason is not UNSET:
            field_dict["reason"] = reason
        if code is not UNSET:
            field_dict["code"] = code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        form = d.pop("form", UNSET)

        label = d.pop("label", UNSET)

        allowed = d.pop("allowed", UNSET)

        required = d.pop("required", UNSET)

        needs_reason = d.pop("needs_reason", UNSET)

        reason = d.pop("reason", UNSET)

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        form_option = cls(
            form=form,
            label=label,
            allowed=allowed,
            required=required,
            needs_reason=needs_reason,
            reason=reason,
            code=code,
        )

        return form_option
