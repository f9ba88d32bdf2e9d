from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.token_create_scopes_type_0_item import TokenCreateScopesType0Item, check_token_create_scopes_type_0_item
from ..types import UNSET, Unset

T = TypeVar("T", bound="TokenCreate")


@_attrs_define
class TokenCreate:
    """
    Attributes:
        name (str | Unset): No control characters (tab and line breaks allowed) Default: 'api'.
        scopes (list[TokenCreateScopesType0Item] | None | Unset): What the token may be used for: `read`,
            `ledger:write`, `workflow:act`, `admin`. Omitted: the role's full set (admin: all four; supervisor, handler,
            portal: all but `admin`; approver, instructor: `read` and `workflow:act`). A scope the role cannot hold is
            refused (422 `scope_beyond_role`).
    """

    name: str | Unset = "api"
    scopes: list[TokenCreateScopesType0Item] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        scopes: list[str] | None | Unset
        if isinstance(self.scopes, Unset):
            scopes = UNSET
        elif isinstance(self.scopes, list):
            scopes = []
            for scopes_type_0_item_data in self.scopes:
                scopes_type_0_item: str = scopes_type_0_item_data
                scopes.append(scopes_type_0_item)

        else:
            scopes = self.scopes

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if scopes is not UNSET:
            field_dict["scopes"] = scopes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        def _parse_scopes(data: object) -> list[TokenCreateScopesType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                scopes_type_0 = []
                _scopes_type_0 = data
                for scopes_type_0_item_data in _scopes_type_0:
                    scopes_type_0_item = check_token_create_scopes_type_0_item(scopes_type_0_item_data)

                    scopes_type_0.append(scopes_type_0_item)

                return scopes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[TokenCreateScopesType0Item] | None | Unset, data)

        scopes = _parse_scopes(d.pop("scopes", UNSET))

        token_create = cls(
            name=name,
            scopes=scopes,
        )

        return token_create
